import { DateTime } from 'luxon';
import { getLocale, getTranslations } from 'next-intl/server';
import { getPathname, Link } from '@/lib/i18n/navigation';
import type { LocalDate } from '@/lib/slots';

type Props = {
  month: string; // YYYY-MM
  available: ReadonlySet<LocalDate>;
  selected?: LocalDate;
  firstMonth: string;
  lastMonth: string;
  query: Record<string, string>;
  /** The page the day and month links open: choosing a time to book, or a new time for a booking. */
  pathname?: '/termin/zeit' | '/termin/verschieben';
  /** Days the office has not released yet: shown as "ab …" with the moment they become bookable. */
  later?: ReadonlyMap<LocalDate, { short: string; label: string }>;
};

/** A month grid, Monday first. Days with free times are links; the others say why they are not. */
export async function MonthCalendar({ month, available, selected, firstMonth, lastMonth, query, pathname = '/termin/zeit', later }: Props) {
  const t = await getTranslations('Booking.time');
  const locale = await getLocale();
  const first = DateTime.fromISO(`${month}-01`, { locale });
  const leading = first.weekday - 1;
  const days = Array.from({ length: first.daysInMonth! }, (_, i) => first.plus({ days: i }));
  const cells: (DateTime | null)[] = [...Array(leading).fill(null), ...days];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const weekdayNames = Array.from({ length: 7 }, (_, i) => DateTime.fromISO('2024-01-01', { locale }).plus({ days: i }));
  const prev = first.minus({ months: 1 }).toFormat('yyyy-MM');
  const next = first.plus({ months: 1 }).toFormat('yyyy-MM');
  const monthTitle = first.toLocaleString({ month: 'long', year: 'numeric' });

  return (
    <div className="calendar">
      <div className="calendar__nav">
        {month > firstMonth ? (
          <Link href={{ pathname, query: { ...query, monat: prev } }} prefetch={false} className="calendar__nav-link">
            <span aria-hidden="true">‹ </span>
            {t('previousMonth')}
          </Link>
        ) : (
          <span />
        )}
        <h2 className="h3 calendar__title" id="calendar-title">
          {monthTitle}
        </h2>
        {month < lastMonth ? (
          <Link href={{ pathname, query: { ...query, monat: next } }} prefetch={false} className="calendar__nav-link">
            {t('nextMonth')}
            <span aria-hidden="true"> ›</span>
          </Link>
        ) : (
          <span />
        )}
      </div>
      <table className="calendar__grid" aria-labelledby="calendar-title">
        <thead>
          <tr>
            {weekdayNames.map((d) => (
              <th key={d.weekday} scope="col" abbr={d.toFormat('cccc')}>
                {d.toFormat('ccc')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, i) => (
            <tr key={i}>
              {week.map((day, j) => {
                if (!day) return <td key={j} />;
                const iso = day.toISODate()!;
                const label = day.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long' });
                return (
                  <td key={j}>
                    {available.has(iso) ? (
                      // A plain link, not next-intl's client Link: a month of them made up a good part of the page's RSC
                      // payload, and a day is a new page anyway (never prefetched: each free-times page counts against a limit).
                      <a
                        href={getPathname({ href: { pathname, query: { ...query, monat: month, tag: iso } }, locale })}
                        className={`calendar__day calendar__day--available${iso === selected ? ' calendar__day--selected' : ''}`}
                        aria-current={iso === selected ? 'date' : undefined}
                        aria-label={t('dayAvailable', { date: label })}
                      >
                        {day.day}
                      </a>
                    ) : later?.has(iso) ? (
                      <span className="calendar__day calendar__day--later">
                        <span aria-hidden="true">
                          {day.day}
                          <small>{later.get(iso)!.short}</small>
                        </span>
                        <span className="visually-hidden">{later.get(iso)!.label}</span>
                      </span>
                    ) : (
                      <span className="calendar__day calendar__day--unavailable">
                        <span aria-hidden="true">{day.day}</span>
                        <span className="visually-hidden">{t('dayUnavailable', { date: label })}</span>
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
