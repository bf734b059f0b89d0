import 'server-only';
import { getDb } from '@/db/client';
import type { LocationForBooking } from '@/db/queries/availability';
import { bookHoldAsReplacement, listBookingItems, lockBookingByCode, lockBookingByTokenHash, markBookingCancelled } from '@/db/queries/booking-changes';
import { enqueueMail } from '@/lib/mail/outbox';
import { grantMatches } from './change-grant';
import { changeStateOf, type ChangeState } from './change-state';
import { resolveChoice, type ChosenService } from './choice';
import { generatePin, hashToken, normalizeBookingCode, sealPin } from './secrets';
import { hashPin } from '@/lib/secrets/pin-hash';

/**
 * The booking's services, as the location offers them today, to look for a new time. Null when the
 * appointment cannot be moved online: the location takes requests only, or a service is no longer offered.
 */
export function servicesToMove(location: LocationForBooking | null, booking: { items: { slug: string; count: number }[] }): ChosenService[] | null {
  if (!location || location.mode !== 'booking') return null;
  return resolveChoice(location.services, new Map(booking.items.map((item) => [item.slug, item.count])));
}

export type RescheduleOutcome =
  | { status: 'rescheduled'; bookingId: number; code: string }
  /** A second submit of the same move: the first one already made `code`. */
  | { status: 'already-rescheduled'; code: string }
  | { status: 'invalid' }
  | { status: 'not-changeable'; state: Exclude<ChangeState, 'changeable'> }
  | { status: 'hold-expired' }
  /** The held time is for other services or another location than the booking. */
  | { status: 'hold-mismatch' };

const sameItems = (a: { serviceId: number; count: number }[], b: { serviceId: number; count: number }[]) =>
  a.length === b.length && a.every((item, i) => item.serviceId === b[i]!.serviceId && item.count === b[i]!.count);

/**
 * Moves a booking to the time this browser holds, in one transaction: the old booking is locked and
 * checked (grant, still booked, in the future), the hold becomes the new booking with the old contact
 * details and a new PIN, the old one is cancelled, and one `booking-rescheduled` mail is queued.
 * Either all of it happens or nothing; the citizen always holds exactly one appointment.
 * The new booking does not count against the per-address cap: it replaces one.
 */
export async function rescheduleBooking({ code, grant, holdToken, now = new Date() }: { code: string; grant: string; holdToken: string; now?: Date }): Promise<RescheduleOutcome> {
  const pin = generatePin();
  const pinSealed = sealPin(pin, holdToken);

  return getDb().transaction(async (tx) => {
    const old = await lockBookingByCode({ code: normalizeBookingCode(code), tx });
    if (!old || !grantMatches(grant, old, now)) return { status: 'invalid' };
    const hold = await lockBookingByTokenHash({ tokenHash: hashToken(holdToken), tx });
    if (hold && hold.status === 'booked' && hold.rescheduledFromId === old.id) return { status: 'already-rescheduled', code: hold.code };

    const state = changeStateOf(old, now);
    if (state !== 'changeable') return { status: 'not-changeable', state };
    if (!hold || !hold.holdActive) return { status: 'hold-expired' };
    const oldItems = await listBookingItems({ bookingId: old.id, tx });
    const heldItems = await listBookingItems({ bookingId: hold.id, tx });
    if (hold.locationId !== old.locationId || !sameItems(oldItems, heldItems)) return { status: 'hold-mismatch' };

    const replacement = await bookHoldAsReplacement({ holdId: hold.id, from: old, pinHash: hashPin({ scope: 'booking', id: hold.id, pin }), pinSealed, tx });
    if (!replacement) return { status: 'hold-expired' };
    await markBookingCancelled({ id: old.id, reason: 'rescheduled', by: 'rescheduled', tx });
    await enqueueMail(tx, { kind: 'booking-rescheduled', bookingId: replacement.id, previousBookingId: old.id, pin });
    return { status: 'rescheduled', bookingId: replacement.id, code: replacement.code };
  });
}
