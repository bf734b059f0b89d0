import 'server-only';
import { DateTime } from 'luxon';
import type { Tx } from '@/db/client';
import { expireHolds, lockOccupyingBookings, moveToCounters } from '@/db/queries/admin-capacity';
import { cancelBookingsWithReason, lockBookingDays, type StrandedBooking } from '@/db/queries/admin-closures';
import { listCounters, listWindows } from '@/db/queries/admin-locations';
import { writeAudit } from '@/db/queries/staff';
import { queueSweepIfWaiting } from '@/db/queries/waitlist';
import type { locations, openingHours } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff-session';
import { enqueueMail } from '@/lib/mail/outbox';
import { planCapacityChange, type Staffing } from '@/lib/slots';
import { assertAdmin } from './access';
import de from '@/messages/de.json';
import en from '@/messages/en.json';

/** The reason a cancelled citizen reads, in their language. */
const CANCEL_REASON = { de: de.Admin.capacity.cancelReason, en: en.Admin.capacity.cancelReason };

/** A change that would strand bookings: nothing is changed until the admin confirms exactly these. */
export type NeedsConfirmation = { ok: false; needsConfirmation: true; affected: StrandedBooking[]; changed: boolean };
export type Settled = { ok: true; movedBookingIds: number[]; cancelledBookingIds: number[] };

/** A location's staffing with the rows of its windows. */
export type LocationStaffing = Omit<Staffing, 'windows'> & { windows: (typeof openingHours.$inferSelect)[] };

/** The location's staffing as it is now: its weekly windows and active counters in preference order. */
export async function currentStaffing({ location, tx }: { location: typeof locations.$inferSelect; tx: Tx }): Promise<LocationStaffing> {
  const [windows, counters] = await Promise.all([listWindows({ locationId: location.id, tx }), listCounters({ locationId: location.id, tx })]);
  return { timeZone: location.timeZone, windows, counterIds: counters.filter((c) => c.active).map((c) => c.id) };
}

const idList = (ids: readonly number[]) => [...ids].sort((x, y) => x - y).join(',');

/**
 * Settles a location's future bookings before its staffing changes from `before` to `after`; runs in
 * the transaction that makes the change, with the location row locked. Holds on the location's
 * bookable days wait meanwhile (the advisory locks `insertHold` takes), so the plan sees every booking.
 *
 * The bookings that have not started are re-packed onto the counters staffed afterwards (`planCapacityChange`),
 * keeping their times. Bookings that do not fit beside the others are stranded: unless `confirmedBookingIds` names exactly those, nothing
 * is written and they come back for the admin to confirm. Confirmed, they are cancelled with a mail in
 * the citizen's language, stranded holds end, and each change is audited.
 */
export async function settleBookings({ tx, actor, location, before, after, confirmedBookingIds, now }: { tx: Tx; actor: StaffUser | null; location: typeof locations.$inferSelect; before: Staffing; after: Staffing; confirmedBookingIds?: number[]; now: Date }): Promise<Settled | NeedsConfirmation> {
  assertAdmin(actor);
  const horizonEnd = new Date(now.getTime() + (location.bookingHorizonDays + 2) * 86_400_000);
  await lockBookingDays({ locationIds: [location.id], from: now, to: horizonEnd, tx });
  const locked = await lockOccupyingBookings({ locationId: location.id, now, tx });
  // Holds that ran out still occupy their counter for the exclusion constraint until someone marks them;
  // mark them here, or a move onto that counter would fail.
  const stale = locked.filter((b) => b.status === 'held' && (b.holdExpiresAt === null || b.holdExpiresAt <= now));
  await expireHolds({ ids: stale.map((b) => b.id), tx });
  const occupying = locked.filter((b) => !stale.includes(b));
  const plan = planCapacityChange({ before, after, bookings: occupying, movable: (b) => b.start > now && (b.status === 'held' || b.status === 'booked') });

  const strandedSet = new Set(plan.stranded);
  const strandedBookings = occupying.filter((b) => strandedSet.has(b.id) && b.status === 'booked');
  const strandedHolds = occupying.filter((b) => strandedSet.has(b.id) && b.status === 'held').map((b) => b.id);
  const strandedIds = strandedBookings.map((b) => b.id);
  if (strandedIds.length > 0 && !(confirmedBookingIds && idList(confirmedBookingIds) === idList(strandedIds))) {
    return { ok: false, needsConfirmation: true, affected: strandedBookings, changed: confirmedBookingIds !== undefined };
  }

  await expireHolds({ ids: strandedHolds, tx });
  // Cancel first: a move may use the time a stranded booking gives up only in a later change, never in this one.
  const cancelled = await cancelBookingsWithReason({ ids: strandedIds, reason: CANCEL_REASON, tx });
  await moveToCounters({ moves: plan.moves, tx });
  for (const booking of cancelled) {
    if (booking.email) await enqueueMail(tx, { kind: 'booking-cancelled', bookingId: booking.id, reason: booking.cancelReason ?? CANCEL_REASON.de });
    await writeAudit({ tx, actorId: actor.id, action: 'booking-cancelled', entity: 'booking', entityId: booking.id, details: { reason: booking.cancelReason, capacityChange: true } });
  }
  for (const move of plan.moves) {
    const from = occupying.find((b) => b.id === move.bookingId)!.counterId;
    await writeAudit({ tx, actorId: actor.id, action: 'booking-counter-changed', entity: 'booking', entityId: move.bookingId, details: { fromCounterId: from, toCounterId: move.counterId } });
  }
  return { ok: true, movedBookingIds: plan.moves.map((m) => m.bookingId), cancelledBookingIds: cancelled.map((b) => b.id) };
}

/** A range of time, e.g. where an admin change adds free time. */
export type TimeRange = { start: Date; end: Date };

/** The occurrences of a weekly window (ISO `weekday`, wall-clock times) from today through the office's booking horizon. */
export function windowOccurrences({ location, weekday, opensAt, closesAt, now }: { location: { timeZone: string; bookingHorizonDays: number }; weekday: number; opensAt: string; closesAt: string; now: Date }): TimeRange[] {
  const today = DateTime.fromJSDate(now, { zone: location.timeZone }).startOf('day');
  const ranges: TimeRange[] = [];
  for (let day = today; day <= today.plus({ days: location.bookingHorizonDays }); day = day.plus({ days: 1 })) {
    if (day.weekday !== weekday) continue;
    const wallClock = (time: string) => DateTime.fromISO(`${day.toISODate()}T${time}`, { zone: location.timeZone }).toJSDate();
    ranges.push({ start: wallClock(opensAt), end: wallClock(closesAt) });
  }
  return ranges;
}

/**
 * Gives the waitlist first pick of the free times an admin change adds (an opening window, more counters
 * in one, a closure removed), as the trigger does for freed times: a sweep of each range, queued in the
 * change's transaction and only when a wish waits at the office. Days the release schedule has not released
 * yet are left to their release (`offerFreeTimes` offers released days only).
 */
export async function queueAddedCapacity({ tx, locationId, ranges }: { tx: Tx; locationId: number; ranges: readonly TimeRange[] }): Promise<void> {
  for (const { start, end } of ranges) if (start < end) await queueSweepIfWaiting({ locationId, start, end, tx });
}
