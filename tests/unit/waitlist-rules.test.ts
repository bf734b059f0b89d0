import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_OFFER_MINUTES, offerMinutes, pickOfferSlot, slotFitsWish } from '@/lib/slots';

const zone = 'Europe/Berlin';
const t = (iso: string) => new Date(iso);
const slot = (start: string, minutes: number) => ({ date: start.slice(0, 10), start: t(start), end: new Date(t(start).getTime() + minutes * 60_000), freeCounterIds: [1] });
const wish = { earliestDate: '2026-12-07', latestDate: '2026-12-11', weekdays: [1, 3], parts: ['morning' as const] };

describe('offer rules', () => {
  it('fits a slot by local date, weekday and part of day', () => {
    expect(slotFitsWish({ start: t('2026-12-07T08:00:00Z') }, wish, zone)).toBe(true); // Monday 09:00
    expect(slotFitsWish({ start: t('2026-12-07T11:00:00Z') }, wish, zone)).toBe(false); // Monday 12:00 is afternoon
    expect(slotFitsWish({ start: t('2026-12-08T08:00:00Z') }, wish, zone)).toBe(false); // Tuesday
    expect(slotFitsWish({ start: t('2026-12-14T08:00:00Z') }, wish, zone)).toBe(false); // after the last day
  });

  it('picks the earliest fitting slot that overlaps the freed time and was not offered to the wish before', () => {
    const slots = [slot('2026-12-07T08:20:00Z', 10), slot('2026-12-07T08:00:00Z', 10), slot('2026-12-07T08:10:00Z', 10)];
    const freed = { start: t('2026-12-07T08:05:00Z'), end: t('2026-12-07T08:25:00Z') };
    expect(pickOfferSlot({ slots, wish, freed, offeredBefore: [], timeZone: zone })?.start).toEqual(t('2026-12-07T08:00:00Z'));
    expect(pickOfferSlot({ slots, wish, freed, offeredBefore: [{ start: t('2026-12-07T08:00:00Z'), end: t('2026-12-07T08:10:00Z') }], timeZone: zone })?.start).toEqual(t('2026-12-07T08:10:00Z'));
    expect(pickOfferSlot({ slots, wish, freed: { start: t('2026-12-07T09:00:00Z'), end: t('2026-12-07T09:10:00Z') }, offeredBefore: [], timeZone: zone })).toBeNull();
  });

  it('holds an offer for the office period, shorter when the time is near, never under the minimum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * 24 * 40 }), fc.integer({ min: 1, max: 72 }), fc.integer({ min: 0, max: 600 }), (minutesAhead, hours, lead) => {
        const now = t('2026-12-02T08:00:00Z');
        const start = new Date(now.getTime() + minutesAhead * 60_000);
        const minutes = offerMinutes({ now, start, offerHours: hours, minLeadMinutes: lead });
        expect(minutes).toBeLessThanOrEqual(Math.max(MIN_OFFER_MINUTES, hours * 60));
        expect(minutes).toBeGreaterThanOrEqual(MIN_OFFER_MINUTES);
        // Above the minimum, the offer ends before the last moment the time could still be booked.
        if (minutes > MIN_OFFER_MINUTES) expect(minutes).toBeLessThanOrEqual((minutesAhead - lead) / 2);
      }),
    );
    expect(offerMinutes({ now: t('2026-12-02T08:00:00Z'), start: t('2026-12-10T08:00:00Z'), offerHours: 12, minLeadMinutes: 60 })).toBe(720);
    expect(offerMinutes({ now: t('2026-12-02T08:00:00Z'), start: t('2026-12-02T13:00:00Z'), offerHours: 12, minLeadMinutes: 60 })).toBe(120);
  });
});
