import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { type AvailabilityInput, type BusyInterval, type WeeklyWindow, assignCounters, computeSlots, planHoldRepack } from '@/lib/slots';

// One Monday in Berlin, no daylight-saving change near it; every time is minutes after its midnight.
const zone = 'Europe/Berlin';
const date = '2026-06-15';
const midnight = DateTime.fromISO(date, { zone }).toMillis();
const minuteMs = 60_000;
const at = (minutes: number) => new Date(midnight + minutes * minuteMs);
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

type Scenario = { input: AvailabilityInput; windows: { opens: number; closes: number; counters: number }[] };

/**
 * Opening windows back to back or with breaks, each with its own number of counters (staffing changes
 * at the boundaries); per counter a run of bookings that never overlap (what the exclusion constraint
 * leaves), each fixed, movable or released; `now` somewhere in the morning, so some have started.
 */
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    windows: fc.array(fc.record({ gap: fc.constantFrom(0, 0, 15, 30), length: fc.integer({ min: 4, max: 18 }), counters: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 3 }),
    counterIds: fc.constantFrom([1, 2, 3], [3, 1, 2], [2, 3, 1, 4]),
    lanes: fc.array(
      fc.array(fc.record({ gap: fc.integer({ min: 0, max: 8 }), length: fc.integer({ min: 1, max: 9 }), kind: fc.constantFrom<BusyInterval['kind']>('movable', 'movable', 'movable', 'fixed') }), { maxLength: 5 }),
      { minLength: 4, maxLength: 4 },
    ),
    released: fc.array(fc.record({ start: fc.integer({ min: 90, max: 170 }), length: fc.integer({ min: 1, max: 9 }), counterId: fc.integer({ min: 1, max: 3 }) }), { maxLength: 2 }),
    now: fc.integer({ min: 400, max: 560 }),
    duration: fc.integer({ min: 1, max: 9 }),
    step: fc.constantFrom(5, 10),
  })
  .map((r) => {
    let t = 480;
    const windows = r.windows.map((w) => {
      const opens = t + w.gap;
      t = opens + w.length * 5;
      return { opens, closes: t, counters: w.counters };
    });
    const busy: BusyInterval[] = [];
    r.lanes.forEach((lane, i) => {
      let s = 450;
      for (const b of lane) {
        const start = s + b.gap * 5;
        s = start + b.length * 5;
        busy.push({ counterId: i + 1, start: at(start), end: at(s), kind: b.kind });
      }
    });
    for (const b of r.released) busy.push({ counterId: b.counterId, start: at(b.start * 5), end: at(b.start * 5 + b.length * 5), kind: 'released' });
    const weekly: WeeklyWindow[] = windows.map((w) => ({ weekday: 1, opensAt: hhmm(w.opens), closesAt: hhmm(w.closes), countersOpen: w.counters }));
    const input: AvailabilityInput = {
      timeZone: zone,
      windows: weekly,
      closures: [],
      counterIds: r.counterIds,
      busy,
      durationMinutes: r.duration * 5,
      stepMinutes: r.step,
      minLeadMinutes: 0,
      horizonDays: 3,
      now: at(r.now),
      from: date,
      to: date,
    };
    return { input, windows };
  });

// ---------------------------------------------------------------- the reference, written plainly

type Interval = { counterId: number; start: number; end: number };

/** The counters staffed for all of `[start, end)`: those of a window that contains it. */
function allowedFor(s: Scenario, start: number, end: number): number[] {
  const window = s.windows.find((w) => at(w.opens).getTime() <= start && end <= at(w.closes).getTime());
  return window ? s.input.counterIds.slice(0, window.counters) : [];
}

function split(s: Scenario): { pinned: Interval[]; movable: (Interval & { allowed: number[] })[] } {
  const pinned: Interval[] = [];
  const movable: (Interval & { allowed: number[] })[] = [];
  for (const b of s.input.busy) {
    if (b.kind === 'released') continue;
    const interval = { counterId: b.counterId, start: b.start.getTime(), end: b.end.getTime() };
    const allowed = allowedFor(s, interval.start, interval.end);
    if (b.kind === 'movable' && interval.start > s.input.now.getTime() && allowed.includes(b.counterId)) movable.push({ ...interval, allowed });
    else pinned.push(interval);
  }
  return { pinned, movable };
}

/** Brute force: tries every counter for every movable booking (and the new one), backtracking on a clash. */
function assignmentExists(pinned: Interval[], movable: { start: number; end: number; allowed: number[] }[]): boolean {
  const placed: Interval[] = [...pinned];
  const clash = (c: Interval) => placed.some((p) => p.counterId === c.counterId && p.start < c.end && c.start < p.end);
  const place = (i: number): boolean => {
    if (i === movable.length) return true;
    for (const counterId of movable[i]!.allowed) {
      const candidate = { counterId, start: movable[i]!.start, end: movable[i]!.end };
      if (clash(candidate)) continue;
      placed.push(candidate);
      if (place(i + 1)) return true;
      placed.pop();
    }
    return false;
  };
  return place(0);
}

/** At every minute of `[start, end)`: staffed counters in use plus released times stay below the staffed count. */
function capacityLeft(s: Scenario, start: number, end: number, staffed: number[]): boolean {
  for (let t = start; t < end; t += minuteMs) {
    const used = staffed.filter((c) => s.input.busy.some((b) => b.kind !== 'released' && b.counterId === c && b.start.getTime() <= t && t < b.end.getTime())).length;
    const released = s.input.busy.filter((b) => b.kind === 'released' && b.start.getTime() <= t && t < b.end.getTime()).length;
    if (used + released >= staffed.length) return false;
  }
  return true;
}

/** Every grid start of every window after `now` where capacity is left and an assignment of everything exists. */
function referenceStarts(s: Scenario): number[] {
  const { pinned, movable } = split(s);
  const starts: number[] = [];
  for (const w of s.windows) {
    for (let m = w.opens; m + s.input.durationMinutes <= w.closes; m += s.input.stepMinutes) {
      const start = at(m).getTime();
      const end = start + s.input.durationMinutes * minuteMs;
      if (start < s.input.now.getTime()) continue;
      const staffed = s.input.counterIds.slice(0, w.counters);
      if (capacityLeft(s, start, end, staffed) && assignmentExists(pinned, [...movable, { start, end, allowed: staffed }])) starts.push(start);
    }
  }
  return starts.sort((a, b) => a - b);
}

/** Nothing booked ahead stays fixed on a staffed counter: the case where the overlap count is exact. */
function fixedOnlyBehind(s: Scenario): boolean {
  const { pinned } = split(s);
  return pinned.every((p) => p.start <= s.input.now.getTime() || !s.windows.some((w) => at(w.opens).getTime() < p.end && p.start < at(w.closes).getTime() && s.input.counterIds.slice(0, w.counters).includes(p.counterId)));
}

const runs = { numRuns: 400 };

describe('offering by capacity', () => {
  it('offers only starts for which an assignment of the whole day to staffed counters exists', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const reference = new Set(referenceStarts(s));
        for (const slot of computeSlots(s.input)) expect(reference.has(slot.start.getTime()), slot.start.toISOString()).toBe(true);
      }),
      runs,
    );
  });

  it('offers exactly the starts a brute-force assignment finds while no fixed booking lies ahead (the overlap count decides)', () => {
    fc.assert(
      fc.property(scenarioArb.filter(fixedOnlyBehind), (s) => {
        expect(computeSlots(s.input).map((slot) => slot.start.getTime())).toEqual(referenceStarts(s));
      }),
      runs,
    );
  });

  it('lets a hold place every offered start, with a valid re-pack that moves only what may move', () => {
    let repacked = 0;
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const staffing = { timeZone: zone, windows: s.input.windows, counterIds: s.input.counterIds };
        const bookings = s.input.busy.flatMap((b, id) => (b.kind === 'released' ? [] : [{ id, counterId: b.counterId, start: b.start, end: b.end, movable: b.kind === 'movable' }]));
        const { movable } = split(s);
        for (const slot of computeSlots(s.input)) {
          const plan = planHoldRepack({ staffing, bookings, now: s.input.now, start: slot.start, end: slot.end });
          expect(plan, slot.start.toISOString()).not.toBeNull();
          const counterOf = new Map(bookings.map((b) => [b.id, b.counterId]));
          for (const move of plan!.moves) {
            const booking = bookings[move.bookingId]!;
            expect(movable.some((m) => m.start === booking.start.getTime() && m.counterId === booking.counterId)).toBe(true);
            expect(allowedFor(s, booking.start.getTime(), booking.end.getTime())).toContain(move.counterId);
            counterOf.set(move.bookingId, move.counterId);
          }
          if (slot.freeCounterIds.length > 0) expect(plan!.moves).toEqual([]);
          else repacked++;
          const after = [...bookings.map((b) => ({ counterId: counterOf.get(b.id)!, start: b.start.getTime(), end: b.end.getTime() })), { counterId: plan!.counterId, start: slot.start.getTime(), end: slot.end.getTime() }];
          expect(allowedFor(s, slot.start.getTime(), slot.end.getTime())).toContain(plan!.counterId);
          for (const [i, a] of after.entries()) {
            for (const b of after.slice(i + 1)) expect(a.counterId === b.counterId && a.start < b.end && b.start < a.end).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
    // The generator does reach starts that only a re-pack makes room for.
    expect(repacked).toBeGreaterThan(0);
  }, 120_000);
});

describe('assignCounters', () => {
  it('re-packs the A/B/C morning so a 40-minute appointment fits at 08:00', () => {
    const p = (id: number, counterId: number, from: number, to: number) => ({ id, counterId, start: from, end: to, movable: true, allowed: [1, 2, 3] });
    const fits = assignCounters([p(1, 1, 0, 20), p(2, 2, 20, 40), p(3, 3, 0, 40), { ...p(4, -1, 0, 40) }]);
    expect(fits).not.toBeNull();
    expect(new Set([fits!.get(1), fits!.get(2)]).size).toBe(1);
    expect(assignCounters([p(1, 1, 0, 20), { ...p(2, 2, 0, 40), movable: false }, { ...p(3, 3, 0, 40), movable: false }, p(4, -1, 0, 40)])).toBeNull();
  });
});
