import 'server-only';
import { DateTime } from 'luxon';
import { getDb } from '@/db/client';
import {
  cancelBookingsWithReason,
  closureLocations,
  deleteClosure,
  expireHoldsOnDates,
  findStrandedBookings,
  insertClosure,
  listUpcomingClosures,
  lockBookingDays,
  type StrandedBooking,
} from '@/db/queries/admin-closures';
import { writeAudit } from '@/db/queries/staff';
import type { Localized } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff-session';
import { enqueueMail } from '@/lib/mail/outbox';
import { assertAdmin } from './access';
import { queueAddedCapacity } from './capacity';
import { refuse, type Refusal } from './problems';

/** Closures are entered as the office's dates; the seeded public holidays use the same zone. */
const OFFICE_ZONE = 'Europe/Berlin';

const todayIn = (zone: string, now: Date) => DateTime.fromJSDate(now, { zone }).toISODate()!;

export async function listClosures({ actor, now = new Date() }: { actor: StaffUser | null; now?: Date }) {
  assertAdmin(actor);
  return listUpcomingClosures({ today: todayIn(OFFICE_ZONE, now) });
}

export type ClosureInput = { locationId: number | null; startsOn: string; endsOn: string; reason: Localized };

export type AddClosureResult =
  | { ok: true; closureId: number; cancelledBookingIds: number[] }
  /** Bookings on those dates would be stranded: nothing changed; show them and ask again with their ids. */
  | { ok: false; needsConfirmation: true; affected: StrandedBooking[]; changed: boolean }
  | (Refusal & { needsConfirmation?: undefined });

const idList = (ids: readonly number[]) => [...ids].sort((x, y) => x - y).join(',');

/**
 * Adds a closure. If booked appointments lie on its dates, nothing changes until the admin confirms exactly
 * those bookings (`confirmedBookingIds`); then, in one transaction, the closure is created, those bookings are
 * cancelled with the closure's reason (in each booking's language), one cancellation mail per booking is
 * queued, running holds on those dates end, and everything is audited.
 */
export async function addClosure({ actor, input, confirmedBookingIds, now = new Date() }: { actor: StaffUser | null; input: ClosureInput; confirmedBookingIds?: number[]; now?: Date }): Promise<AddClosureResult> {
  assertAdmin(actor);
  if (input.endsOn < input.startsOn) return refuse('endsOn', 'endBeforeStart');
  if (input.startsOn < todayIn(OFFICE_ZONE, now)) return refuse('startsOn', 'dateInPast');

  return getDb().transaction(async (tx): Promise<AddClosureResult> => {
    const affectedLocations = await closureLocations({ locationId: input.locationId, tx });
    if (input.locationId !== null && affectedLocations.length === 0) return refuse('location', 'locationUnknown');

    // Wait for holds being written on these days, so the list below is complete when the closure commits.
    // Holds exist only between now and the booking horizon, so only those days are locked.
    for (const location of affectedLocations) {
      const first = DateTime.fromISO(input.startsOn, { zone: location.timeZone });
      const afterLast = DateTime.fromISO(input.endsOn, { zone: location.timeZone }).plus({ days: 1 });
      const from = Math.max(first.toMillis(), now.getTime());
      const to = Math.min(afterLast.toMillis(), now.getTime() + (location.bookingHorizonDays + 1) * 86_400_000);
      if (from < to) await lockBookingDays({ locationIds: [location.id], from: new Date(from), to: new Date(to), tx });
    }

    const affected = await findStrandedBookings({ locationId: input.locationId, startsOn: input.startsOn, endsOn: input.endsOn, lock: true, tx });
    const affectedIds = affected.map((b) => b.id);
    if (affected.length > 0 && !(confirmedBookingIds && idList(confirmedBookingIds) === idList(affectedIds))) {
      return { ok: false, needsConfirmation: true, affected, changed: confirmedBookingIds !== undefined };
    }

    const closure = await insertClosure({ ...input, tx });
    const expiredHolds = await expireHoldsOnDates({ locationId: input.locationId, startsOn: input.startsOn, endsOn: input.endsOn, tx });
    const cancelled = await cancelBookingsWithReason({ ids: affectedIds, reason: input.reason, tx });
    for (const booking of cancelled) {
      if (booking.email) await enqueueMail(tx, { kind: 'booking-cancelled', bookingId: booking.id, reason: booking.cancelReason ?? input.reason.de });
      await writeAudit({ tx, actorId: actor.id, action: 'booking-cancelled', entity: 'booking', entityId: booking.id, details: { reason: booking.cancelReason, closureId: closure.id } });
    }
    await writeAudit({
      tx,
      actorId: actor.id,
      action: 'closure-created',
      entity: 'closure',
      entityId: closure.id,
      details: { locationId: input.locationId, startsOn: input.startsOn, endsOn: input.endsOn, reason: input.reason, cancelledBookingIds: cancelled.map((b) => b.id), expiredHolds },
    });
    return { ok: true, closureId: closure.id, cancelledBookingIds: cancelled.map((b) => b.id) };
  });
}

/**
 * Deletes a closure (its days become bookable again, the waitlist first: `queueAddedCapacity`); bookings it
 * cancelled stay cancelled.
 */
export async function removeClosure({ actor, closureId, now = new Date() }: { actor: StaffUser | null; closureId: number; now?: Date }): Promise<{ ok: true } | Refusal> {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const removed = await deleteClosure({ id: closureId, tx });
    if (!removed) return refuse('form', 'notFound');
    for (const location of await closureLocations({ locationId: removed.locationId, tx })) {
      const start = DateTime.fromISO(removed.startsOn, { zone: location.timeZone }).toMillis();
      const end = DateTime.fromISO(removed.endsOn, { zone: location.timeZone }).plus({ days: 1 }).toMillis();
      const horizonEnd = now.getTime() + (location.bookingHorizonDays + 1) * 86_400_000;
      await queueAddedCapacity({ tx, locationId: location.id, ranges: [{ start: new Date(Math.max(start, now.getTime())), end: new Date(Math.min(end, horizonEnd)) }] });
    }
    await writeAudit({ tx, actorId: actor.id, action: 'closure-deleted', entity: 'closure', entityId: closureId, details: { locationId: removed.locationId, startsOn: removed.startsOn, endsOn: removed.endsOn, reason: removed.reason } });
    return { ok: true as const };
  });
}
