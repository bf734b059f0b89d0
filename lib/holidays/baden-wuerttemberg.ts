import type { Localized } from '@/db/schema/types';

export type PublicHoliday = { date: string; name: Localized };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher),
 * as a UTC midnight date so adding days never trips over daylight saving.
 */
export function easterSunday(year: number): Date {
  if (!Number.isInteger(year) || year < 1583) {
    throw new RangeError(`Expected a Gregorian year from 1583 on, got ${year}`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

/** The statutory public holidays of Baden-Württemberg in `year`, sorted by date. */
export function publicHolidaysBadenWuerttemberg(year: number): PublicHoliday[] {
  const easter = easterSunday(year).getTime();
  const fixed = (month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
  const fromEaster = (days: number) => isoDate(new Date(easter + days * DAY_MS));

  const holidays: PublicHoliday[] = [
    { date: fixed(1, 1), name: { de: 'Neujahr', en: "New Year's Day" } },
    { date: fixed(1, 6), name: { de: 'Heilige Drei Könige', en: 'Epiphany' } },
    { date: fromEaster(-2), name: { de: 'Karfreitag', en: 'Good Friday' } },
    { date: fromEaster(1), name: { de: 'Ostermontag', en: 'Easter Monday' } },
    { date: fixed(5, 1), name: { de: 'Tag der Arbeit', en: 'Labour Day' } },
    { date: fromEaster(39), name: { de: 'Christi Himmelfahrt', en: 'Ascension Day' } },
    { date: fromEaster(50), name: { de: 'Pfingstmontag', en: 'Whit Monday' } },
    { date: fromEaster(60), name: { de: 'Fronleichnam', en: 'Corpus Christi' } },
    { date: fixed(10, 3), name: { de: 'Tag der Deutschen Einheit', en: 'Day of German Unity' } },
    { date: fixed(11, 1), name: { de: 'Allerheiligen', en: "All Saints' Day" } },
    { date: fixed(12, 25), name: { de: '1. Weihnachtstag', en: 'Christmas Day' } },
    { date: fixed(12, 26), name: { de: '2. Weihnachtstag', en: 'Boxing Day' } },
  ];
  // Easter-based days can fall before 1 May (Karfreitag, Ostermontag) or after it; ISO dates sort as strings.
  return holidays.sort((x, y) => x.date.localeCompare(y.date));
}
