import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { BarChart, HeatMap, LineChart } from '@/components/statistics/charts';
import { StatTableView } from '@/components/statistics/stat-table';
import styles from '@/components/statistics/statistics.module.css';
import { SignInForm } from '@/components/staff/sign-in-form';
import { StaffBar } from '@/components/staff/staff-bar';
import { currentStaff } from '@/lib/auth/staff-session';
import { pick } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { formatCell, formatDate } from '@/lib/statistics/format';
import { statisticsFor } from '@/lib/statistics/load';
import { statisticsQueryOf, statisticsSearch } from '@/lib/statistics/query';
import { CHANNELS, LEAD_BUCKETS, OUTCOMES, ratio, WITHIN_DAYS } from '@/lib/statistics/report';
import { statisticsTables, type StatTable, type TableId } from '@/lib/statistics/tables';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Statistics' }))('title'), robots: { index: false } };
}

/**
 * Office statistics for management: admins choose any office, clerks see their own. Every chart is SVG
 * rendered here with its figures as a table beneath; the period form is a plain GET, so the page needs
 * no JavaScript. Figures come only from the anonymous daily facts (lib/statistics).
 */
export default async function StatisticsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await currentStaff();
  if (!user) return <SignInForm locale={locale} />;
  const t = await getTranslations('Statistics');
  const { offices, office, report } = await statisticsFor({ query: statisticsQueryOf(await searchParams) });
  const header = (
    <>
      <StaffBar user={user} locale={locale} />
      <p>
        <Link href={{ pathname: '/verwaltung', query: office ? { standort: office.slug } : {} }}>‹ {t('back')}</Link>
      </p>
      <h1>{t('title')}</h1>
    </>
  );
  if (!office || !report) {
    return (
      <div className="staff">
        {header}
        <p className="alert alert--info">{t('noLocation')}</p>
      </div>
    );
  }

  const { period, current, previous } = report;
  const tables = Object.fromEntries(statisticsTables(report, { t: (key, values) => t(key as never, values as never), locale }).map((x) => [x.id, x])) as Record<TableId, StatTable>;
  const search = statisticsSearch({ office: office.slug, kind: period.kind, from: period.from, to: period.to });
  const exportHref = (table: TableId | 'all', format: 'csv' | 'xlsx') => `/api/statistik?${new URLSearchParams({ ...Object.fromEntries(search), tabelle: table, format, sprache: locale })}`;
  const num = (kind: 'int' | 'percent' | 'decimal') => (v: number) => formatCell(v, kind, locale);
  const pair = (now: (number | null)[], before: (number | null)[]) => [
    { name: t('series.current'), values: now, tone: 'current' as const },
    { name: t('series.previous'), values: before, tone: 'previous' as const },
  ];
  const section = (id: TableId, chart: React.ReactNode, note?: string) => (
    <section className={styles.section} aria-labelledby={`heading-${id}`} key={id}>
      <h2 id={`heading-${id}`}>{t(`sections.${id}`)}</h2>
      {note && <p className={styles.note}>{note}</p>}
      {chart}
      <StatTableView
        table={tables[id]}
        locale={locale}
        exportHref={(format) => exportHref(id, format)}
        labels={{ csv: t('csv', { table: tables[id].title }), xlsx: t('xlsx', { table: tables[id].title }) }}
      />
    </section>
  );
  const chartLabel = (id: TableId) => t('chartOf', { title: tables[id].title });
  const heat = tables.heatmap;
  const within = ratio(current.nextFreeWithin, current.nextFreeSamples);

  return (
    <div className="staff">
      {header}
      <p>{t('intro')}</p>
      <form method="get" className={styles.filters}>
        {offices.length > 1 && (
          <div className="field">
            <label htmlFor="field-standort">{t('filters.location')}</label>
            <select id="field-standort" name="standort" defaultValue={office.slug}>
              {offices.map((l) => (
                <option key={l.id} value={l.slug}>
                  {pick(l.name, locale)}
                </option>
              ))}
            </select>
          </div>
        )}
        {offices.length === 1 && <input type="hidden" name="standort" value={office.slug} />}
        <div className="field">
          <label htmlFor="field-zeitraum">{t('filters.period')}</label>
          <select id="field-zeitraum" name="zeitraum" defaultValue={search.get('zeitraum') ?? 'monat'}>
            {(['tag', 'woche', 'monat', 'frei'] as const).map((k, i) => (
              <option key={k} value={k}>
                {t(`periodKind.${(['day', 'week', 'month', 'custom'] as const)[i]!}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="field-datum">{t('filters.date')}</label>
          <input id="field-datum" type="date" name="datum" defaultValue={period.kind === 'custom' ? period.to : period.from} aria-describedby="filters-hint" />
        </div>
        <div className="field">
          <label htmlFor="field-von">{t('filters.from')}</label>
          <input id="field-von" type="date" name="von" defaultValue={period.from} aria-describedby="filters-hint" />
        </div>
        <div className="field">
          <label htmlFor="field-bis">{t('filters.to')}</label>
          <input id="field-bis" type="date" name="bis" defaultValue={period.to} aria-describedby="filters-hint" />
        </div>
        <button type="submit" className="button">
          {t('filters.show')}
        </button>
        <p id="filters-hint" className={styles.note}>
          {t('filters.customHint')}
        </p>
      </form>
      <h2>
        {pick(office.name, locale)}: {t('periodLabel', { from: formatDate(period.from, locale), to: formatDate(period.to, locale), previousFrom: formatDate(period.previous.from, locale), previousTo: formatDate(period.previous.to, locale) })}
      </h2>
      <p>
        <a href={exportHref('all', 'xlsx')} download>
          {t('downloadAll')}
        </a>
      </p>

      {section('summary', null, t('notes.desk'))}
      {section(
        'channels',
        <BarChart label={chartLabel('channels')} categories={CHANNELS.map((c) => t(`channel.${c}`))} series={pair(CHANNELS.map((c) => current.byChannel[c]), CHANNELS.map((c) => previous.byChannel[c]))} format={num('int')} />,
      )}
      {section(
        'services',
        <BarChart
          label={chartLabel('services')}
          categories={tables.services.rows.map((r) => String(r[0]))}
          series={pair(tables.services.rows.map((r) => r[1] as number), tables.services.rows.map((r) => r[4] as number))}
          format={num('int')}
        />,
      )}
      {section(
        'outcomes',
        <BarChart label={chartLabel('outcomes')} categories={OUTCOMES.map((o) => t(`outcome.${o}`))} series={pair(OUTCOMES.map((o) => current.byOutcome[o]), OUTCOMES.map((o) => previous.byOutcome[o]))} format={num('int')} />,
        t('notes.outcomes'),
      )}
      {section(
        'utilisation',
        <LineChart
          label={chartLabel('utilisation')}
          dates={report.days.map((d) => d.day)}
          series={[{ name: t('series.utilisation'), values: report.days.map((d) => ratio(d.bookedMinutes, d.openMinutes)), tone: 'current' }]}
          format={num('percent')}
          dateLabel={(d) => formatDate(d, locale).slice(0, locale === 'de' ? 6 : 10)}
        />,
        t('notes.utilisation'),
      )}
      {section(
        'heatmap',
        <HeatMap label={chartLabel('heatmap')} rows={heat.rows.map((r) => String(r[0]))} columns={heat.columns.slice(1).map((c) => c.label)} values={heat.rows.map((r) => r.slice(1) as (number | null)[])} format={num('percent')} />,
      )}
      {section(
        'leadTime',
        <BarChart
          label={chartLabel('leadTime')}
          categories={tables.leadTime.rows.map((r) => String(r[0]))}
          series={pair(LEAD_BUCKETS.map((b) => current.byLead.get(b) ?? 0), LEAD_BUCKETS.map((b) => previous.byLead.get(b) ?? 0))}
          format={num('int')}
        />,
        t('notes.leadTime'),
      )}
      {section(
        'nextFree',
        <LineChart
          label={chartLabel('nextFree')}
          dates={report.nextFreeByDay.map((d) => d.day)}
          series={[{ name: t('series.average'), values: report.nextFreeByDay.map((d) => d.average), tone: 'current' }]}
          format={num('int')}
          dateLabel={(d) => formatDate(d, locale).slice(0, locale === 'de' ? 6 : 10)}
          target={{ value: WITHIN_DAYS, label: t('target') }}
        />,
        t('notes.nextFree', { share: formatCell(within, 'percent', locale) }),
      )}
      {section(
        'requests',
        <BarChart
          label={chartLabel('requests')}
          categories={tables.requests.rows.slice(0, 4).map((r) => String(r[0]))}
          series={pair(tables.requests.rows.slice(0, 4).map((r) => r[1] as number), tables.requests.rows.slice(0, 4).map((r) => r[2] as number))}
          format={num('int')}
        />,
      )}
    </div>
  );
}
