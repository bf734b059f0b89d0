import { IANAZone } from 'luxon';
import { isoWeekday, localDateMs, secondsOfDay, wallClockOn } from './local-time';
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
  /** Bookings that keep their time and move to another counter that stays staffed and is free. */
  moves: { bookingId: number; counterId: number }[];
  /** Bookings no staffed counter can take any more: the change would strand them. */
  stranded: number[];
};

/**
 * What a change of opening hours or counters from `before` to `after` does to `bookings` (every active
 * booking of the location that is not over). A booking whose counter was staffed before and is not
 * after moves, if it can, to the first counter staffed after that is free for its whole time; the
 * others are stranded. Bookings that were outside the staffing already (set up by hand) are left alone.
 * `movable` limits which bookings may move or strand (e.g. those not yet started).
 */
export function planCapacityChange<B extends PlacedBooking>({ before, after, bookings, movable }: { before: Staffing; after: Staffing; bookings: readonly B[]; movable: (booking: B) => boolean }): CapacityPlan {
  const counterOf = new Map(bookings.map((b) => [b.id, b.counterId]));
  const overlapsOn = (counterId: number, booking: B) =>
    bookings.some((other) => other.id !== booking.id && counterOf.get(other.id) === counterId && other.start < booking.end && booking.start < other.end);

  const moves: CapacityPlan['moves'] = [];
  const stranded: number[] = [];
  const displaced = bookings
    .filter(movable)
    .filter((b) => staffedCounters(before, b.start, b.end).includes(b.counterId) && !staffedCounters(after, b.start, b.end).includes(b.counterId))
    .sort((a, b) => a.start.getTime() - b.start.getTime() || a.id - b.id);
  for (const booking of displaced) {
    const target = staffedCounters(after, booking.start, booking.end).find((counterId) => !overlapsOn(counterId, booking));
    if (target === undefined) {
      stranded.push(booking.id);
      continue;
    }
    // Later candidates see the move, so two displaced bookings never land on one counter at once.
    counterOf.set(booking.id, target);
    moves.push({ bookingId: booking.id, counterId: target });
  }
  return { moves, stranded };
}
