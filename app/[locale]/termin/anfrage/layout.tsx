import { clientMessagesLayout } from '@/components/client-messages';

/** The request form (it counts services like the booking's first step) and the withdraw form. */
export default clientMessagesLayout(['Request.form', 'Request.withdraw', 'Booking.services']);
