import { firstParam, type SearchParams } from '@/lib/search-params';
import type { PeriodKind } from './period';
import type { StatisticsQuery } from './load';

// The staff area's query strings are German, like its paths: ?standort=…&zeitraum=monat&datum=…&von=…&bis=…
const KIND_PARAM: Record<string, PeriodKind> = { tag: 'day', woche: 'week', monat: 'month', frei: 'custom' };
export const PARAM_OF_KIND: Record<PeriodKind, string> = { day: 'tag', week: 'woche', month: 'monat', custom: 'frei' };

export function statisticsQueryOf(params: SearchParams | URLSearchParams): StatisticsQuery {
  const get = (name: string) => (params instanceof URLSearchParams ? (params.get(name) ?? '') : firstParam(params[name]));
  return { office: get('standort'), kind: KIND_PARAM[get('zeitraum')], date: get('datum'), from: get('von'), to: get('bis') };
}

/** The query string that shows (or exports) exactly this office and period. */
export function statisticsSearch({ office, kind, from, to }: { office: string; kind: PeriodKind; from: string; to: string }): URLSearchParams {
  return kind === 'custom'
    ? new URLSearchParams({ standort: office, zeitraum: 'frei', von: from, bis: to })
    : new URLSearchParams({ standort: office, zeitraum: PARAM_OF_KIND[kind], datum: from });
}
