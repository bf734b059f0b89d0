import 'server-only';
import { DateTime } from 'luxon';
import { findBookingByTokenHash, type HeldBooking } from '@/db/queries/bookings';
import { formatChoiceParam } from './choice';
import { readHoldToken } from './hold-cookie';

export type CurrentHold =
  | { state: 'none' }
  | { state: 'active' | 'booked'; booking: HeldBooking; token: string }
  | { state: 'expired'; booking: HeldBooking; retryQuery: { standort: string; leistungen: string; monat: string; tag: string } };

/** This browser's booking in progress, read through its hold cookie. */
export async function currentHold(): Promise<CurrentHold> {
  const hold = await readHoldToken();
  const booking = hold ? await findBookingByTokenHash({ tokenHash: hold.tokenHash }) : null;
  if (!hold || !booking) return { state: 'none' };
  if (booking.holdActive) return { state: 'active', booking, token: hold.token };
  if (booking.status === 'held' || booking.status === 'expired') {
    // Back to the day the citizen had chosen, not to the first free day.
    const day = DateTime.fromJSDate(booking.during.start, { zone: booking.location.timeZone });
    return { state: 'expired', booking, retryQuery: { standort: booking.location.slug, leistungen: formatChoiceParam(booking.items), monat: day.toFormat('yyyy-MM'), tag: day.toISODate()! } };
  }
  if (booking.status === 'cancelled') return { state: 'none' };
  return { state: 'booked', booking, token: hold.token };
}
