import type { Channel, Outcome, StatisticsFacts } from '@/db/queries/statistics';
import { datesOf, type Period } from './period';

export const CHANNELS: Channel[] = ['online', 'staff', 'request'];
export const OUTCOMES: Outcome[] = ['used', 'no_show', 'open', 'cancelled_citizen', 'cancelled_staff', 'cancelled_closure'];
export const LEAD_BUCKETS = [0, 1, 2, 4, 8, 15, 29] as const;
export const WITHIN_DAYS = 14;

const isCancelled = (o: Outcome) => o.startsWith('cancelled');
const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((a, r) => a + f(r), 0);
/** A share, or null where the base is zero (shown as "–", never as 0 %). */
export const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export type PeriodFigures = {
  booked: number;
  byChannel: Record<Channel, number>;
  byOutcome: Record<Outcome, number>;
  byLead: Map<number, number>;
  bookedMinutes: number;
  openMinutes: number;
  visits: number;
  visitMinutes: number;
  nextFreeSamples: number;
  nextFreeWithin: number;
  requests: StatisticsFacts['requests'];
};

/** The period's totals from its facts. */
export function figuresOf(facts: StatisticsFacts): PeriodFigures {
  const a = facts.appointments;
  const samples = facts.nextFree;
  return {
    booked: sum(a, (r) => r.appointments),
    byChannel: Object.fromEntries(CHANNELS.map((c) => [c, sum(a.filter((r) => r.channel === c), (r) => r.appointments)])) as Record<Channel, number>,
    byOutcome: Object.fromEntries(OUTCOMES.map((o) => [o, sum(a.filter((r) => r.outcome === o), (r) => r.appointments)])) as Record<Outcome, number>,
    byLead: new Map(LEAD_BUCKETS.map((b) => [b, sum(a.filter((r) => r.leadDays === b && !isCancelled(r.outcome)), (r) => r.appointments)])),
    bookedMinutes: sum(a.filter((r) => !isCancelled(r.outcome)), (r) => r.bookedMinutes),
    openMinutes: sum(facts.days, (d) => d.openMinutes),
    visits: sum(a, (r) => r.visits),
    visitMinutes: sum(a, (r) => r.visitMinutes),
    nextFreeSamples: samples.length,
    nextFreeWithin: samples.filter((s) => s.daysUntil !== null && s.daysUntil <= WITHIN_DAYS).length,
    requests: facts.requests,
  };
}

export type StatisticsReport = {
  period: Period;
  current: PeriodFigures;
  previous: PeriodFigures;
  facts: StatisticsFacts;
  previousFacts: StatisticsFacts;
  /** Every date of the period with its open and booked counter minutes (zero where the office was shut). */
  days: StatisticsFacts['days'];
  /** Services in the period's next-free samples, and per date the days until the next free start per service. */
  nextFreeServices: { id: number; name: { de: string; en: string } }[];
  nextFreeByDay: { day: string; values: (number | null | undefined)[]; average: number | null }[];
};

export function buildReport({ period, facts, previousFacts }: { period: Period; facts: StatisticsFacts; previousFacts: StatisticsFacts }): StatisticsReport {
  const byDay = new Map(facts.days.map((d) => [d.day, d]));
  const services = new Map<number, { id: number; name: { de: string; en: string } }>();
  for (const s of facts.nextFree) services.set(s.serviceId, { id: s.serviceId, name: s.name });
  const serviceList = [...services.values()];
  const sampleDays = [...new Set(facts.nextFree.map((s) => s.day))];
  return {
    period,
    current: figuresOf(facts),
    previous: figuresOf(previousFacts),
    facts,
    previousFacts,
    days: datesOf(period.from, period.to).map((day) => byDay.get(day) ?? { day, openMinutes: 0, bookedMinutes: 0 }),
    nextFreeServices: serviceList,
    nextFreeByDay: sampleDays.map((day) => {
      const samples = facts.nextFree.filter((s) => s.day === day);
      const values = serviceList.map((svc) => {
        const sample = samples.find((s) => s.serviceId === svc.id);
        return sample ? sample.daysUntil : undefined;
      });
      const known = values.filter((v): v is number => typeof v === 'number');
      return { day, values, average: known.length ? sum(known, (v) => v) / known.length : null };
    }),
  };
}
