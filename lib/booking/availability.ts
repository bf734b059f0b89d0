import 'server-only';
import { DateTime } from 'luxon';
import { loadBusyIntervals, loadClosures, type LocationForBooking } from '@/db/queries/availability';
import type { CounterPolicy } from '@/db/queries/bookings';
import { env } from '@/lib/env';
import { computeSlots, type LocalDate, type Slot } from '@/lib/slots';

/** Today's date where the location is. */
export const localToday = (location: { timeZone: string }, now: Date): LocalDate =>
  DateTime.fromJSDate(now, { zone: location.timeZone }).toISODate()!;

/** The last bookable local date. */
export const horizonEnd = (location: { timeZone: string; bookingHorizonDays: number }, now: Date): LocalDate =>
  DateTime.fromJSDate(now, { zone: location.timeZone }).plus({ days: location.bookingHorizonDays }).toISODate()!;

/** Bookable starts at `location` for an appointment of `durationMinutes` on the local dates `from`…`to`. */
export async function findSlots({ location, durationMinutes, from, to, now = new Date(), releaseDelayMinutes = env.CANCELLED_SLOT_DELAY_MINUTES, counterPolicy = 'repack' }: {
  location: LocationForBooking;
  durationMinutes: number;
  from: LocalDate;
  to: LocalDate;
  now?: Date;
  /** Staff pass 0: a clerk may give a just-cancelled time to the next caller at once. */
  releaseDelayMinutes?: number;
  /** `fixed` offers only what fits on a counter as bookings sit (the benchmark's "before"); see `insertHold`. */
  counterPolicy?: CounterPolicy;
}): Promise<Slot[]> {
  const zone = location.timeZone;
  const rangeStart = DateTime.fromISO(from, { zone }).startOf('day').toJSDate();
  const rangeEnd = DateTime.fromISO(to, { zone }).plus({ days: 1 }).startOf('day').toJSDate();
  const [closures, busy] = await Promise.all([
    loadClosures({ locationId: location.id, from, to }),
    loadBusyIntervals({ locationId: location.id, from: rangeStart, to: rangeEnd, releaseDelayMinutes }),
  ]);
  return computeSlots({
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
}
