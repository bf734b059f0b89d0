import { describe, expect, it } from 'vitest';
import { calendarView } from '@/lib/booking/calendar-view';
import type { Slot } from '@/lib/slots';

const slot = (date: string, hhmm: string): Slot => {
  const start = new Date(`${date}T${hhmm}:00+01:00`);
  return { date, start, end: new Date(start.getTime() + 10 * 60_000), freeCounterIds: [1] };
};
const slots = [slot('2026-12-02', '08:00'), slot('2026-12-02', '08:10'), slot('2026-12-02', '08:20'), slot('2026-12-02', '09:00'), slot('2026-12-02', '11:00'), slot('2027-01-05', '08:00')];
const base = { slots, today: '2026-11-28', lastDay: '2027-01-09', monat: '', tag: '', zeit: '' };

describe('calendarView', () => {
  it('opens on the first free day when nothing is asked for', () => {
    const view = calendarView(base);
    expect(view).toMatchObject({ month: '2026-12', day: '2026-12-02', firstMonth: '2026-11', lastMonth: '2027-01' });
    expect(view.daySlots).toHaveLength(5);
  });

  it('shows a requested month with its first free day, and ignores days without free times', () => {
    expect(calendarView({ ...base, monat: '2027-01' })).toMatchObject({ month: '2027-01', day: '2027-01-05' });
    expect(calendarView({ ...base, tag: '2026-12-03' })).toMatchObject({ day: '2026-12-02' });
    expect(calendarView({ ...base, monat: '2030-01' }).month).toBe('2026-12');
  });

  it('offers the four free starts nearest to the one just taken, in time order', () => {
    const view = calendarView({ ...base, tag: '2026-12-02', zeit: new Date('2026-12-02T08:30:00+01:00').toISOString() });
    expect(view.alternatives.map((s) => s.start.toISOString().slice(11, 16))).toEqual(['07:00', '07:10', '07:20', '08:00']);
  });
});
