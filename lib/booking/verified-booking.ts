import 'server-only';
import { findBookingById, type BookingDetails } from '@/db/queries/booking-lookup';
import { grantBookingId, grantMatches } from './change-grant';
import { readChangeGrantCookie } from './change-grant-cookie';

/** The booking this browser proved the PIN of within the last minutes, or null. */
export async function verifiedBooking(now = new Date()): Promise<BookingDetails | null> {
  const grant = await readChangeGrantCookie();
  const id = grant ? grantBookingId(grant) : null;
  const booking = id ? await findBookingById({ id }) : null;
  return booking && grant && grantMatches(grant, booking, now) ? booking : null;
}
