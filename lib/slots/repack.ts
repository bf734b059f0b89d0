import { IANAZone } from 'luxon';
import { fitWithRepack, type Placement } from './counter-assignment';
import { isoWeekday, localDateMs, secondsOfDay, wallClockOn } from './local-time';
import type { PlacedBooking, Staffing } from './staffing';

/** A booking as the re-pack sees it: `movable` when its status lets it move (held or booked). */
export type RepackBooking = PlacedBooking & { movable: boolean };

export type HoldRepack = {
  /** The counter the new booking gets. */
  counterId: number;
  /** Bookings that keep their time and change counter so the new one fits. */
  moves: { bookingId: number; counterId: number; fromCounterId: number }[];
};

/**
 * Where a new booking for `[start, end)` goes when no counter is free for it as the bookings sit:
 * re-packs the bookings of that local day that may move (status movable, not started at `now`, on a
 * counter staffed for their whole time, as `staffedCounters` says) with `fitWithRepack`; the others
 * stay. Null when it does not fit. `bookings` are the active bookings that touch that local day.
 * The rule `computeSlots` offers by; it runs under the day's lock, so it reads the day's windows once.
 */
export function planHoldRepack({ staffing, bookings, now, start, end }: { staffing: Staffing; bookings: readonly RepackBooking[]; now: Date; start: Date; end: Date }): HoldRepack | null {
  const zone = IANAZone.create(staffing.timeZone);
  const day = localDateMs(new Date(start.getTime() + zone.offset(start.getTime()) * 60_000).toISOString().slice(0, 10));
  const instant = wallClockOn(day, zone);
  const [dayStart, dayEnd] = [instant(0), instant(86_400)];
  const windows = staffing.windows
    .filter((w) => w.weekday === isoWeekday(day))
    .map((w) => ({ opens: instant(secondsOfDay(w.opensAt)), closes: instant(secondsOfDay(w.closesAt)), counters: Math.floor(w.countersOpen) }));
  const allowedFor = (from: number, to: number) => {
    let counters = 0;
    for (const w of windows) if (w.opens <= from && to <= w.closes) counters = Math.max(counters, w.counters);
    return staffing.counterIds.slice(0, counters);
  };

  const placements: Placement[] = bookings.map((b) => {
    const [from, to] = [b.start.getTime(), b.end.getTime()];
    const onThisDay = dayStart <= from && from < dayEnd;
    const allowed = onThisDay ? allowedFor(from, to) : [];
    const movable = b.movable && b.start > now && onThisDay && allowed.includes(b.counterId);
    return { id: b.id, counterId: b.counterId, start: from, end: to, movable, allowed: movable ? allowed : [] };
  });
  const newId = Math.min(0, ...bookings.map((b) => b.id)) - 1;
  const assignment = fitWithRepack(placements, { id: newId, counterId: -1, start: start.getTime(), end: end.getTime(), movable: true, allowed: allowedFor(start.getTime(), end.getTime()) });
  if (!assignment) return null;
  const moves = placements
    .filter((p) => p.movable && assignment.has(p.id) && assignment.get(p.id) !== p.counterId)
    .map((p) => ({ bookingId: p.id, counterId: assignment.get(p.id)!, fromCounterId: p.counterId }));
  return { counterId: assignment.get(newId)!, moves };
}
