import { DateTime, IANAZone } from 'luxon';
import { type BusyTimeline, buildTimelines } from './busy-timeline';
import { dayMs, formatLocalDate, isoWeekday, localDateMs, secondsOfDay, wallClockOn } from './local-time';
import type { AvailabilityInput, Slot } from './types';

const minuteMs = 60_000;

type DayWindow = {
  opensAt: number;
  closesAt: number;
  staffedIds: number[];
  staffed: BusyTimeline[];
};

type Weekday = { windows: DayWindow[]; overlapping: boolean };

/**
 * Bookable start times from `input.from` to `input.to` (clipped to today … today + horizon),
 * sorted by start.
 *
 * Capacity model: a window with `countersOpen = k` staffs the first k counters of
 * `counterIds` (preference order) and no others, so at most k bookings run at once; a start
 * is offered when at least one staffed counter has no busy interval overlapping
 * `[start, start + duration)`, and `freeCounterIds` lists those counters.
 *
 * Wall-clock: windows are local times in `timeZone`, turned into instants per day, so 08:00
 * stays 08:00 across daylight-saving changes. The grid and the duration are real elapsed
 * minutes from the window's opening instant; a window that touched the missing or repeated
 * hour (offices never open then) is shifted as luxon normalises it and is one hour shorter or
 * longer in real time.
 */
export function computeSlots(input: AvailabilityInput): Slot[] {
  const zone = IANAZone.create(input.timeZone);
  if (!zone.isValid) throw new RangeError(`Invalid time zone: ${input.timeZone}`);
  if (!(input.stepMinutes > 0)) throw new RangeError('stepMinutes must be positive');
  if (!(input.durationMinutes > 0)) throw new RangeError('durationMinutes must be positive');

  const today = DateTime.fromJSDate(input.now, { zone }).startOf('day');
  const from = formatLocalDate(localDateMs(input.from));
  const to = formatLocalDate(localDateMs(input.to));
  const todayDate = today.toISODate()!;
  const horizon = today.plus({ days: input.horizonDays }).toISODate()!;
  const first = from < todayDate ? todayDate : from;
  const last = to < horizon ? to : horizon;
  if (first > last) return [];

  const counterIds = [...new Set(input.counterIds)];
  const timelines = buildTimelines(counterIds, input.busy);
  const weekdays = prepareWeekdays(input, counterIds, timelines);
  const closures = input.closures.filter((c) => c.startsOn <= last && c.endsOn >= first);
  const earliest = input.now.getTime() + input.minLeadMinutes * minuteMs;
  const stepMs = input.stepMinutes * minuteMs;
  const durationMs = input.durationMinutes * minuteMs;

  const slots: Slot[] = [];
  for (let day = localDateMs(first); ; day += dayMs) {
    const date = formatLocalDate(day);
    if (date > last) break;
    const weekday = weekdays[isoWeekday(day)];
    if (!weekday || closures.some((c) => c.startsOn <= date && date <= c.endsOn)) continue;

    const instant = wallClockOn(day, zone);
    const daySlots: Slot[] = [];
    for (const window of weekday.windows) {
      const opensAt = instant(window.opensAt);
      const closesAt = instant(window.closesAt);
      const firstStep = earliest > opensAt ? Math.ceil((earliest - opensAt) / stepMs) : 0;
      const firstStart = opensAt + firstStep * stepMs;
      for (const timeline of window.staffed) timeline.seek(firstStart);

      for (let step = firstStep; ; step++) {
        const start = opensAt + step * stepMs;
        const end = start + durationMs;
        if (end > closesAt) break;
        const freeCounterIds: number[] = [];
        for (let i = 0; i < window.staffed.length; i++) {
          if (window.staffed[i]!.isFree(start, end)) freeCounterIds.push(window.staffedIds[i]!);
        }
        if (freeCounterIds.length > 0) daySlots.push({ date, start: new Date(start), end: new Date(end), freeCounterIds });
      }
    }
    slots.push(...(weekday.overlapping ? mergeOverlapping(daySlots) : daySlots));
  }
  return slots;
}

function prepareWeekdays(input: AvailabilityInput, counterIds: number[], timelines: Map<number, BusyTimeline>): (Weekday | undefined)[] {
  const weekdays: (Weekday | undefined)[] = [];
  for (const window of input.windows) {
    const opensAt = secondsOfDay(window.opensAt);
    const closesAt = secondsOfDay(window.closesAt);
    const staffedIds = counterIds.slice(0, Math.max(0, Math.floor(window.countersOpen)));
    if (closesAt <= opensAt || staffedIds.length === 0) continue;
    const weekday = (weekdays[window.weekday] ??= { windows: [], overlapping: false });
    weekday.windows.push({ opensAt, closesAt, staffedIds, staffed: staffedIds.map((id) => timelines.get(id)!) });
  }
  for (const weekday of weekdays) {
    if (!weekday) continue;
    weekday.windows.sort((a, b) => a.opensAt - b.opensAt);
    weekday.overlapping = weekday.windows.some((w, i) => i > 0 && w.opensAt < weekday.windows[i - 1]!.closesAt);
  }
  return weekdays;
}

/** Overlapping windows (a data error, not forbidden by the schema) may offer one start twice; keep the one with most free counters. */
function mergeOverlapping(slots: Slot[]): Slot[] {
  slots.sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: Slot[] = [];
  for (const slot of slots) {
    const previous = merged[merged.length - 1];
    if (previous && previous.start.getTime() === slot.start.getTime()) {
      if (slot.freeCounterIds.length > previous.freeCounterIds.length) merged[merged.length - 1] = slot;
    } else {
      merged.push(slot);
    }
  }
  return merged;
}
