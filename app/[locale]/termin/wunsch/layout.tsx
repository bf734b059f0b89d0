import { clientMessagesLayout } from '@/components/client-messages';
import { WAITLIST_CLIENT_NAMESPACES } from '@/lib/i18n/client-namespaces';

/** The Terminwunsch forms translate with a namespace the other citizens' pages do not carry. */
export default clientMessagesLayout(WAITLIST_CLIENT_NAMESPACES);
