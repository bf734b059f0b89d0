import { IANAZone } from 'luxon';
import { isoWeekday, localDateMs, secondsOfDay, wallClockOn } from './local-time';
import type { BusyInterval, Closure, LocalDate, WeeklyWindow } from './types';

const minuteMs = 60_000;

/**
 * The free capacity of one local date on the office's slot grid, in minutes: the step-long pieces of counter
 * time (counted from each window's opening, as slots are) that a staffed counter (the first `countersOpen` of
 * `counterIds`, as `computeSlots` staffs them) has and no busy interval touches, times the step. 0 on a
 * closure. A 5-minute appointment on a 10-minute grid takes a whole piece: nobody else can start there.
 */
export function freeGridMinutes({ timeZone, windows, closures, counterIds, busy, stepMinutes, date }: {
  timeZone: string;
  windows: readonly WeeklyWindow[];
  closures: readonly Closure[];
  counterIds: readonly number[];
  busy: readonly BusyInterval[];
  stepMinutes: number;
  date: LocalDate;
}): number {
  if (!(stepMinutes > 0)) throw new RangeError('stepMinutes must be positive');
  if (closures.some((c) => c.startsOn <= date && date <= c.endsOn)) return 0;
  const day = localDateMs(date);
  const instant = wallClockOn(day, IANAZone.create(timeZone));
  const open = windows
    .filter((w) => w.weekday === isoWeekday(day))
    .map((w) => ({ start: instant(secondsOfDay(w.opensAt)), end: instant(secondsOfDay(w.closesAt)), staffed: Math.min(Math.floor(w.countersOpen), counterIds.length) }));
  const taken = busy.filter((b) => b.kind !== 'released').map((b) => ({ counterId: b.counterId, start: b.start.getTime(), end: b.end.getTime() }));
  const stepMs = stepMinutes * minuteMs;
  // Overlapping windows share pieces: each counter's piece counts once.
  const free = new Set<string>();
  for (const window of open) {
    for (let start = window.start; start + stepMs <= window.end; start += stepMs) {
      const end = start + stepMs;
      const staffed = Math.max(...open.filter((w) => w.start <= start && end <= w.end).map((w) => w.staffed));
      for (const counterId of counterIds.slice(0, staffed)) {
        if (!taken.some((b) => b.counterId === counterId && b.start < end && start < b.end)) free.add(`${counterId}@${start}`);
      }
    }
  }
  return free.size * stepMinutes;
}

/**
 * The minutes the waitlist may still take of a newly released day: `share` percent (rounded down) of the
 * day's capacity at the release (`capacityMinutes`: the free grid minutes as if the waitlist held nothing
 * there), less what its offers take already (`takenMinutes`). Counting its own offers makes the budget the
 * same however often the release is worked on (a worker that died half-way, a retry).
 */
export function newDayBudgetMinutes({ share, capacityMinutes, takenMinutes }: { share: number; capacityMinutes: number; takenMinutes: number }): number {
  if (!(share > 0)) return 0;
  return Math.max(0, Math.floor((Math.min(share, 100) * capacityMinutes) / 100) - takenMinutes);
}

/** What an offer of `minutes` takes of a day's budget: the grid pieces it touches when it starts on the grid. */
export const gridMinutesOf = (minutes: number, stepMinutes: number) => Math.ceil(minutes / stepMinutes) * stepMinutes;
