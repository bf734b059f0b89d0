import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { freeGridMinutes, gridMinutesOf, newDayBudgetMinutes, newDaysDue, releasedThrough, releaseMomentOf, type BusyInterval, type ReleaseRule, type WeeklyWindow } from '@/lib/slots';

const minuteMs = 60_000;
const dayMinutes = 1440;
const zone = 'Europe/Berlin';

/**
 * Brute force: every step-long piece from each window's opening, minute by minute: a staffed counter (widest
 * window of that minute) that no busy interval takes in any minute of the piece; each counter's piece once.
 */
function freeGridReference(windows: WeeklyWindow[], counterIds: number[], busy: BusyInterval[], step: number, date: string): number {
  const midnight = DateTime.fromISO(date, { zone });
  const free = new Set<string>();
  for (const window of windows.filter((w) => w.weekday === midnight.weekday)) {
    const opens = DateTime.fromISO(`${date}T${window.opensAt}`, { zone }).toMillis();
    const closes = DateTime.fromISO(`${date}T${window.closesAt}`, { zone }).toMillis();
    for (let start = opens; start + step * minuteMs <= closes; start += step * minuteMs) {
      for (const counterId of counterIds) {
        let ok = true;
        for (let t = start; t < start + step * minuteMs && ok; t += minuteMs) {
          const hhmm = DateTime.fromMillis(t, { zone }).toFormat('HH:mm');
          const staffed = Math.max(0, ...windows.filter((w) => w.weekday === midnight.weekday && w.opensAt <= hhmm && hhmm < w.closesAt).map((w) => Math.min(w.countersOpen, counterIds.length)));
          ok = counterIds.indexOf(counterId) < staffed && !busy.some((b) => b.counterId === counterId && b.start.getTime() <= t && t < b.end.getTime());
        }
        if (ok) free.add(`${counterId}@${start}`);
      }
    }
  }
  return free.size * step;
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

describe('free grid capacity of a day', { timeout: 60_000 }, () => {
  it('counts the step-long pieces of staffed counter time nothing touches (brute force), on ordinary and daylight-saving days', () => {
    // 2026-03-29 and 2026-10-25 change the clocks in Berlin; windows stay clear of 02:00–03:00 as offices do.
    const dateArb = fc.constantFrom('2026-03-29', '2026-10-25', '2026-06-10', '2026-06-11');
    const windowArb = fc.record({ opens: fc.integer({ min: 180, max: 1200 }), length: fc.integer({ min: 10, max: 240 }), countersOpen: fc.integer({ min: 1, max: 4 }) });
    fc.assert(
      fc.property(dateArb, fc.constantFrom(5, 10, 15), fc.array(windowArb, { minLength: 0, maxLength: 3 }), fc.array(fc.record({ counter: fc.integer({ min: 1, max: 4 }), from: fc.integer({ min: 0, max: 1500 }), length: fc.integer({ min: 1, max: 300 }) }), { maxLength: 8 }), (date, step, rawWindows, rawBusy) => {
        const weekday = DateTime.fromISO(date, { zone }).weekday;
        const windows = rawWindows.map((w) => ({ weekday, opensAt: hhmm(w.opens), closesAt: hhmm(Math.min(w.opens + w.length, 1439)), countersOpen: w.countersOpen }));
        const midnight = DateTime.fromISO(date, { zone }).toMillis();
        const busy = rawBusy.map((b) => ({ counterId: b.counter, start: new Date(midnight + b.from * minuteMs), end: new Date(midnight + (b.from + b.length) * minuteMs), kind: 'movable' as const }));
        const counterIds = [1, 2, 3];
        expect(freeGridMinutes({ timeZone: zone, windows, closures: [], counterIds, busy, stepMinutes: step, date })).toBe(freeGridReference(windows, counterIds, busy, step, date));
      }),
      { numRuns: 100 },
    );
  });

  it('takes a whole piece for a shorter appointment, and is nothing on a closure', () => {
    const windows = [{ weekday: 3, opensAt: '08:00', closesAt: '12:00', countersOpen: 2 }];
    const at = (hhmm: string) => DateTime.fromISO(`2026-06-10T${hhmm}`, { zone }).toJSDate();
    const input = { timeZone: zone, windows, closures: [], counterIds: [1, 2], stepMinutes: 10, date: '2026-06-10' };
    expect(freeGridMinutes({ ...input, busy: [] })).toBe(480);
    expect(freeGridMinutes({ ...input, busy: [{ counterId: 1, start: at('08:00'), end: at('08:05') }] })).toBe(470);
    expect(freeGridMinutes({ ...input, busy: [{ counterId: 3, start: at('08:00'), end: at('12:00') }] })).toBe(480);
    expect(freeGridMinutes({ ...input, busy: [], closures: [{ startsOn: '2026-06-09', endsOn: '2026-06-10' }] })).toBe(0);
    expect(gridMinutesOf(5, 10)).toBe(10);
    expect(gridMinutesOf(25, 10)).toBe(30);
  });
});

describe('the waitlist budget of a new day', () => {
  it('is the share of the capacity at the release, the same however many offers were made already', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 200 }).map((pieces) => pieces * 10), fc.array(fc.integer({ min: 1, max: 6 }).map((pieces) => pieces * 10), { maxLength: 20 }), (share, capacityMinutes, offers) => {
        const total = newDayBudgetMinutes({ share, capacityMinutes, takenMinutes: 0 });
        expect(total).toBe(Math.floor((share * capacityMinutes) / 100));
        // Offers made one by one within what is left: it shrinks by what each takes, and the sum stays within the share.
        let taken = 0;
        for (const minutes of offers) {
          if (minutes > newDayBudgetMinutes({ share, capacityMinutes, takenMinutes: taken })) continue;
          taken += minutes;
          expect(newDayBudgetMinutes({ share, capacityMinutes, takenMinutes: taken })).toBe(total - taken);
        }
        expect(taken).toBeLessThanOrEqual(total);
      }),
    );
  });

  it('is nothing at share 0', () => {
    expect(newDayBudgetMinutes({ share: 0, capacityMinutes: 1000, takenMinutes: 0 })).toBe(0);
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
