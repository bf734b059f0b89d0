import { IANAZone } from 'luxon';
import { fitWithRepack, type Placement } from './counter-assignment';
import { staffedCounters, type PlacedBooking, type Staffing } from './staffing';

/** A booking as the re-pack sees it: `movable` when its status lets it move (held or booked). */
export type RepackBooking = PlacedBooking & { movable: boolean };

export type HoldRepack = {
  /** The counter the new booking gets. */
  counterId: number;
  /** Bookings that keep their time and change counter so the new one fits. */
  moves: { bookingId: number; counterId: number; fromCounterId: number }[];
};

const localDateOf = (zone: IANAZone, at: Date) => new Date(at.getTime() + zone.offset(at.getTime()) * 60_000).toISOString().slice(0, 10);

/**
 * Where a new booking for `[start, end)` goes when no counter is free for it as the bookings sit:
 * re-packs the bookings of that local day that may move (status movable, not started at `now`, on a
 * counter staffed for their time) with `assignCounters`; the others stay. Null when it does not fit.
 * `bookings` are the active bookings that touch that local day. The rule `computeSlots` offers by.
 */
export function planHoldRepack({ staffing, bookings, now, start, end }: { staffing: Staffing; bookings: readonly RepackBooking[]; now: Date; start: Date; end: Date }): HoldRepack | null {
  const zone = IANAZone.create(staffing.timeZone);
  const day = localDateOf(zone, start);
  const placements: Placement[] = bookings.map((b) => {
    const allowed = staffedCounters(staffing, b.start, b.end);
    const movable = b.movable && b.start > now && localDateOf(zone, b.start) === day && allowed.includes(b.counterId);
    return { id: b.id, counterId: b.counterId, start: b.start.getTime(), end: b.end.getTime(), movable, allowed: movable ? allowed : [] };
  });
  const newId = Math.min(0, ...bookings.map((b) => b.id)) - 1;
  const assignment = fitWithRepack(placements, { id: newId, counterId: -1, start: start.getTime(), end: end.getTime(), movable: true, allowed: staffedCounters(staffing, start, end) });
  if (!assignment) return null;
  const moves = placements
    .filter((p) => p.movable && assignment.has(p.id) && assignment.get(p.id) !== p.counterId)
    .map((p) => ({ bookingId: p.id, counterId: assignment.get(p.id)!, fromCounterId: p.counterId }));
  return { counterId: assignment.get(newId)!, moves };
}
