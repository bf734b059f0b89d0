import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { freeCounterMinutes, newDayBudgetMinutes, newDaysDue, releasedThrough, releaseMomentOf, type BusyInterval, type ReleaseRule, type WeeklyWindow } from '@/lib/slots';

const minuteMs = 60_000;
const dayMinutes = 1440;
const zone = 'Europe/Berlin';

/** Brute force: minute by minute, the staffed counters (widest window containing the minute) that nothing takes. */
function freeMinutesReference(windows: WeeklyWindow[], counterIds: number[], busy: BusyInterval[], date: string): number {
  const start = DateTime.fromISO(date, { zone });
  const end = start.plus({ days: 1 });
  let free = 0;
  for (let t = start.toMillis(); t < end.toMillis(); t += minuteMs) {
    const local = DateTime.fromMillis(t, { zone });
    const hhmm = local.toFormat('HH:mm');
    const staffed = Math.max(0, ...windows.filter((w) => w.weekday === local.weekday && w.opensAt <= hhmm && hhmm < w.closesAt).map((w) => Math.min(w.countersOpen, counterIds.length)));
    free += counterIds.slice(0, staffed).filter((id) => !busy.some((b) => b.counterId === id && b.start.getTime() <= t && t < b.end.getTime())).length;
  }
  return free;
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

describe('free counter time of a day', { timeout: 60_000 }, () => {
  it('counts the staffed counter minutes nothing takes (brute force), on ordinary and daylight-saving days', () => {
    // 2026-03-29 and 2026-10-25 change the clocks in Berlin; windows stay clear of 02:00–03:00 as offices do.
    const dateArb = fc.constantFrom('2026-03-29', '2026-10-25', '2026-06-10', '2026-06-11');
    const windowArb = fc.record({ opens: fc.integer({ min: 180, max: 1200 }), length: fc.integer({ min: 10, max: 240 }), countersOpen: fc.integer({ min: 1, max: 4 }) });
    fc.assert(
      fc.property(dateArb, fc.array(windowArb, { minLength: 0, maxLength: 3 }), fc.array(fc.record({ counter: fc.integer({ min: 1, max: 4 }), from: fc.integer({ min: 0, max: 1500 }), length: fc.integer({ min: 1, max: 300 }) }), { maxLength: 8 }), (date, rawWindows, rawBusy) => {
        const weekday = DateTime.fromISO(date, { zone }).weekday;
        const windows = rawWindows.map((w) => ({ weekday, opensAt: hhmm(w.opens), closesAt: hhmm(Math.min(w.opens + w.length, 1439)), countersOpen: w.countersOpen }));
        const midnight = DateTime.fromISO(date, { zone }).toMillis();
        const busy = rawBusy.map((b) => ({ counterId: b.counter, start: new Date(midnight + b.from * minuteMs), end: new Date(midnight + (b.from + b.length) * minuteMs), kind: 'movable' as const }));
        const counterIds = [1, 2, 3];
        expect(freeCounterMinutes({ timeZone: zone, windows, closures: [], counterIds, busy, date })).toBe(freeMinutesReference(windows, counterIds, busy, date));
      }),
      { numRuns: 200 },
    );
  });

  it('is nothing on a closure', () => {
    const windows = [{ weekday: 3, opensAt: '08:00', closesAt: '12:00', countersOpen: 2 }];
    expect(freeCounterMinutes({ timeZone: zone, windows, closures: [], counterIds: [1, 2], busy: [], date: '2026-06-10' })).toBe(480);
    expect(freeCounterMinutes({ timeZone: zone, windows, closures: [{ startsOn: '2026-06-09', endsOn: '2026-06-10' }], counterIds: [1, 2], busy: [], date: '2026-06-10' })).toBe(0);
  });
});

describe('the waitlist budget of a new day', () => {
  it('is the share of the capacity at the release, the same however many offers were made already', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 2000 }), fc.array(fc.integer({ min: 5, max: 60 }), { maxLength: 20 }), (share, capacity, offers) => {
        const total = newDayBudgetMinutes({ share, freeMinutes: capacity, waitlistMinutes: 0 });
        expect(total).toBe(Math.floor((share * capacity) / 100));
        // Offers made one by one within the budget: the budget left is the first budget less what they took.
        let taken = 0;
        for (const minutes of offers) {
          if (minutes > newDayBudgetMinutes({ share, freeMinutes: capacity - taken, waitlistMinutes: taken })) continue;
          taken += minutes;
          expect(newDayBudgetMinutes({ share, freeMinutes: capacity - taken, waitlistMinutes: taken })).toBe(total - taken);
        }
        expect(taken).toBeLessThanOrEqual(total);
      }),
    );
  });

  it('is nothing at share 0', () => {
    expect(newDayBudgetMinutes({ share: 0, freeMinutes: 1000, waitlistMinutes: 0 })).toBe(0);
  });
});

const ruleArb: fc.Arbitrary<ReleaseRule> = fc.option(
  fc.record({
    time: fc.integer({ min: 0, max: 23 * 60 + 59 }).map(hhmm).filter((t) => !(t >= '02:00' && t < '03:00')),
    weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  }),
  { nil: null },
);

describe('new days due for the waitlist', { timeout: 60_000 }, () => {
  it('claims each day once, before the public sees it, as a worker polling at any pace would', () => {
    const startArb = fc.integer({ min: 0, max: 360 * dayMinutes }).map((m) => new Date(Date.UTC(2026, 0, 1) + m * minuteMs));
    fc.assert(
      fc.property(ruleArb, fc.integer({ min: 1, max: 60 }), startArb, fc.array(fc.integer({ min: 1, max: 3 * dayMinutes }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 30 }), (rule, horizonDays, start, steps, leadMinutes) => {
        let claimedThrough: string | null = null;
        const claimed = new Set<string>();
        let now = start;
        for (const step of steps) {
          now = new Date(now.getTime() + step * minuteMs);
          const due = newDaysDue({ rule, horizonDays, timeZone: zone, now, leadMinutes, claimedThrough });
          if (!due) continue;
          const publicThrough = releasedThrough({ rule, horizonDays, timeZone: zone, now });
          for (let day = DateTime.fromISO(due.from); day.toISODate()! <= due.through; day = day.plus({ days: 1 })) {
            const date = day.toISODate()!;
            expect(claimed.has(date)).toBe(false);
            claimed.add(date);
            // Not public yet, and public within the lead time.
            expect(date > publicThrough).toBe(true);
            const moment = releaseMomentOf({ rule, horizonDays, timeZone: zone, date }) ?? DateTime.fromISO(date, { zone }).minus({ days: horizonDays }).toJSDate();
            expect(moment.getTime() - now.getTime()).toBeLessThanOrEqual(leadMinutes * minuteMs);
          }
          claimedThrough = due.through;
        }
      }),
      { numRuns: 300 },
    );
  });
});
