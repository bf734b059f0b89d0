import 'server-only';
import { DateTime } from 'luxon';
import { loadBusyIntervals, loadBusyState, loadClosures, loadLocationForBooking, type LocationForBooking } from '@/db/queries/availability';
import type { DbOrTx } from '@/db/client';
import type { CounterPolicy } from '@/db/queries/bookings';
import { env } from '@/lib/env';
import { computeSlots, daysReleasedBetween, nextRelease, releasedThrough, type LocalDate, type ReleaseRule, type Slot } from '@/lib/slots';

/** Today's date where the location is. */
export const localToday = (location: { timeZone: string }, now: Date): LocalDate =>
  DateTime.fromJSDate(now, { zone: location.timeZone }).toISODate()!;

/** The last bookable local date. */
export const horizonEnd = (location: { timeZone: string; bookingHorizonDays: number }, now: Date): LocalDate =>
  DateTime.fromJSDate(now, { zone: location.timeZone }).plus({ days: location.bookingHorizonDays }).toISODate()!;

/** The office's release schedule (booking rules), as `lib/slots/release.ts` takes it. */
export const releaseRuleOf = (location: { releaseTime: string | null; releaseWeekdays: number[] }): ReleaseRule =>
  location.releaseTime ? { time: location.releaseTime.slice(0, 5), weekdays: location.releaseWeekdays } : null;

/** The last local date citizens can book at `now`: the horizon, as far as the release schedule has released it. */
export const lastReleasedDay = (location: LocationForBooking, now: Date): LocalDate =>
  releasedThrough({ rule: releaseRuleOf(location), horizonDays: location.bookingHorizonDays, timeZone: location.timeZone, now });

/** When the office next releases days, and through which day; null without a schedule (db-side helper of the release rule). */
export const nextReleaseOf = (location: LocationForBooking, now: Date) =>
  nextRelease({ rule: releaseRuleOf(location), horizonDays: location.bookingHorizonDays, timeZone: location.timeZone, now });

/**
 * The days an office released after `after` up to `until` (db-side helper of the release rule: reads the
 * office's schedule), e.g. for the waitlist to make offers when a day is released. Empty without a schedule
 * beyond the days the horizon moved on by.
 */
export async function daysReleasedAt({ slug, after, until }: { slug: string; after: Date; until: Date }): Promise<LocalDate[]> {
  const location = await loadLocationForBooking({ slug });
  if (!location) return [];
  return daysReleasedBetween({ rule: releaseRuleOf(location), horizonDays: location.bookingHorizonDays, timeZone: location.timeZone, after, until });
}

/** Bookable starts at `location` for an appointment of `durationMinutes` on the local dates `from`…`to`. */
export async function findSlots(input: Parameters<typeof findSlotsUntilChange>[0]): Promise<Slot[]> {
  return (await findSlotsUntilChange({ ...input, untilChange: false })).slots;
}

/**
 * `findSlots`, and how long its answer stays true by the clock alone (until a hold expires, a cancelled time
 * comes back, a booking starts or the next release), so a cache knows when to compute again.
 */
export async function findSlotsUntilChange({ location, durationMinutes, from, to, now = new Date(), releaseDelayMinutes = env.CANCELLED_SLOT_DELAY_MINUTES, counterPolicy = 'repack', respectRelease = true, untilChange = true, tx }: {
  location: LocationForBooking;
  durationMinutes: number;
  from: LocalDate;
  to: LocalDate;
  now?: Date;
  /** Staff pass 0: a clerk may give a just-cancelled time to the next caller at once. */
  releaseDelayMinutes?: number;
  /** `fixed` offers only what fits on a counter as bookings sit (the benchmark's "before"); see `insertHold`. */
  counterPolicy?: CounterPolicy;
  /** Staff pass false: a clerk may book a day the release schedule has not released to citizens yet. */
  respectRelease?: boolean;
  /** The connection to read with (the availability cache's own pool); the app's pool by default. */
  tx?: DbOrTx;
  /** false: `validForMs` says only when the next release comes (`findSlots`, which nothing caches). */
  untilChange?: boolean;
}): Promise<{ slots: Slot[]; validForMs: number | null }> {
  const zone = location.timeZone;
  const released = respectRelease ? lastReleasedDay(location, now) : to;
  const release = respectRelease ? nextReleaseOf(location, now) : null;
  if (released < to) to = released;
  const releaseInMs = release ? release.at.getTime() - now.getTime() : null;
  if (to < from) return { slots: [], validForMs: releaseInMs };
  const rangeStart = DateTime.fromISO(from, { zone }).startOf('day').toJSDate();
  const rangeEnd = DateTime.fromISO(to, { zone }).plus({ days: 1 }).startOf('day').toJSDate();
  const busyInput = { locationId: location.id, from: rangeStart, to: rangeEnd, releaseDelayMinutes, tx };
  const [closures, { busy, changesInMs }] = await Promise.all([
    loadClosures({ locationId: location.id, from, to, tx }),
    untilChange ? loadBusyState(busyInput) : loadBusyIntervals(busyInput).then((busy) => ({ busy, changesInMs: null })),
  ]);
  const slots = computeSlots({
    timeZone: zone,
    windows: location.windows,
    closures,
    counterIds: location.counterIds,
    busy: counterPolicy === 'fixed' ? busy.map((b) => ({ ...b, kind: 'fixed' as const })) : busy,
    durationMinutes,
    stepMinutes: location.slotStepMinutes,
    minLeadMinutes: location.minLeadMinutes,
    horizonDays: location.bookingHorizonDays,
    now,
    from,
    to,
  });
  const changes = [changesInMs, releaseInMs].filter((ms): ms is number => ms !== null);
  return { slots, validForMs: changes.length > 0 ? Math.min(...changes) : null };
}
