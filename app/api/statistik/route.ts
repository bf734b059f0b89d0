import { getTranslations } from 'next-intl/server';
import { StaffAccessError } from '@/lib/auth/staff-session';
import { tablesToXlsx, tableToCsv } from '@/lib/statistics/export';
import { statisticsFor } from '@/lib/statistics/load';
import { statisticsQueryOf } from '@/lib/statistics/query';
import { statisticsTables, TABLE_IDS, type TableId } from '@/lib/statistics/tables';

export const dynamic = 'force-dynamic';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * CSV or XLSX of a statistics table (or every table as one workbook) exactly as the page shows it:
 * `?standort=…&zeitraum=…&datum=…|von=…&bis=…&tabelle=<id>|all&format=csv|xlsx&sprache=de|en`.
 * The staff session and the office are checked by the same data layer as the page.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const locale = params.get('sprache') === 'en' ? 'en' : 'de';
  const format = params.get('format') === 'xlsx' ? 'xlsx' : 'csv';
  const id = params.get('tabelle') ?? 'all';
  if (id !== 'all' && !TABLE_IDS.includes(id as TableId)) return new Response('Not found', { status: 404 });
  if (id === 'all' && format === 'csv') return new Response('Not found', { status: 404 });
  let loaded;
  try {
    loaded = await statisticsFor({ query: statisticsQueryOf(params) });
  } catch (error) {
    if (error instanceof StaffAccessError) return new Response(error.reason, { status: error.reason === 'signed-out' ? 401 : 403 });
    throw error;
  }
  const { office, report } = loaded;
  // A clerk asking for another office gets their own office's figures on the page; a download names the office it holds, so refuse instead.
  if (!office || !report || (params.get('standort') && params.get('standort') !== office.slug)) return new Response('Forbidden', { status: 403 });
  const t = await getTranslations({ locale, namespace: 'Statistics' });
  const tables = statisticsTables(report, { t: (key, values) => t(key as never, values as never), locale });
  const chosen = id === 'all' ? tables : tables.filter((x) => x.id === id);
  const name = `statistik-${office.slug}-${report.period.from}-${report.period.to}${id === 'all' ? '' : `-${id}`}`;
  const headers = { 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' };
  if (format === 'csv') {
    return new Response(tableToCsv(chosen[0]!, locale), { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` } });
  }
  const body = await tablesToXlsx(chosen, locale);
  return new Response(new Uint8Array(body), { headers: { ...headers, 'content-type': XLSX, 'content-disposition': `attachment; filename="${name}.xlsx"` } });
}
