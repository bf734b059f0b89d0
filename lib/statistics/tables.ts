import { pick } from '@/lib/format';
import { CHANNELS, LEAD_BUCKETS, OUTCOMES, ratio, type PeriodFigures, type StatisticsReport } from './report';

/** How a cell reads: `percent` holds a share 0…1, `date` an ISO date; null is "no figure" (–). */
export type ColumnKind = 'text' | 'date' | 'int' | 'decimal' | 'percent';
export type Cell = string | number | null;
export type StatTable = { id: TableId; title: string; columns: { label: string; kind: ColumnKind }[]; rows: Cell[][] };

export const TABLE_IDS = ['summary', 'channels', 'services', 'outcomes', 'utilisation', 'heatmap', 'leadTime', 'nextFree', 'requests'] as const;
export type TableId = (typeof TABLE_IDS)[number];

type Translate = (key: string, values?: Record<string, string | number>) => string;

const change = (now: number | null, before: number | null) => (now === null || before === null || before === 0 ? null : (now - before) / before);
const cancelled = (f: PeriodFigures) => f.byOutcome.cancelled_citizen + f.byOutcome.cancelled_staff + f.byOutcome.cancelled_closure;
const within = (f: PeriodFigures) => ratio(f.nextFreeWithin, f.nextFreeSamples);
const deskMinutes = (f: PeriodFigures) => (f.visits ? f.visitMinutes / f.visits : null);
const answerHours = (f: PeriodFigures) => (f.requests.answered ? f.requests.answerMinutes / f.requests.answered / 60 : null);

/**
 * Every table of the statistics page, translated: the page renders them under the charts and the export
 * writes the same rows, so a spreadsheet shows exactly the page's numbers.
 */
export function statisticsTables(report: StatisticsReport, { t, locale }: { t: Translate; locale: string }): StatTable[] {
  return buildTables(report, t, locale).map(rounded);
}

// Rounded once here, so the page and the export show the same digits: shares to 0.1 %, decimals to 0.1.
function rounded(table: StatTable): StatTable {
  const round = (v: Cell, kind: ColumnKind) =>
    typeof v !== 'number' ? v : kind === 'percent' ? Math.round(v * 1000) / 1000 : kind === 'decimal' ? Math.round(v * 10) / 10 : v;
  return { ...table, rows: table.rows.map((row) => row.map((v, i) => round(v, table.columns[i]?.kind ?? 'text'))) };
}

function buildTables(report: StatisticsReport, t: Translate, locale: string): StatTable[] {
  const { current: now, previous: before } = report;
  const compare = [
    { label: t('columns.current'), kind: 'int' },
    { label: t('columns.previous'), kind: 'int' },
    { label: t('columns.change'), kind: 'percent' },
  ] as const;
  // Shares read as percentages in the summary, beside counts and minutes: one number column for all.
  const summaryRow = (key: string, kind: 'int' | 'decimal' | 'percent', a: number | null, b: number | null): Cell[] => {
    const scale = (v: number | null) => (v === null || kind !== 'percent' ? v : Math.round(v * 1000) / 10);
    return [t(`summary.${key}`), scale(a), scale(b), change(a, b)];
  };
  const summary = [
    summaryRow('booked', 'int', now.booked, before.booked),
    summaryRow('usedRate', 'percent', ratio(now.byOutcome.used, now.booked), ratio(before.byOutcome.used, before.booked)),
    summaryRow('noShowRate', 'percent', ratio(now.byOutcome.no_show, now.booked), ratio(before.byOutcome.no_show, before.booked)),
    summaryRow('cancelledRate', 'percent', ratio(cancelled(now), now.booked), ratio(cancelled(before), before.booked)),
    summaryRow('utilisation', 'percent', ratio(now.bookedMinutes, now.openMinutes), ratio(before.bookedMinutes, before.openMinutes)),
    summaryRow('withinShare', 'percent', within(now), within(before)),
    summaryRow('deskMinutes', 'decimal', deskMinutes(now), deskMinutes(before)),
  ];
  const heatDays = [...new Set(report.facts.heat.filter((h) => h.openMinutes > 0).map((h) => h.weekday))].sort();
  const heatHours = [...new Set(report.facts.heat.map((h) => h.hour))].sort((a, b) => a - b);
  const cell = (weekday: number, hour: number) => {
    const h = report.facts.heat.find((x) => x.weekday === weekday && x.hour === hour);
    return h ? ratio(h.bookedMinutes, h.openMinutes) : null;
  };
  const leadLabel = (b: number, i: number) => {
    const next = LEAD_BUCKETS[i + 1];
    if (next === undefined) return t('lead.from', { days: b });
    return next - 1 === b ? t('lead.exactly', { days: b }) : t('lead.range', { from: b, to: next - 1 });
  };
  const sumLead = (f: PeriodFigures) => [...f.byLead.values()].reduce((a, n) => a + n, 0);
  const requestRows: [string, number | null, number | null, ColumnKind][] = [
    ['received', now.requests.received, before.requests.received, 'int'],
    ['confirmed', now.requests.confirmed, before.requests.confirmed, 'int'],
    ['declined', now.requests.declined, before.requests.declined, 'int'],
    ['withdrawn', now.requests.withdrawn, before.requests.withdrawn, 'int'],
    ['answerHours', answerHours(now), answerHours(before), 'decimal'],
  ];

  return [
    {
      id: 'summary' as const,
      title: t('tables.summary'),
      columns: [{ label: t('columns.figure'), kind: 'text' }, { label: t('columns.current'), kind: 'decimal' }, { label: t('columns.previous'), kind: 'decimal' }, { label: t('columns.change'), kind: 'percent' }],
      rows: summary,
    },
    {
      id: 'channels',
      title: t('tables.channels'),
      columns: [{ label: t('columns.channel'), kind: 'text' }, ...compare],
      rows: [...CHANNELS.map((c) => [t(`channel.${c}`), now.byChannel[c], before.byChannel[c], change(now.byChannel[c], before.byChannel[c])]), [t('columns.total'), now.booked, before.booked, change(now.booked, before.booked)]],
    },
    {
      id: 'services',
      title: t('tables.services'),
      columns: [{ label: t('columns.service'), kind: 'text' }, { label: t('columns.appointments'), kind: 'int' }, { label: t('columns.units'), kind: 'int' }, { label: t('columns.cancelled'), kind: 'int' }, { label: t('columns.previous'), kind: 'int' }],
      rows: report.facts.services.map((s) => [pick(s.name, locale), s.appointments, s.units, s.cancelled, report.previousFacts.services.find((p) => p.serviceId === s.serviceId)?.appointments ?? 0]),
    },
    {
      id: 'outcomes',
      title: t('tables.outcomes'),
      columns: [{ label: t('columns.outcome'), kind: 'text' }, { label: t('columns.current'), kind: 'int' }, { label: t('columns.rate'), kind: 'percent' }, { label: t('columns.previous'), kind: 'int' }, { label: t('columns.previousRate'), kind: 'percent' }],
      rows: OUTCOMES.map((o) => [t(`outcome.${o}`), now.byOutcome[o], ratio(now.byOutcome[o], now.booked), before.byOutcome[o], ratio(before.byOutcome[o], before.booked)]),
    },
    {
      id: 'utilisation',
      title: t('tables.utilisation'),
      columns: [{ label: t('columns.date'), kind: 'date' }, { label: t('columns.openMinutes'), kind: 'int' }, { label: t('columns.bookedMinutes'), kind: 'int' }, { label: t('columns.utilisation'), kind: 'percent' }],
      rows: [...report.days.map((d) => [d.day, d.openMinutes, d.bookedMinutes, ratio(d.bookedMinutes, d.openMinutes)]), [t('columns.total'), now.openMinutes, now.bookedMinutes, ratio(now.bookedMinutes, now.openMinutes)]],
    },
    {
      id: 'heatmap',
      title: t('tables.heatmap'),
      columns: [{ label: t('columns.hour'), kind: 'text' }, ...heatDays.map((d) => ({ label: t(`weekday.${d}`), kind: 'percent' as const }))],
      rows: heatHours.map((h) => [t('hourRange', { from: String(h).padStart(2, '0'), to: String(h + 1).padStart(2, '0') }), ...heatDays.map((d) => cell(d, h))]),
    },
    {
      id: 'leadTime',
      title: t('tables.leadTime'),
      columns: [{ label: t('columns.leadTime'), kind: 'text' }, { label: t('columns.appointments'), kind: 'int' }, { label: t('columns.share'), kind: 'percent' }, { label: t('columns.previous'), kind: 'int' }],
      rows: LEAD_BUCKETS.map((b, i) => [leadLabel(b, i), now.byLead.get(b) ?? 0, ratio(now.byLead.get(b) ?? 0, sumLead(now)), before.byLead.get(b) ?? 0]),
    },
    {
      id: 'nextFree',
      title: t('tables.nextFree'),
      columns: [{ label: t('columns.date'), kind: 'date' }, ...report.nextFreeServices.map((s) => ({ label: pick(s.name, locale), kind: 'int' as const })), { label: t('columns.average'), kind: 'decimal' }],
      rows: report.nextFreeByDay.map((d) => [d.day, ...d.values.map((v) => v ?? null), d.average]),
    },
    {
      id: 'requests',
      title: t('tables.requests'),
      columns: [{ label: t('columns.figure'), kind: 'text' }, { label: t('columns.current'), kind: 'decimal' }, { label: t('columns.previous'), kind: 'decimal' }, { label: t('columns.change'), kind: 'percent' }],
      rows: requestRows.map(([key, a, b]) => [t(`requests.${key}`), a, b, change(a, b)]),
    },
  ];
}
