import { DateTime, IANAZone } from 'luxon';
import { type BusyTimeline, buildTimelines } from './busy-timeline';
import { fitWithRepack, type Placement } from './counter-assignment';
import { dayMs, formatLocalDate, isoWeekday, localDateMs, secondsOfDay, wallClockOn } from './local-time';
import { Occupancy } from './occupancy';
import type { AvailabilityInput, BusyInterval, Slot } from './types';

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
 * `counterIds` (preference order) and no others. Counters are an assignment, not a promise: a
 * start is offered when at every moment of `[start, start + duration)` fewer than k staffed
 * counters are busy or released (`BusyInterval.kind`), and either a staffed counter is free for
 * the whole time (`freeCounterIds`) or `assignCounters` can re-pack that local day's movable
 * bookings (not started, on a counter staffed for them) so the new one fits — the check
 * `insertHold` repeats under its lock. Within one window staffing is constant and a booking lies
 * inside one window, so while no fixed booking starts later than now the overlap count alone
 * decides (see `assignCounters`); fixed bookings ahead (checked in early) are left to the greedy.
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
  const real = input.busy.filter((b) => b.kind !== 'released');
  const released = input.busy.filter((b) => b.kind === 'released').map((b) => ({ start: b.start.getTime(), end: b.end.getTime() }));
  const timelines = buildTimelines(counterIds, real);
  const nowMs = input.now.getTime();
  // Bookings ahead that may not move (checked in early, done, no-show): rare, and they make the greedy decide.
  const fixedAhead = real.filter((b) => b.kind !== 'movable' && b.start.getTime() > nowMs);
  // Without anything that may move, a re-pack can do nothing a free counter does not.
  const anyMovable = real.some((b) => b.kind === 'movable' && b.start.getTime() > nowMs);
  let dayBusy: ReturnType<typeof busyByTime> | undefined;
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
    let placements: Placement[] | undefined;
    for (const window of weekday.windows) {
      const opensAt = instant(window.opensAt);
      const closesAt = instant(window.closesAt);
      const firstStep = earliest > opensAt ? Math.ceil((earliest - opensAt) / stepMs) : 0;
      const firstStart = opensAt + firstStep * stepMs;
      if (firstStart + durationMs > closesAt) continue;
      for (const timeline of window.staffed) timeline.seek(firstStart);
      // Busy staffed counters (merged per counter) and released times: capacity in use at each moment.
      const taken = window.staffed.flatMap((timeline) => timeline.rangesWithin(opensAt, closesAt));
      const occupancy = new Occupancy([...taken, ...released.filter((r) => r.start < closesAt && opensAt < r.end)]);
      // Whether the overlap count alone decides (see assignCounters): nothing ahead stays fixed on a staffed
      // counter, neither a booking that may not move nor one that reaches over the window's edge (merged
      // ranges hide when such a one starts, so any busy range over an edge leaves it to the greedy).
      const countDecides =
        !weekday.overlapping &&
        !fixedAhead.some((b) => window.staffedIds.includes(b.counterId) && b.start.getTime() < closesAt && opensAt < b.end.getTime()) &&
        !taken.some((r) => r.start < opensAt || r.end > closesAt);

      for (let step = firstStep; ; step++) {
        const start = opensAt + step * stepMs;
        const end = start + durationMs;
        if (end > closesAt) break;
        if (occupancy.maxWithin(start, end) >= window.staffedIds.length) continue;
        const freeCounterIds: number[] = [];
        for (let i = 0; i < window.staffed.length; i++) {
          if (window.staffed[i]!.isFree(start, end)) freeCounterIds.push(window.staffedIds[i]!);
        }
        if (freeCounterIds.length === 0 && !countDecides) {
          if (!anyMovable) continue;
          dayBusy ??= busyByTime(real);
          placements ??= dayPlacements({ busy: dayBusy, windows: weekday.windows, instant, now: nowMs });
          const fits = fitWithRepack(placements, { id: -1, counterId: -1, start, end, movable: true, allowed: window.staffedIds });
          if (!fits) continue;
        }
        daySlots.push({ date, start: new Date(start), end: new Date(end), freeCounterIds });
      }
    }
    slots.push(...(weekday.overlapping ? mergeOverlapping(daySlots) : daySlots));
  }
  return slots;
}

type TimedBusy = { counterId: number; start: number; end: number; kind: BusyInterval['kind'] };

/** Real (not released) busy intervals sorted by start, with the longest length, to find a day's quickly. */
function busyByTime(busy: readonly BusyInterval[]): { sorted: TimedBusy[]; longest: number } {
  const sorted = busy.map((b) => ({ counterId: b.counterId, start: b.start.getTime(), end: b.end.getTime(), kind: b.kind })).sort((a, b) => a.start - b.start);
  return { sorted, longest: sorted.reduce((max, b) => Math.max(max, b.end - b.start), 0) };
}

/**
 * The busy intervals that touch one local day as placements for `assignCounters`: movable when of kind
 * `movable`, not started at `now`, starting on this day (the day `insertHold` locks) and on a counter
 * staffed for their whole time (the counters of the widest window containing them, as `staffedCounters`).
 */
function dayPlacements({ busy, windows, instant, now }: { busy: { sorted: TimedBusy[]; longest: number }; windows: DayWindow[]; instant: (seconds: number) => number; now: number }): Placement[] {
  const dayStart = instant(0);
  const dayEnd = instant(86_400);
  const ranges = windows.map((w) => ({ opens: instant(w.opensAt), closes: instant(w.closesAt), staffedIds: w.staffedIds }));
  let low = 0;
  let high = busy.sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (busy.sorted[mid]!.start < dayStart - busy.longest) low = mid + 1;
    else high = mid;
  }
  const placements: Placement[] = [];
  for (let i = low; i < busy.sorted.length && busy.sorted[i]!.start < dayEnd; i++) {
    const b = busy.sorted[i]!;
    if (b.end <= dayStart) continue;
    let allowed: number[] = [];
    for (const range of ranges) {
      if (range.opens <= b.start && b.end <= range.closes && range.staffedIds.length > allowed.length) allowed = range.staffedIds;
    }
    const movable = b.kind === 'movable' && b.start > now && b.start >= dayStart && allowed.includes(b.counterId);
    placements.push({ id: i, counterId: b.counterId, start: b.start, end: b.end, movable, allowed: movable ? allowed : [] });
  }
  return placements;
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
