import { clientMessagesLayout } from '@/components/client-messages';

/** The number-and-PIN form and the cancel button. */
export default clientMessagesLayout(['PinCheck', 'Cancel']);
