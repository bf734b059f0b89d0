import { clientMessagesLayout } from '@/components/client-messages';
import { REQUEST_CLIENT_NAMESPACES } from '@/lib/i18n/client-namespaces';

/** The request form and the withdraw form. */
export default clientMessagesLayout(REQUEST_CLIENT_NAMESPACES);
