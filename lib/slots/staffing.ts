import { IANAZone } from 'luxon';
import { isoWeekday, localDateMs, secondsOfDay, wallClockOn } from './local-time';
import { fitWithRepack, type Placement } from './counter-assignment';
import type { WeeklyWindow } from './types';

/** A location's weekly opening windows and its active counters in preference order (see `computeSlots`). */
export type Staffing = { timeZone: string; windows: readonly WeeklyWindow[]; counterIds: readonly number[] };

/** An appointment or hold that occupies a counter for `[start, end)`. */
export type PlacedBooking = { id: number; counterId: number; start: Date; end: Date };

/**
 * The counters staffed for the whole of `[start, end)` under `staffing`, in preference order: those of
 * every window of that local weekday that contains the range (the same rule `computeSlots` offers by).
 */
export function staffedCounters(staffing: Staffing, start: Date, end: Date): number[] {
  const zone = IANAZone.create(staffing.timeZone);
  const localDate = new Date(start.getTime() + zone.offset(start.getTime()) * 60_000).toISOString().slice(0, 10);
  const day = localDateMs(localDate);
  const instant = wallClockOn(day, zone);
  let staffed = 0;
  for (const window of staffing.windows) {
    if (window.weekday !== isoWeekday(day)) continue;
    if (instant(secondsOfDay(window.opensAt)) <= start.getTime() && end.getTime() <= instant(secondsOfDay(window.closesAt))) {
      staffed = Math.max(staffed, Math.floor(window.countersOpen));
    }
  }
  return staffing.counterIds.slice(0, staffed);
}

export type CapacityPlan = {
  /** Bookings that keep their time and move to another counter that is staffed afterwards. */
  moves: { bookingId: number; counterId: number }[];
  /** Bookings that do not fit the staffing afterwards, whatever the counters: the change would strand them. */
  stranded: number[];
};

/**
 * What a change of opening hours or counters from `before` to `after` does to `bookings` (every active
 * booking of the location that is not over). Counters are an assignment: bookings that may move
 * (`movable`, e.g. not yet started, and on a counter staffed before) are re-packed onto the counters
 * staffed after. Those whose counter stays staffed are kept; those whose counter closes are then fitted
 * in one by one, earliest end first (which keeps the most when the staffing is constant), re-packing
 * with `fitWithRepack`; a booking is stranded only when it does not fit beside the ones kept. Bookings
 * that may not move, or were outside the staffing already (set up by hand), stay where they are.
 */
export function planCapacityChange<B extends PlacedBooking>({ before, after, bookings, movable }: { before: Staffing; after: Staffing; bookings: readonly B[]; movable: (booking: B) => boolean }): CapacityPlan {
  const fixed: Placement[] = [];
  const kept = new Map<number, Placement>();
  const displaced: Placement[] = [];
  for (const b of bookings) {
    const placement = { id: b.id, counterId: b.counterId, start: b.start.getTime(), end: b.end.getTime(), movable: true, allowed: staffedCounters(after, b.start, b.end) };
    if (!movable(b) || !staffedCounters(before, b.start, b.end).includes(b.counterId)) fixed.push({ ...placement, movable: false, allowed: [] });
    else if (placement.allowed.includes(b.counterId)) kept.set(b.id, placement);
    else displaced.push(placement);
  }
  displaced.sort((a, b) => a.end - b.end || a.start - b.start || a.id - b.id);

  const stranded: number[] = [];
  for (const booking of displaced) {
    const fit = booking.allowed.length > 0 ? fitWithRepack([...fixed, ...kept.values()], booking) : null;
    if (!fit) {
      stranded.push(booking.id);
      continue;
    }
    // Keep the assignment found, so every later check starts from counters that are valid together.
    for (const [id, counterId] of fit) kept.set(id, { ...(kept.get(id) ?? booking), counterId });
  }
  const original = new Map(bookings.map((b) => [b.id, b.counterId]));
  const moves = [...kept.values()].filter((p) => p.counterId !== original.get(p.id)).map((p) => ({ bookingId: p.id, counterId: p.counterId }));
  moves.sort((a, b) => a.bookingId - b.bookingId);
  return { moves, stranded: stranded.sort((a, b) => a - b) };
}
