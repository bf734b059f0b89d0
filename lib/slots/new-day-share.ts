import { IANAZone } from 'luxon';
import { isoWeekday, localDateMs, secondsOfDay, wallClockOn } from './local-time';
import type { BusyInterval, Closure, LocalDate, WeeklyWindow } from './types';

const minuteMs = 60_000;

/**
 * The free counter time of one local date in minutes: at each moment, the counters its windows staff (the
 * first `countersOpen` of `counterIds`, as `computeSlots` staffs them) less those of them a busy interval
 * takes, summed over the day. 0 on a closure. This is the capacity the public would share out on that day.
 */
export function freeCounterMinutes({ timeZone, windows, closures, counterIds, busy, date }: {
  timeZone: string;
  windows: readonly WeeklyWindow[];
  closures: readonly Closure[];
  counterIds: readonly number[];
  busy: readonly BusyInterval[];
  date: LocalDate;
}): number {
  if (closures.some((c) => c.startsOn <= date && date <= c.endsOn)) return 0;
  const day = localDateMs(date);
  const instant = wallClockOn(day, IANAZone.create(timeZone));
  const open = windows
    .filter((w) => w.weekday === isoWeekday(day))
    .map((w) => ({ start: instant(secondsOfDay(w.opensAt)), end: instant(secondsOfDay(w.closesAt)), staffed: Math.min(Math.floor(w.countersOpen), counterIds.length) }))
    .filter((w) => w.start < w.end && w.staffed > 0);
  if (open.length === 0) return 0;
  const taken = busy.filter((b) => b.kind !== 'released').map((b) => ({ counterId: b.counterId, start: b.start.getTime(), end: b.end.getTime() }));
  const first = Math.min(...open.map((w) => w.start));
  const last = Math.max(...open.map((w) => w.end));
  const edges = [...new Set([...open.flatMap((w) => [w.start, w.end]), ...taken.flatMap((b) => [b.start, b.end])].filter((t) => t >= first && t <= last))].sort((a, b) => a - b);
  let freeMs = 0;
  for (let i = 0; i + 1 < edges.length; i++) {
    const [from, to] = [edges[i]!, edges[i + 1]!];
    // Nothing changes inside [from, to): every window and busy edge is one of the edges.
    const staffed = Math.max(0, ...open.filter((w) => w.start <= from && to <= w.end).map((w) => w.staffed));
    const busyCounters = counterIds.slice(0, staffed).filter((id) => taken.some((b) => b.counterId === id && b.start <= from && to <= b.end)).length;
    freeMs += (staffed - busyCounters) * (to - from);
  }
  return Math.floor(freeMs / minuteMs);
}

/**
 * The minutes the waitlist may still take of a newly released day: `share` percent (rounded down) of the
 * day's capacity at the release, which is what is free now plus what the waitlist already holds there
 * (`waitlistMinutes`, its offers made for this release), less that. Counting its own offers makes the
 * budget the same however often the release is worked on (a worker that died half-way, a retry).
 */
export function newDayBudgetMinutes({ share, freeMinutes, waitlistMinutes }: { share: number; freeMinutes: number; waitlistMinutes: number }): number {
  if (!(share > 0)) return 0;
  const capacity = freeMinutes + waitlistMinutes;
  return Math.max(0, Math.floor((Math.min(share, 100) * capacity) / 100) - waitlistMinutes);
}
