import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { type AvailabilityInput, type Slot, type WeeklyWindow, computeSlots } from '@/lib/slots';

const minuteMs = 60_000;
const yearStart = Date.UTC(2026, 0, 1);
const dayMinutes = 1440;

// Up to ten days before a daylight-saving change in Berlin (Mar 29, Oct 25) or New York (Mar 8, Nov 1).
const nearDstChange = fc
  .record({ dayOfYear: fc.constantFrom(87, 297, 66, 304), before: fc.integer({ min: 0, max: 10 * dayMinutes }) })
  .map(({ dayOfYear, before }) => dayOfYear * dayMinutes - before);

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const windowArb: fc.Arbitrary<WeeklyWindow> = fc
  .record({
    weekday: fc.integer({ min: 1, max: 7 }),
    opens: fc.integer({ min: 0, max: 287 }).map((i) => i * 5),
    length: fc.integer({ min: 1, max: 120 }).map((i) => i * 5),
    countersOpen: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ weekday, opens, length, countersOpen }) => ({
    weekday,
    opensAt: hhmm(opens),
    closesAt: hhmm(Math.min(opens + length, dayMinutes)),
    countersOpen,
  }))
  .filter((w) => w.closesAt > w.opensAt);

const inputArb: fc.Arbitrary<AvailabilityInput> = fc
  .record({
    timeZone: fc.constantFrom('Europe/Berlin', 'Europe/Berlin', 'America/New_York', 'UTC'),
    windows: fc.array(windowArb, { maxLength: 10 }),
    closureOffsets: fc.array(fc.record({ start: fc.integer({ min: -2, max: 20 }), length: fc.integer({ min: 0, max: 3 }) }), {
      maxLength: 3,
    }),
    counterIds: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
    busy: fc.array(
      fc.record({
        counterId: fc.integer({ min: 1, max: 5 }),
        offset: fc.integer({ min: -dayMinutes, max: 12 * dayMinutes }),
        length: fc.integer({ min: 1, max: 600 }),
      }),
      { maxLength: 150, size: 'max' },
    ),
    durationMinutes: fc.integer({ min: 1, max: 36 }).map((i) => i * 5),
    stepMinutes: fc.constantFrom(5, 10, 15, 20, 30, 7),
    minLeadMinutes: fc.integer({ min: 0, max: 2000 }),
    horizonDays: fc.integer({ min: 0, max: 14 }),
    nowMinutes: fc.oneof(fc.integer({ min: 0, max: 364 * dayMinutes }), nearDstChange),
    fromOffset: fc.integer({ min: -3, max: 8 }),
    span: fc.integer({ min: 0, max: 10 }),
  })
  .map((r) => {
    const now = new Date(yearStart + r.nowMinutes * minuteMs);
    const today = DateTime.fromJSDate(now, { zone: r.timeZone }).startOf('day');
    const localDate = (days: number) => today.plus({ days }).toISODate()!;
    return {
      timeZone: r.timeZone,
      windows: r.windows,
      closures: r.closureOffsets.map((c) => ({ startsOn: localDate(c.start), endsOn: localDate(c.start + c.length) })),
      counterIds: r.counterIds,
      busy: r.busy.map((b) => {
        const start = today.toMillis() + b.offset * minuteMs;
        return { counterId: b.counterId, start: new Date(start), end: new Date(start + b.length * minuteMs) };
      }),
      durationMinutes: r.durationMinutes,
      stepMinutes: r.stepMinutes,
      minLeadMinutes: r.minLeadMinutes,
      horizonDays: r.horizonDays,
      now,
      from: localDate(r.fromOffset),
      to: localDate(r.fromOffset + r.span),
    };
  });

const windowRanges = new Map<string, { opens: number; closes: number }>();

/** A window's instants on a local date, computed independently of the implementation. */
function windowRange(date: string, window: WeeklyWindow, zone: string): { opens: number; closes: number } {
  const key = `${zone} ${date} ${window.opensAt} ${window.closesAt}`;
  const cached = windowRanges.get(key);
  if (cached) return cached;
  const at = (time: string) =>
    time.startsWith('24:')
      ? DateTime.fromISO(date, { zone }).plus({ days: 1 }).toMillis()
      : DateTime.fromISO(`${date}T${time}`, { zone }).toMillis();
  const range = { opens: at(window.opensAt), closes: at(window.closesAt) };
  windowRanges.set(key, range);
  return range;
}

function weekdayOf(date: string): number {
  return DateTime.fromISO(date, { zone: 'UTC' }).weekday;
}

function isClosed(input: AvailabilityInput, date: string): boolean {
  return input.closures.some((c) => c.startsOn <= date && date <= c.endsOn);
}

function overlapsBusy(input: AvailabilityInput, counterId: number, start: number, end: number): boolean {
  return input.busy.some((b) => b.counterId === counterId && b.start.getTime() < end && start < b.end.getTime());
}

function dateRange(input: AvailabilityInput): string[] {
  const today = DateTime.fromJSDate(input.now, { zone: input.timeZone }).startOf('day');
  const dates: string[] = [];
  for (let day = today; day <= today.plus({ days: input.horizonDays }); day = day.plus({ days: 1 })) {
    const date = day.toISODate()!;
    if (date >= input.from && date <= input.to) dates.push(date);
  }
  return dates;
}

/** Brute force: every grid point of every window, checked against every busy interval. */
function referenceSlots(input: AvailabilityInput): Map<number, number[][]> {
  const earliest = input.now.getTime() + input.minLeadMinutes * minuteMs;
  const candidates = new Map<number, number[][]>();
  for (const date of dateRange(input)) {
    if (isClosed(input, date)) continue;
    for (const window of input.windows.filter((w) => w.weekday === weekdayOf(date))) {
      const { opens, closes } = windowRange(date, window, input.timeZone);
      const staffed = input.counterIds.slice(0, window.countersOpen);
      for (let start = opens; start + input.durationMinutes * minuteMs <= closes; start += input.stepMinutes * minuteMs) {
        if (start < earliest) continue;
        const end = start + input.durationMinutes * minuteMs;
        const free = staffed.filter((id) => !overlapsBusy(input, id, start, end));
        if (free.length > 0) candidates.set(start, [...(candidates.get(start) ?? []), free]);
      }
    }
  }
  return candidates;
}

function containingWindow(input: AvailabilityInput, slot: Slot): WeeklyWindow | undefined {
  const weekday = weekdayOf(slot.date);
  return input.windows.find((w) => {
    if (w.weekday !== weekday) return false;
    const { opens, closes } = windowRange(slot.date, w, input.timeZone);
    const staffed = input.counterIds.slice(0, w.countersOpen);
    return (
      opens <= slot.start.getTime() &&
      slot.end.getTime() <= closes &&
      (slot.start.getTime() - opens) % (input.stepMinutes * minuteMs) === 0 &&
      slot.freeCounterIds.every((id) => staffed.includes(id))
    );
  });
}

const runs = { numRuns: 300 };

describe('computeSlots properties', () => {
  it('offers only grid starts inside one window that staffs every listed free counter', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const slot of computeSlots(input)) {
          const window = containingWindow(input, slot);
          expect(window).toBeDefined();
          expect(slot.freeCounterIds.length).toBeGreaterThan(0);
          expect(slot.freeCounterIds.length).toBeLessThanOrEqual(window!.countersOpen);
          expect(new Set(slot.freeCounterIds).size).toBe(slot.freeCounterIds.length);
          expect(slot.end.getTime() - slot.start.getTime()).toBe(input.durationMinutes * minuteMs);
          expect(DateTime.fromJSDate(slot.start, { zone: input.timeZone }).toISODate()).toBe(slot.date);
        }
      }),
      runs,
    );
  });

  it('never offers a slot on a closure, before the lead time or outside today … horizon and from … to', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const earliest = input.now.getTime() + input.minLeadMinutes * minuteMs;
        const dates = new Set(dateRange(input));
        for (const slot of computeSlots(input)) {
          expect(isClosed(input, slot.date)).toBe(false);
          expect(slot.start.getTime()).toBeGreaterThanOrEqual(earliest);
          expect(dates.has(slot.date)).toBe(true);
        }
      }),
      runs,
    );
  });

  it('never lists a counter whose busy interval overlaps the slot', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const slot of computeSlots(input)) {
          for (const id of slot.freeCounterIds) {
            expect(overlapsBusy(input, id, slot.start.getTime(), slot.end.getTime())).toBe(false);
          }
        }
      }),
      runs,
    );
  });

  it('returns starts strictly ascending', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const starts = computeSlots(input).map((s) => s.start.getTime());
        for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeGreaterThan(starts[i - 1]!);
      }),
      runs,
    );
  });

  it('offers every fitting grid point when nothing is busy or closed', () => {
    fc.assert(
      fc.property(inputArb, (generated) => {
        const input = { ...generated, busy: [], closures: [] };
        const offered = new Map(computeSlots(input).map((s) => [s.start.getTime(), s]));
        const expected = referenceSlots(input);
        expect([...offered.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [start, candidates] of expected) {
          const widest = Math.max(...candidates.map((c) => c.length));
          expect(offered.get(start)?.freeCounterIds).toHaveLength(widest);
        }
      }),
      runs,
    );
  });

  it('matches a brute-force reference: a start is missing only when no staffed counter is free', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const offered = computeSlots(input);
        const expected = referenceSlots(input);
        expect(offered.map((s) => s.start.getTime()).sort()).toEqual([...expected.keys()].sort());
        for (const slot of offered) {
          const candidates = expected.get(slot.start.getTime())!;
          const widest = Math.max(...candidates.map((c) => c.length));
          expect(candidates.filter((c) => c.length === widest)).toContainEqual(slot.freeCounterIds);
        }
      }),
      runs,
    );
  });

  it('gives the same slots for a range as for its days computed one by one', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const whole = computeSlots(input);
        const byDay = dateRange(input).flatMap((date) => computeSlots({ ...input, from: date, to: date }));
        expect(byDay).toEqual(whole);
      }),
      runs,
    );
  });
});
