import { clientMessagesLayout } from '@/components/client-messages';
import { DETAILS_STEP_CLIENT_NAMESPACES } from '@/lib/i18n/client-namespaces';

/** The contact form and the hold's countdown. */
export default clientMessagesLayout(DETAILS_STEP_CLIENT_NAMESPACES);
