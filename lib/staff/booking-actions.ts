import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { setStaffNote } from '@/db/queries/day-plan';
import { writeAudit } from '@/db/queries/staff';
import { bookings, locations } from '@/db/schema';
import { mayWorkAt, StaffAccessError, type StaffUser } from '@/lib/auth/staff-session';
import { enqueueMail } from '@/lib/mail/outbox';
import { checkStep, isUndo, type DeskStatus, type StepRefusal } from '@/lib/staff/status-steps';

export type StaffActionResult = { ok: true } | { ok: false; reason: 'not-found' | 'invalid-transition' | 'stale' | 'forbidden' | StepRefusal };

/**
 * Locks the booking and checks the actor may touch it; the access check sits here, beside the data. Another
 * office's booking is an answer (the day plan says so), not an exception that would end in a bare 500.
 */
async function lockBooking(tx: Tx, actor: StaffUser, bookingId: number) {
  const [booking] = await tx.select().from(bookings).where(eq(bookings.id, bookingId)).for('update');
  if (!booking) return null;
  if (!mayWorkAt(actor, booking.locationId)) return 'forbidden' as const;
  return booking;
}

/**
 * Check-in, done, no-show or the undo of one of them, recorded in the audit log. The rules of `checkStep` are
 * kept here, beside the data, whatever buttons a page shows. `from` is the status the clerk saw: a second
 * click or another clerk's change in between refuses instead of stepping twice.
 */
export async function changeBookingStatus({ actor, bookingId, from, status, now = new Date() }: { actor: StaffUser | null; bookingId: number; from?: DeskStatus; status: DeskStatus; now?: Date }): Promise<StaffActionResult> {
  if (!actor) throw new StaffAccessError('signed-out');
  return getDb().transaction(async (tx) => {
    const booking = await lockBooking(tx, actor, bookingId);
    if (!booking) return { ok: false, reason: 'not-found' };
    if (booking === 'forbidden') return { ok: false, reason: 'forbidden' };
    if (from && booking.status !== from) return { ok: false, reason: 'stale' };
    const [location] = await tx.select({ timeZone: locations.timeZone }).from(locations).where(eq(locations.id, booking.locationId));
    const verdict = checkStep({ from: booking.status, to: status, start: booking.during.start, now, timeZone: location!.timeZone });
    if (!verdict.ok) return verdict;
    // The times feed the statistics' time at the desk; a 'done' without a check-in records no duration. An undo clears them.
    const times = status === 'checked_in' ? { checkedInAt: now, doneAt: null } : status === 'done' ? { doneAt: now } : status === 'booked' ? { checkedInAt: null, doneAt: null } : {};
    await tx.update(bookings).set({ status, ...times }).where(eq(bookings.id, bookingId));
    const undo = isUndo(booking.status as DeskStatus, status);
    await writeAudit({ tx, actorId: actor.id, action: undo ? 'booking-status-undone' : `booking-${status}`, entity: 'booking', entityId: bookingId, details: { from: booking.status, to: status } });
    return { ok: true };
  });
}

/** Cancels on the citizen's behalf with a reason; the citizen gets the cancellation mail (with the reason). */
export async function cancelBookingForCitizen({ actor, bookingId, reason }: { actor: StaffUser | null; bookingId: number; reason: string }): Promise<StaffActionResult> {
  if (!actor) throw new StaffAccessError('signed-out');
  return getDb().transaction(async (tx) => {
    const booking = await lockBooking(tx, actor, bookingId);
    if (!booking) return { ok: false, reason: 'not-found' };
    if (booking === 'forbidden') return { ok: false, reason: 'forbidden' };
    if (booking.status !== 'booked') return { ok: false, reason: 'invalid-transition' };
    await tx.update(bookings).set({ status: 'cancelled', cancelledAt: new Date(), cancelledBy: 'staff', cancelReason: reason }).where(eq(bookings.id, bookingId));
    if (booking.email) await enqueueMail(tx, { kind: 'booking-cancelled', bookingId, reason });
    await writeAudit({ tx, actorId: actor.id, action: 'booking-cancelled', entity: 'booking', entityId: bookingId, details: { reason } });
    return { ok: true };
  });
}

/** Saves the clerks' internal note of a booking (empty clears it), audited without the note's text. */
export async function saveStaffNote({ actor, bookingId, note }: { actor: StaffUser | null; bookingId: number; note: string }): Promise<StaffActionResult> {
  if (!actor) throw new StaffAccessError('signed-out');
  return getDb().transaction(async (tx) => {
    const booking = await lockBooking(tx, actor, bookingId);
    if (!booking) return { ok: false, reason: 'not-found' };
    if (booking === 'forbidden') return { ok: false, reason: 'forbidden' };
    if (booking.personalDataErasedAt) return { ok: false, reason: 'not-found' };
    await setStaffNote({ tx, bookingId, note: note === '' ? null : note });
    await writeAudit({ tx, actorId: actor.id, action: 'booking-note', entity: 'booking', entityId: bookingId });
    return { ok: true };
  });
}
