import { describe, expect, it } from 'vitest';
import { easterSunday, publicHolidaysBadenWuerttemberg } from '@/lib/holidays/baden-wuerttemberg';

const dateOf = (year: number, de: string) =>
  publicHolidaysBadenWuerttemberg(year).find((holiday) => holiday.name.de === de)?.date;

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // latest possible date
    [2285, '2285-03-22'], // earliest possible date
  ])('computes Easter Sunday %i as %s', (year, expected) => {
    expect(easterSunday(year).toISOString().slice(0, 10)).toBe(expected);
  });

  it('rejects years before the Gregorian calendar and fractions', () => {
    expect(() => easterSunday(1500)).toThrow(RangeError);
    expect(() => easterSunday(2026.5)).toThrow(RangeError);
  });
});

describe('publicHolidaysBadenWuerttemberg', () => {
  it('derives the movable holidays of 2026 from Easter', () => {
    expect(dateOf(2026, 'Karfreitag')).toBe('2026-04-03');
    expect(dateOf(2026, 'Ostermontag')).toBe('2026-04-06');
    expect(dateOf(2026, 'Christi Himmelfahrt')).toBe('2026-05-14');
    expect(dateOf(2026, 'Pfingstmontag')).toBe('2026-05-25');
    expect(dateOf(2026, 'Fronleichnam')).toBe('2026-06-04');
  });

  it('puts Easter in March in 2027', () => {
    expect(dateOf(2027, 'Karfreitag')).toBe('2027-03-26');
    expect(dateOf(2027, 'Ostermontag')).toBe('2027-03-29');
  });

  it('lists the fixed holidays of Baden-Württemberg', () => {
    const dates = publicHolidaysBadenWuerttemberg(2026).map((holiday) => holiday.date);
    expect(dates).toEqual(expect.arrayContaining([
      '2026-01-01', '2026-01-06', '2026-05-01', '2026-10-03', '2026-11-01', '2026-12-25', '2026-12-26',
    ]));
  });

  it.each([2024, 2026, 2027, 2030])('returns 12 holidays sorted by date in %i', (year) => {
    const holidays = publicHolidaysBadenWuerttemberg(year);
    const dates = holidays.map((holiday) => holiday.date);
    expect(holidays).toHaveLength(12);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((date) => date.startsWith(`${year}-`))).toBe(true);
  });

  it('names every holiday in German and English', () => {
    for (const { name } of publicHolidaysBadenWuerttemberg(2026)) {
      expect(name.de).not.toBe('');
      expect(name.en).not.toBe('');
    }
  });
});
