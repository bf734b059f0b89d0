import { clientMessagesLayout } from '@/components/client-messages';
import { CANCEL_CLIENT_NAMESPACES } from '@/lib/i18n/client-namespaces';

/** The number-and-PIN form and the cancel button. */
export default clientMessagesLayout(CANCEL_CLIENT_NAMESPACES);
