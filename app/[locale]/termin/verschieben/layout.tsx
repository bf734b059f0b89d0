import { clientMessagesLayout } from '@/components/client-messages';
import { RESCHEDULE_CLIENT_NAMESPACES } from '@/lib/i18n/client-namespaces';

/** The number-and-PIN form, the hold's countdown and the confirm button of a move. */
export default clientMessagesLayout(RESCHEDULE_CLIENT_NAMESPACES);
