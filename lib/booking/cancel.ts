import 'server-only';
import { getDb } from '@/db/client';
import { lockBookingByCode, markBookingCancelled } from '@/db/queries/booking-changes';
import { enqueueMail } from '@/lib/mail/outbox';
import { grantMatches } from './change-grant';
import { changeStateOf, type ChangeState } from './change-state';
import { normalizeBookingCode } from './secrets';

export type CancelOutcome =
  | { status: 'cancelled'; bookingId: number }
  /** The grant does not fit this booking (expired, another booking, PIN changed): ask for the PIN again. */
  | { status: 'invalid' }
  | { status: 'not-changeable'; state: Exclude<ChangeState, 'changeable'> };

/**
 * Cancels a booking for a citizen holding a grant from `verifyBookingPin`. The grant is checked again on
 * the locked row; the status change and the cancellation mail commit together or not at all.
 */
export async function cancelBooking({ code, grant, now = new Date() }: { code: string; grant: string; now?: Date }): Promise<CancelOutcome> {
  return getDb().transaction(async (tx) => {
    const booking = await lockBookingByCode({ code: normalizeBookingCode(code), tx });
    if (!booking || !grantMatches(grant, booking, now)) return { status: 'invalid' };
    const state = changeStateOf(booking, now);
    if (state !== 'changeable') return { status: 'not-changeable', state };
    await markBookingCancelled({ id: booking.id, reason: null, by: 'citizen', tx });
    await enqueueMail(tx, { kind: 'booking-cancelled', bookingId: booking.id });
    return { status: 'cancelled', bookingId: booking.id };
  });
}
