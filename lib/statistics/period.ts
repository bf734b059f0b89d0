import { DateTime } from 'luxon';

export type PeriodKind = 'day' | 'week' | 'month' | 'custom';
export type Period = { kind: PeriodKind; from: string; to: string; previous: { from: string; to: string } };

const MAX_DAYS = 366;
const isDate = (s: string | undefined): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s).isValid;

/**
 * The period a statistics view shows (local dates, both inclusive) and the one just before it of the same
 * kind, from the query string; anything unreadable falls back to the month of `today - 1`, the last
 * finished day.
 */
export function periodOf({ kind, date, from, to, today }: { kind?: string; date?: string; from?: string; to?: string; today: string }): Period {
  const yesterday = DateTime.fromISO(today).minus({ days: 1 });
  const anchor = isDate(date) ? DateTime.fromISO(date) : yesterday;
  if (kind === 'custom' && isDate(from) && isDate(to) && from <= to) {
    const start = DateTime.fromISO(from);
    const end = DateTime.min(DateTime.fromISO(to), start.plus({ days: MAX_DAYS - 1 }));
    const length = end.diff(start, 'days').days + 1;
    return { kind, from: iso(start), to: iso(end), previous: { from: iso(start.minus({ days: length })), to: iso(start.minus({ days: 1 })) } };
  }
  if (kind === 'day') {
    return { kind, from: iso(anchor), to: iso(anchor), previous: { from: iso(anchor.minus({ days: 1 })), to: iso(anchor.minus({ days: 1 })) } };
  }
  const unit = kind === 'week' ? 'week' : 'month';
  const start = anchor.startOf(unit);
  const before = start.minus({ [unit === 'week' ? 'weeks' : 'months']: 1 });
  return { kind: unit, from: iso(start), to: iso(anchor.endOf(unit)), previous: { from: iso(before), to: iso(before.endOf(unit)) } };
}

const iso = (d: DateTime) => d.toISODate()!;

/** Every date from `from` to `to`, inclusive. */
export function datesOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = DateTime.fromISO(from); iso(d) <= to; d = d.plus({ days: 1 })) out.push(iso(d));
  return out;
}
