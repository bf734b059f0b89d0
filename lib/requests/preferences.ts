import { DateTime } from 'luxon';
import type { PreferredWindow } from '@/db/schema';
import type { LocalDate } from '@/lib/slots';

export type PartOfDay = PreferredWindow['partOfDay'];

export const PARTS_OF_DAY = ['any', 'morning', 'afternoon'] as const satisfies readonly PartOfDay[];

/** How many preferred days a citizen may name. */
export const MAX_PREFERENCES = 3;

/** Where morning ends: a start before 12:00 local time is morning, from 12:00 on afternoon. */
const NOON_MINUTES = 12 * 60;

/** Whether a slot starting at `start` fits the part of day the citizen asked for, in the office's time zone. */
export function fitsPartOfDay(start: Date, partOfDay: PartOfDay, timeZone: string): boolean {
  if (partOfDay === 'any') return true;
  const local = DateTime.fromJSDate(start, { zone: timeZone });
  const minutes = local.hour * 60 + local.minute;
  return partOfDay === 'morning' ? minutes < NOON_MINUTES : minutes >= NOON_MINUTES;
}

/** Sorted by date, so two requests naming the same days in another order compare equal. */
export const normalizePreferences = (preferences: readonly PreferredWindow[]): PreferredWindow[] =>
  [...preferences].sort((a, b) => a.date.localeCompare(b.date) || PARTS_OF_DAY.indexOf(a.partOfDay) - PARTS_OF_DAY.indexOf(b.partOfDay)).map(({ date, partOfDay }) => ({ date, partOfDay }));

/** True once every preferred day lies before `today` (local date): the request needs another day. */
export const preferencesPassed = (preferences: readonly PreferredWindow[], today: LocalDate): boolean =>
  preferences.length > 0 && preferences.every((p) => p.date < today);

/** The dates a citizen may name: from tomorrow to the end of the office's booking horizon. */
export function preferableDates(location: { timeZone: string; bookingHorizonDays: number }, now: Date): { first: LocalDate; last: LocalDate } {
  const today = DateTime.fromJSDate(now, { zone: location.timeZone }).startOf('day');
  return { first: today.plus({ days: 1 }).toISODate()!, last: today.plus({ days: location.bookingHorizonDays }).toISODate()! };
}

export type OpenPart = Exclude<PartOfDay, 'any'>;

/** The parts of day one weekday's windows cover: morning if one opens before noon, afternoon if one closes after it. */
export function openPartsOf(windows: readonly { opensAt: string; closesAt: string }[]): OpenPart[] {
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const parts: OpenPart[] = [];
  if (windows.some((w) => minutes(w.opensAt) < NOON_MINUTES)) parts.push('morning');
  if (windows.some((w) => minutes(w.closesAt) > NOON_MINUTES)) parts.push('afternoon');
  return parts;
}

/**
 * The days a request may name, from tomorrow to the end of the horizon: only days the office opens (its
 * weekdays, no closure), each with the parts of day it is open then.
 */
export function requestableDays(
  location: { timeZone: string; bookingHorizonDays: number; windows: readonly { weekday: number; opensAt: string; closesAt: string }[]; closures: readonly { startsOn: LocalDate; endsOn: LocalDate }[] },
  now: Date,
): { date: LocalDate; parts: OpenPart[] }[] {
  const { first, last } = preferableDates(location, now);
  const days: { date: LocalDate; parts: OpenPart[] }[] = [];
  for (let day = DateTime.fromISO(first); day.toISODate()! <= last; day = day.plus({ days: 1 })) {
    const date = day.toISODate()!;
    if (location.closures.some((c) => c.startsOn <= date && date <= c.endsOn)) continue;
    const parts = openPartsOf(location.windows.filter((w) => w.weekday === day.weekday));
    if (parts.length > 0) days.push({ date, parts });
  }
  return days;
}
