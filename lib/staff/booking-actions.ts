import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { writeAudit } from '@/db/queries/staff';
import { bookings } from '@/db/schema';
import { mayWorkAt, StaffAccessError, type StaffUser } from '@/lib/auth/staff-session';
import { enqueueMail } from '@/lib/mail/outbox';

export type StaffStatus = 'checked_in' | 'done' | 'no_show';

// Which status a clerk may set from which: arrival, then done; or no-show for someone who never came.
const TRANSITIONS: Record<StaffStatus, readonly string[]> = {
  checked_in: ['booked'],
  done: ['checked_in', 'booked'],
  no_show: ['booked'],
};

export type StaffActionResult = { ok: true } | { ok: false; reason: 'not-found' | 'invalid-transition' };

/** Locks the booking and checks the actor may touch it; the access check sits here, beside the data. */
async function lockBooking(tx: Tx, actor: StaffUser, bookingId: number) {
  const [booking] = await tx.select().from(bookings).where(eq(bookings.id, bookingId)).for('update');
  if (!booking) return null;
  if (!mayWorkAt(actor, booking.locationId)) throw new StaffAccessError('forbidden');
  return booking;
}

/** Check-in, done or no-show, recorded in the audit log. */
export async function changeBookingStatus({ actor, bookingId, status }: { actor: StaffUser | null; bookingId: number; status: StaffStatus }): Promise<StaffActionResult> {
  if (!actor) throw new StaffAccessError('signed-out');
  return getDb().transaction(async (tx) => {
    const booking = await lockBooking(tx, actor, bookingId);
    if (!booking) return { ok: false, reason: 'not-found' };
    if (!TRANSITIONS[status].includes(booking.status)) return { ok: false, reason: 'invalid-transition' };
    // The times feed the statistics' time at the desk; a 'done' without a check-in records no duration.
    const now = new Date();
    await tx
      .update(bookings)
      .set({ status, ...(status === 'checked_in' ? { checkedInAt: now } : status === 'done' ? { doneAt: now } : {}) })
      .where(eq(bookings.id, bookingId));
    await writeAudit({ tx, actorId: actor.id, action: `booking-${status}`, entity: 'booking', entityId: bookingId, details: { from: booking.status } });
    return { ok: true };
  });
}

/** Cancels on the citizen's behalf with a reason; the citizen gets the cancellation mail (with the reason). */
export async function cancelBookingForCitizen({ actor, bookingId, reason }: { actor: StaffUser | null; bookingId: number; reason: string }): Promise<StaffActionResult> {
  if (!actor) throw new StaffAccessError('signed-out');
  return getDb().transaction(async (tx) => {
    const booking = await lockBooking(tx, actor, bookingId);
    if (!booking) return { ok: false, reason: 'not-found' };
    if (booking.status !== 'booked') return { ok: false, reason: 'invalid-transition' };
    await tx.update(bookings).set({ status: 'cancelled', cancelledAt: new Date(), cancelledBy: 'staff', cancelReason: reason }).where(eq(bookings.id, bookingId));
    if (booking.email) await enqueueMail(tx, { kind: 'booking-cancelled', bookingId, reason });
    await writeAudit({ tx, actorId: actor.id, action: 'booking-cancelled', entity: 'booking', entityId: bookingId, details: { reason } });
    return { ok: true };
  });
}
