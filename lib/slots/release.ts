import { DateTime, IANAZone } from 'luxon';
import { dayMs, formatLocalDate, isoWeekday, localDateMs, secondsOfDay, wallClockOn } from './local-time';
import type { LocalDate, LocalTime } from './types';

/**
 * When an office releases new days ("Wann gibt es neue Termine?"): on each of `weekdays` (ISO, 1 = Monday)
 * at the wall-clock `time`, the day `horizonDays` ahead becomes bookable, and with it every earlier day
 * not released yet (the weekend's days come with Monday's release when only weekdays release).
 * `null`: no schedule, today + horizon is bookable at any moment (the rule before schedules).
 */
export type ReleaseRule = { time: LocalTime; weekdays: readonly number[] } | null;

type RuleInput = { rule: ReleaseRule; horizonDays: number; timeZone: string };

const todayMs = (now: Date, zone: string) => localDateMs(DateTime.fromJSDate(now, { zone }).toISODate()!);
const releasesOn = (rule: NonNullable<ReleaseRule>, date: number) => rule.weekdays.includes(isoWeekday(date));
const releaseInstant = (rule: NonNullable<ReleaseRule>, date: number, zone: string) => wallClockOn(date, IANAZone.create(zone))(secondsOfDay(rule.time));

function assertRule(rule: ReleaseRule): asserts rule is NonNullable<ReleaseRule> {
  if (!rule || rule.weekdays.length === 0 || rule.weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) throw new RangeError('A release rule needs at least one ISO weekday 1…7');
}

/** The last local date that is bookable at `now` (released), never later than today + horizon. */
export function releasedThrough({ rule, horizonDays, timeZone, now }: RuleInput & { now: Date }): LocalDate {
  const today = todayMs(now, timeZone);
  if (rule === null) return formatLocalDate(today + horizonDays * dayMs);
  assertRule(rule);
  for (let date = today; ; date -= dayMs) {
    if (releasesOn(rule, date) && releaseInstant(rule, date, timeZone) <= now.getTime()) return formatLocalDate(date + horizonDays * dayMs);
  }
}

/** The moment `date` becomes bookable: the first release whose day plus the horizon reaches it. */
export function releaseMomentOf({ rule, horizonDays, timeZone, date }: RuleInput & { date: LocalDate }): Date | null {
  if (rule === null) return null;
  assertRule(rule);
  let release = localDateMs(date) - horizonDays * dayMs;
  while (!releasesOn(rule, release)) release += dayMs;
  return new Date(releaseInstant(rule, release, timeZone));
}

/** The next release after `now` and the last day it makes bookable; `null` without a schedule. */
export function nextRelease({ rule, horizonDays, timeZone, now }: RuleInput & { now: Date }): { at: Date; through: LocalDate } | null {
  if (rule === null) return null;
  assertRule(rule);
  for (let date = todayMs(now, timeZone); ; date += dayMs) {
    if (!releasesOn(rule, date)) continue;
    const at = releaseInstant(rule, date, timeZone);
    if (at > now.getTime()) return { at: new Date(at), through: formatLocalDate(date + horizonDays * dayMs) };
  }
}

/** The local dates that became bookable after `after` up to and including `until` (e.g. for offers to a waitlist when a day is released). */
export function daysReleasedBetween({ rule, horizonDays, timeZone, after, until }: RuleInput & { after: Date; until: Date }): LocalDate[] {
  const first = releasedThrough({ rule, horizonDays, timeZone, now: after });
  const last = releasedThrough({ rule, horizonDays, timeZone, now: until });
  const days: LocalDate[] = [];
  for (let date = localDateMs(first) + dayMs; date <= localDateMs(last); date += dayMs) days.push(formatLocalDate(date));
  return days;
}

/**
 * The days the waitlist may take its share of now (`lib/waitlist/new-days.ts`): those released within the next
 * `leadMinutes` that the public does not see yet at `now` and that no earlier call claimed (`claimedThrough`,
 * the office's marker). `null` when there are none. Without a schedule a day is released when it enters the
 * horizon at local midnight. Days already public are never taken: when no worker ran before a release, the
 * public saw that release first.
 */
export function newDaysDue({ rule, horizonDays, timeZone, now, leadMinutes, claimedThrough }: RuleInput & { now: Date; leadMinutes: number; claimedThrough: LocalDate | null }): { from: LocalDate; through: LocalDate } | null {
  const publicThrough = releasedThrough({ rule, horizonDays, timeZone, now });
  const through = releasedThrough({ rule, horizonDays, timeZone, now: new Date(now.getTime() + leadMinutes * 60_000) });
  const after = claimedThrough && claimedThrough > publicThrough ? claimedThrough : publicThrough;
  if (through <= after) return null;
  return { from: formatLocalDate(localDateMs(after) + dayMs), through };
}
