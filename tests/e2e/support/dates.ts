import { DateTime } from 'luxon';
import { publicHolidaysBadenWuerttemberg } from '../../../lib/holidays/baden-wuerttemberg';

/** The `index`-th open weekday (ISO `weekday`) of the seeded office from next week on; holidays and 24/31 Dec skipped. */
export function openDay(weekday: number, index: number): DateTime {
  const closed = (d: DateTime) =>
    publicHolidaysBadenWuerttemberg(d.year).some((h) => h.date === d.toISODate()) || (d.month === 12 && (d.day === 24 || d.day === 31));
  let day = DateTime.now().setZone('Europe/Berlin').startOf('day').plus({ days: 7 });
  for (let found = -1; ; day = day.plus({ days: 1 })) {
    if (day.weekday === weekday && !closed(day) && ++found === index) return day;
  }
}

export const berlin = (day: DateTime, hhmm: string) => DateTime.fromISO(`${day.toISODate()}T${hhmm}`, { zone: 'Europe/Berlin' });

export const uniqueEmail = (tag: string) => `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.org`;
