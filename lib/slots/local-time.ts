import { DateTime, type Zone } from 'luxon';
import type { LocalDate, LocalTime } from './types';

export const dayMs = 86_400_000;
const hourMs = 3_600_000;
const minuteMs = 60_000;

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/**
 * A local date as the UTC midnight with the same calendar date: plain arithmetic steps through
 * local dates and weekdays without asking the time zone. Throws on anything but a real `YYYY-MM-DD`.
 */
export function localDateMs(value: LocalDate): number {
  const match = datePattern.exec(value);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (Number.isNaN(ms) || formatLocalDate(ms) !== value) throw new RangeError(`Invalid local date: ${value}`);
  return ms;
}

export function formatLocalDate(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday) of a date from `localDateMs`. */
export function isoWeekday(ms: number): number {
  return new Date(ms).getUTCDay() || 7;
}

/** Seconds since local midnight for `HH:MM[:SS]`; `24:00` gives 86400. */
export function secondsOfDay(value: LocalTime): number {
  const match = timePattern.exec(value);
  if (!match) throw new RangeError(`Invalid local time: ${value}`);
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  const seconds = hour * 3600 + minute * 60 + second;
  if (minute > 59 || second > 59 || seconds > 86400) throw new RangeError(`Invalid local time: ${value}`);
  return seconds;
}

/**
 * Turns wall-clock seconds on one local date (from `localDateMs`) into instants. Wall-clock times
 * that do not exist (spring-forward gap) are shifted forward as luxon does, e.g. 02:30 → 03:30;
 * ambiguous times (fall-back) resolve to the instant luxon picks. `24:00` is the next midnight.
 */
export function wallClockOn(date: number, zone: Zone): (seconds: number) => number {
  // Any wall-clock time of the day lies within these instants for offsets of −12 h … +14 h, so
  // equal offsets at both ends mean no change that day (no zone changes twice within two days).
  const offset = zone.offset(date - 14 * hourMs);
  if (offset === zone.offset(date + 38 * hourMs)) {
    return (seconds) => date + seconds * 1000 - offset * minuteMs;
  }
  return (seconds) => {
    const wall = new Date(date + seconds * 1000);
    return DateTime.fromObject(
      {
        year: wall.getUTCFullYear(),
        month: wall.getUTCMonth() + 1,
        day: wall.getUTCDate(),
        hour: wall.getUTCHours(),
        minute: wall.getUTCMinutes(),
        second: wall.getUTCSeconds(),
      },
      { zone },
    ).toMillis();
  };
}
