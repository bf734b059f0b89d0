import 'server-only';
import { getDb } from '@/db/client';
import { loadLocationForBooking } from '@/db/queries/availability';
import { findBookingById } from '@/db/queries/booking-lookup';
import { bookHoldAsReplacement, lockBookingByCode, lockBookingByTokenHash, markBookingCancelled } from '@/db/queries/booking-changes';
import { releaseHold } from '@/db/queries/bookings';
import { writeAudit } from '@/db/queries/staff';
import { mayWorkAt, StaffAccessError, type StaffUser } from '@/lib/auth/staff-session';
import { changeStateOf } from '@/lib/booking/change-state';
import { holdSlot } from '@/lib/booking/hold';
import { servicesToMove } from '@/lib/booking/reschedule';
import { generatePin, generateToken, hashToken, sealPin } from '@/lib/booking/secrets';
import { hashPin } from '@/lib/secrets/pin-hash';
import { enqueueMail } from '@/lib/mail/outbox';

export type StaffMoveOutcome = { ok: true; code: string } | { ok: false; reason: 'not-found' | 'not-changeable' | 'taken' | 'forbidden' };

/**
 * Moves a booking to `start` for the citizen (a clerk on the phone): the same reservation path as online,
 * then in one transaction the new booking with a new PIN, the old one cancelled, and the rescheduling mail.
 */
export async function moveBookingForCitizen({ actor, bookingId, start }: { actor: StaffUser | null; bookingId: number; start: Date }): Promise<StaffMoveOutcome> {
  if (!actor) throw new StaffAccessError('signed-out');
  const booking = await findBookingById({ id: bookingId });
  if (!booking) return { ok: false, reason: 'not-found' };
  if (!mayWorkAt(actor, booking.locationId)) return { ok: false, reason: 'forbidden' };
  const location = await loadLocationForBooking({ slug: booking.location.slug });
  const services = servicesToMove(location, booking);
  if (!location || !services || changeStateOf(booking) !== 'changeable') return { ok: false, reason: 'not-changeable' };

  const token = generateToken();
  const tokenHash = hashToken(token);
  const hold = await holdSlot({ location: { ...location, minLeadMinutes: 0 }, services, start, tokenHash, locale: booking.locale, releaseDelayMinutes: 0, respectRelease: false });
  if (!hold.ok) return { ok: false, reason: 'taken' };
  const pin = generatePin();
  const outcome = await getDb().transaction(async (tx): Promise<StaffMoveOutcome> => {
    const old = await lockBookingByCode({ code: booking.code, tx });
    const held = await lockBookingByTokenHash({ tokenHash, tx });
    if (!old || changeStateOf(old) !== 'changeable' || !held) return { ok: false, reason: 'not-changeable' };
    const replacement = await bookHoldAsReplacement({ holdId: held.id, from: old, pinHash: hashPin({ scope: 'booking', id: held.id, pin }), pinSealed: sealPin(pin, token), tx });
    if (!replacement) return { ok: false, reason: 'taken' };
    await markBookingCancelled({ id: old.id, reason: 'rescheduled', by: 'rescheduled', tx });
    await enqueueMail(tx, { kind: 'booking-rescheduled', bookingId: replacement.id, previousBookingId: old.id, pin });
    await writeAudit({ tx, actorId: actor.id, action: 'booking-moved', entity: 'booking', entityId: old.id, details: { to: replacement.id } });
    return { ok: true, code: replacement.code };
  });
  if (!outcome.ok) await releaseHold({ tokenHash });
  return outcome;
}
