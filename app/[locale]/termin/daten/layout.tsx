import { clientMessagesLayout } from '@/components/client-messages';

/** The contact form and the hold's countdown. */
export default clientMessagesLayout(['Booking.details', 'Booking.hold']);
