import { describe, expect, it } from 'vitest';
import { parseWishForm, parseWishWindow } from '@/lib/waitlist/form';

const offices = [
  { id: 1, slug: 'mitte', name: 'Bürgeramt Mitte', services: [{ id: 10, maxCount: 3 }, { id: 11, maxCount: 1 }] },
  { id: 2, slug: 'nord', name: 'Bürgeramt Nord', services: [{ id: 10, maxCount: 2 }] },
];
const services = [{ id: 10, slug: 'ausweis', name: 'Ausweis' }, { id: 11, slug: 'fischerei', name: 'Fischereischein' }];
const bounds = { first: '2026-12-03', last: '2027-01-13' };
const valid = { office_mitte: 'on', count_ausweis: '2', earliest: '2026-12-10', latest: '2026-12-20', weekday_1: 'on', weekday_3: 'on', part_morning: 'on', name: 'Erika Muster', email: 'erika@example.org', mailLocale: 'en', consent: 'on' };
const errorsOf = (values: Record<string, string>) => {
  const parsed = parseWishForm(values, { offices, services, ...bounds });
  return parsed.ok ? [] : parsed.errors.map((e) => `${e.field}:${e.key}`);
};

describe('the wish form', () => {
  it('reads offices, services, period, weekdays, parts of day and the mail language', () => {
    expect(parseWishForm(valid, { offices, services, ...bounds })).toEqual({
      ok: true,
      data: { locationIds: [1], items: [{ serviceId: 10, count: 2 }], earliestDate: '2026-12-10', latestDate: '2026-12-20', weekdays: [1, 3], parts: ['morning'], name: 'Erika Muster', email: 'erika@example.org', locale: 'en' },
    });
  });

  it('takes the whole bookable period when no dates are given', () => {
    const parsed = parseWishForm({ ...valid, earliest: '', latest: '' }, { offices, services, ...bounds });
    expect(parsed.ok && [parsed.data.earliestDate, parsed.data.latestDate]).toEqual([bounds.first, bounds.last]);
  });

  it('refuses a service one of the chosen offices does not offer, and counts over the smallest maximum', () => {
    expect(errorsOf({ ...valid, office_nord: 'on', count_fischerei: '1' })).toEqual(['count_fischerei:officeLacksService']);
    expect(errorsOf({ ...valid, office_nord: 'on', count_ausweis: '3' })).toEqual(['count_ausweis:countTooHigh']);
  });

  it('names every missing choice beside its field', () => {
    expect(errorsOf({ name: '', email: 'nope' })).toEqual([
      'offices:officesRequired', 'services:servicesRequired', 'weekdays:weekdaysRequired', 'parts:partsRequired', 'name:nameRequired', 'email:emailInvalid', 'consent:consentRequired',
    ]);
  });

  it('keeps the period inside the bookable days and in order', () => {
    expect(errorsOf({ ...valid, earliest: '2026-12-02' })).toEqual(['earliest:dateTooEarly']);
    expect(errorsOf({ ...valid, latest: '2027-01-14' })).toEqual(['latest:dateTooLate']);
    expect(errorsOf({ ...valid, earliest: '2026-12-20', latest: '2026-12-10' })).toEqual(['latest:latestBeforeEarliest']);
    expect(errorsOf({ ...valid, earliest: '10.12.2026' })).toEqual(['earliest:dateInvalid']);
  });

  it('checks a change of period, weekdays and parts alone', () => {
    expect(parseWishWindow({ earliest: '2026-12-10', latest: '2026-12-11', weekday_5: 'on', part_afternoon: 'on' }, bounds)).toEqual({ ok: true, data: { earliestDate: '2026-12-10', latestDate: '2026-12-11', weekdays: [5], parts: ['afternoon'] } });
    expect(parseWishWindow({ earliest: '2026-12-10', latest: '2026-12-11' }, bounds).ok).toBe(false);
  });
});
