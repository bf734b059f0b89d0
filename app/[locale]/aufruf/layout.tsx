import { clientMessagesLayout } from '@/components/client-messages';
import { CALL_DISPLAY_CLIENT_NAMESPACES } from '@/lib/i18n/client-namespaces';

/** The call display's board translates with a namespace citizens' pages do not carry. */
export default clientMessagesLayout(CALL_DISPLAY_CLIENT_NAMESPACES);
