import { clientMessagesLayout } from '@/components/client-messages';

/** The confirm button and the hold's countdown. */
export default clientMessagesLayout(['Booking.review', 'Booking.hold']);
