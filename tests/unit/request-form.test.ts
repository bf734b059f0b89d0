import { describe, expect, it } from 'vitest';
import { parseRequestForm, type RequestFormLocation } from '@/lib/requests/form';
import { fitsPartOfDay, normalizePreferences, preferencesPassed, requestableDays } from '@/lib/requests/preferences';
import { generateRequestCode, normalizeRequestCode, REQUEST_CODE_PATTERN } from '@/lib/requests/reference';

// Like Ortschaftsverwaltung Hochdorf: open Tuesday and Thursday, 42 days ahead.
const office: RequestFormLocation = {
  timeZone: 'Europe/Berlin',
  bookingHorizonDays: 42,
  windows: [{ weekday: 2, opensAt: '08:30:00', closesAt: '11:30:00' }, { weekday: 4, opensAt: '14:00:00', closesAt: '17:00:00' }],
  closures: [{ startsOn: '2026-12-10', endsOn: '2026-12-10' }],
  services: [
    { id: 1, slug: 'personalausweis', maxCount: 4 },
    { id: 2, slug: 'beglaubigung', maxCount: 10 },
  ],
};
// Wednesday, 2 December 2026, 10:00 in Berlin.
const now = new Date('2026-12-02T09:00:00Z');

const valid = {
  count_personalausweis: '2',
  count_beglaubigung: '0',
  day1: '2026-12-08',
  part1: 'morning',
  day2: '2026-12-03',
  part2: 'any',
  day3: '',
  part3: 'any',
  name: 'Erika Mustermann',
  email: 'erika@example.org',
  phone: '',
  note: '  ',
  consent: 'on',
};

const errorsOf = (values: Record<string, string>) => {
  const result = parseRequestForm(values, office, now);
  return result.ok ? {} : Object.fromEntries(result.errors.map((e) => [e.field, e.key]));
};

describe('the request form', () => {
  it('accepts services, up to three open days with a part of day, contact and consent', () => {
    expect(parseRequestForm(valid, office, now)).toEqual({
      ok: true,
      data: {
        services: [{ id: 1, count: 2 }],
        preferences: [
          { date: '2026-12-08', partOfDay: 'morning' },
          { date: '2026-12-03', partOfDay: 'any' },
        ],
        contact: { name: 'Erika Mustermann', email: 'erika@example.org', phone: null },
        note: null,
      },
    });
  });

  it('names each wrong field with its own message key', () => {
    expect(
      errorsOf({ ...valid, count_personalausweis: '5', day1: '2026-12-01', day2: '2026-12-02', day3: '2027-01-14', part1: 'night', consent: '', note: 'x'.repeat(501) }),
    ).toEqual({ count_personalausweis: 'countTooHigh', part1: 'partInvalid', day1: 'dayPast', day2: 'dayTooEarly', day3: 'dayTooLate', note: 'noteTooLong', consent: 'consentRequired' });
    expect(errorsOf({ ...valid, count_personalausweis: '0', day1: '2026-12-09', day2: 'morgen' })).toEqual({ services: 'servicesRequired', day1: 'dayClosed', day2: 'dayInvalid' });
    expect(errorsOf({ ...valid, day1: '', day2: '' })).toEqual({ day1: 'dayRequired' });
    expect(errorsOf({ ...valid, day2: '2026-12-08' })).toEqual({ day2: 'dayTwice' });
    expect(errorsOf({ ...valid, name: '', email: 'erika@', phone: 'abc' })).toEqual({ name: 'nameRequired', email: 'emailInvalid', phone: 'phoneInvalid' });
  });

  it('refuses a part of day the office is closed on that day, and a day inside a closure', () => {
    expect(errorsOf({ ...valid, part1: 'afternoon' })).toEqual({ part1: 'partClosed' });
    expect(errorsOf({ ...valid, part2: 'morning' })).toEqual({ part2: 'partClosed' });
    expect(errorsOf({ ...valid, day2: '2026-12-10' })).toEqual({ day2: 'dayClosed' });
  });

  it('offers only open days, each with the parts of day the office is open', () => {
    const days = requestableDays({ ...office, closures: office.closures! }, now);
    expect(days.slice(0, 3)).toEqual([
      { date: '2026-12-03', parts: ['afternoon'] },
      { date: '2026-12-08', parts: ['morning'] },
      { date: '2026-12-15', parts: ['morning'] },
    ]);
    expect(days.at(-1)).toEqual({ date: '2027-01-12', parts: ['morning'] });
  });

  it('accepts the last day of the horizon but not the day after', () => {
    expect(errorsOf({ ...valid, day1: '2027-01-12', day2: '' })).toEqual({});
    expect(errorsOf({ ...valid, day1: '2027-01-14', day2: '' })).toEqual({ day1: 'dayTooLate' });
  });
});

describe('preferred windows', () => {
  it('treats a start before 12:00 Berlin time as morning and from 12:00 as afternoon, also in summer time', () => {
    expect(fitsPartOfDay(new Date('2026-12-08T10:50:00Z'), 'morning', 'Europe/Berlin')).toBe(true); // 11:50
    expect(fitsPartOfDay(new Date('2026-12-08T11:00:00Z'), 'morning', 'Europe/Berlin')).toBe(false); // 12:00
    expect(fitsPartOfDay(new Date('2026-12-08T11:00:00Z'), 'afternoon', 'Europe/Berlin')).toBe(true);
    expect(fitsPartOfDay(new Date('2026-07-07T10:30:00Z'), 'afternoon', 'Europe/Berlin')).toBe(true); // 12:30 CEST
    expect(fitsPartOfDay(new Date('2026-07-07T09:30:00Z'), 'any', 'Europe/Berlin')).toBe(true);
  });

  it('compares preferences regardless of their order and knows when all have passed', () => {
    const a = normalizePreferences([{ date: '2026-12-10', partOfDay: 'any' }, { date: '2026-12-08', partOfDay: 'morning' }]);
    expect(a).toEqual([{ date: '2026-12-08', partOfDay: 'morning' }, { date: '2026-12-10', partOfDay: 'any' }]);
    expect(preferencesPassed(a, '2026-12-10')).toBe(false);
    expect(preferencesPassed(a, '2026-12-11')).toBe(true);
  });
});

describe('request numbers', () => {
  it('look like A-XXXX-XXXX, at most 12 characters, and are read back however they are typed', () => {
    const code = generateRequestCode();
    expect(code).toMatch(REQUEST_CODE_PATTERN);
    expect(code.length).toBeLessThanOrEqual(12);
    expect(normalizeRequestCode(code.toLowerCase())).toBe(code);
    expect(normalizeRequestCode(code.slice(2))).toBe(code);
    expect(normalizeRequestCode(` a ${code.slice(2).replace('-', ' ')} `)).toBe(code);
  });
});
