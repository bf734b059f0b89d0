import 'server-only';
import { findBookingByTokenHash, type HeldBooking } from '@/db/queries/bookings';
import { formatChoiceParam } from './choice';
import { readHoldToken } from './hold-cookie';

export type CurrentHold =
  | { state: 'none' }
  | { state: 'active' | 'booked'; booking: HeldBooking; token: string }
  | { state: 'expired'; booking: HeldBooking; retryQuery: { standort: string; leistungen: string } };

/** This browser's booking in progress, read through its hold cookie. */
export async function currentHold(): Promise<CurrentHold> {
  const hold = await readHoldToken();
  const booking = hold ? await findBookingByTokenHash({ tokenHash: hold.tokenHash }) : null;
  if (!hold || !booking) return { state: 'none' };
  if (booking.holdActive) return { state: 'active', booking, token: hold.token };
  if (booking.status === 'held' || booking.status === 'expired') {
    return { state: 'expired', booking, retryQuery: { standort: booking.location.slug, leistungen: formatChoiceParam(booking.items) } };
  }
  if (booking.status === 'cancelled') return { state: 'none' };
  return { state: 'booked', booking, token: hold.token };
}
