import { clientMessagesLayout } from '@/components/client-messages';
import { STAFF_CLIENT_NAMESPACES } from '@/lib/i18n/client-namespaces';

/** The staff area's client components translate with namespaces citizens' pages do not carry. */
export default clientMessagesLayout(STAFF_CLIENT_NAMESPACES);
