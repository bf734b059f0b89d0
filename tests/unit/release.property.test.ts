import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { daysReleasedBetween, nextRelease, releasedThrough, releaseMomentOf, type ReleaseRule } from '@/lib/slots';

const minuteMs = 60_000;
const dayMinutes = 1440;

/** Brute force: every release moment of the 10 days before `now`, spelled out with luxon, the latest one that passed. */
function releasedThroughReference(rule: NonNullable<ReleaseRule>, horizonDays: number, timeZone: string, now: Date): string {
  const [hour, minute] = rule.time.split(':').map(Number) as [number, number];
  let best: DateTime | undefined;
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  for (let back = 0; back <= 10; back++) {
    const day = today.minus({ days: back });
    if (!rule.weekdays.includes(day.weekday)) continue;
    const moment = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: timeZone });
    if (moment.toMillis() <= now.getTime() && (!best || day > best)) best = day;
  }
  return best!.plus({ days: horizonDays }).toISODate()!;
}

// Around the daylight-saving changes in Berlin (Mar 29, Oct 25 2026) and New York (Mar 8, Nov 1), and any day.
const nowArb = fc
  .oneof(fc.constantFrom(87, 297, 66, 304).chain((d) => fc.integer({ min: (d - 9) * dayMinutes, max: (d + 2) * dayMinutes })), fc.integer({ min: 0, max: 364 * dayMinutes }))
  .map((minutes) => new Date(Date.UTC(2026, 0, 1) + minutes * minuteMs));

const ruleArb = fc.record({
  // Release moments inside the spring-forward gap (02:00–03:00) are moved forward as every wall-clock time is.
  time: fc.integer({ min: 0, max: 23 * 60 + 59 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`).filter((t) => !(t >= '02:00' && t < '03:00')),
  weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
});
const zoneArb = fc.constantFrom('Europe/Berlin', 'America/New_York', 'UTC');
const horizonArb = fc.integer({ min: 1, max: 90 });

// Luxon-heavy properties: give them room on a loaded machine.
describe('release schedule', { timeout: 60_000 }, () => {
  it('releases through the day the horizon reaches from the latest release that has passed (brute force)', () => {
    fc.assert(
      fc.property(ruleArb, horizonArb, zoneArb, nowArb, (rule, horizonDays, timeZone, now) => {
        expect(releasedThrough({ rule, horizonDays, timeZone, now })).toBe(releasedThroughReference(rule, horizonDays, timeZone, now));
      }),
      { numRuns: 500 },
    );
  });

  it('names for every day the moment it becomes bookable, consistent with what is released', () => {
    fc.assert(
      fc.property(ruleArb, horizonArb, zoneArb, nowArb, fc.integer({ min: -3, max: 100 }), (rule, horizonDays, timeZone, now, ahead) => {
        const date = DateTime.fromJSDate(now, { zone: timeZone }).plus({ days: ahead }).toISODate()!;
        const moment = releaseMomentOf({ rule, horizonDays, timeZone, date })!;
        expect(moment.getTime() <= now.getTime()).toBe(date <= releasedThrough({ rule, horizonDays, timeZone, now }));
        // At that moment the day is released, a millisecond before it is not.
        expect(releasedThrough({ rule, horizonDays, timeZone, now: moment }) >= date).toBe(true);
        expect(releasedThrough({ rule, horizonDays, timeZone, now: new Date(moment.getTime() - 1) }) < date).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('announces the next release as the first moment that releases more', () => {
    fc.assert(
      fc.property(ruleArb, horizonArb, zoneArb, nowArb, (rule, horizonDays, timeZone, now) => {
        const next = nextRelease({ rule, horizonDays, timeZone, now })!;
        const before = releasedThrough({ rule, horizonDays, timeZone, now });
        expect(next.at.getTime()).toBeGreaterThan(now.getTime());
        expect(next.at.getTime() - now.getTime()).toBeLessThanOrEqual(8 * dayMinutes * minuteMs);
        expect(releasedThrough({ rule, horizonDays, timeZone, now: new Date(next.at.getTime() - 1) })).toBe(before);
        expect(releasedThrough({ rule, horizonDays, timeZone, now: next.at })).toBe(next.through);
        expect(next.through > before).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('releases weekday mornings at 07:30: Friday brings the Friday six weeks on, Monday the weekend and the Monday', () => {
    const rule = { time: '07:30', weekdays: [1, 2, 3, 4, 5] };
    const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Berlin' }).toJSDate();
    const input = { rule, horizonDays: 42, timeZone: 'Europe/Berlin' };
    expect(releasedThrough({ ...input, now: at('2026-12-04T07:29:59') })).toBe('2027-01-14');
    expect(releasedThrough({ ...input, now: at('2026-12-04T07:30:00') })).toBe('2027-01-15');
    expect(releasedThrough({ ...input, now: at('2026-12-06T12:00') })).toBe('2027-01-15');
    expect(nextRelease({ ...input, now: at('2026-12-05T09:00') })).toEqual({ at: at('2026-12-07T07:30'), through: '2027-01-18' });
    expect(releaseMomentOf({ ...input, date: '2027-01-16' })).toEqual(at('2026-12-07T07:30'));
  });

  it('lists exactly the days whose release moment lies in the interval', () => {
    fc.assert(
      fc.property(ruleArb, horizonArb, zoneArb, nowArb, fc.integer({ min: 0, max: 10 * dayMinutes }), (rule, horizonDays, timeZone, after, minutes) => {
        const until = new Date(after.getTime() + minutes * minuteMs);
        const days = daysReleasedBetween({ rule, horizonDays, timeZone, after, until });
        for (const date of days) {
          const moment = releaseMomentOf({ rule, horizonDays, timeZone, date })!.getTime();
          expect(moment > after.getTime() && moment <= until.getTime()).toBe(true);
        }
        // Consecutive, ending where the release stands at `until`.
        if (days.length > 0) expect(days.at(-1)).toBe(releasedThrough({ rule, horizonDays, timeZone, now: until }));
        expect(days.length === 0).toBe(releasedThrough({ rule, horizonDays, timeZone, now: after }) === releasedThrough({ rule, horizonDays, timeZone, now: until }));
      }),
      { numRuns: 300 },
    );
  });

  it('offers the whole horizon at any moment without a schedule', () => {
    const now = DateTime.fromISO('2026-12-04T03:00', { zone: 'Europe/Berlin' }).toJSDate();
    expect(releasedThrough({ rule: null, horizonDays: 42, timeZone: 'Europe/Berlin', now })).toBe('2027-01-15');
    expect(nextRelease({ rule: null, horizonDays: 42, timeZone: 'Europe/Berlin', now })).toBeNull();
  });
});
