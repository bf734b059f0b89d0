import { clientMessagesLayout } from '@/components/client-messages';

/** The number-and-PIN form, the hold's countdown and the confirm button of a move. */
export default clientMessagesLayout(['PinCheck', 'Reschedule', 'Booking.hold']);
