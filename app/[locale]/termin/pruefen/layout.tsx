import { clientMessagesLayout } from '@/components/client-messages';
import { REVIEW_STEP_CLIENT_NAMESPACES } from '@/lib/i18n/client-namespaces';

/** The confirm button and the hold's countdown. */
export default clientMessagesLayout(REVIEW_STEP_CLIENT_NAMESPACES);
