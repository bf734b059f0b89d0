import { getLocale, getTranslations } from 'next-intl/server';
import { PageLink } from '@/components/ui/page-link';
import { escapeHtml } from '@/lib/html/escape';
import { dateTimeFormat, plainMessage } from '@/lib/i18n/formats';
import { getPathname } from '@/lib/i18n/navigation';
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

/** Calendar days as UTC noon: weekday and labels of the local date, whatever the server's zone. */
const noon = (iso: LocalDate) => new Date(`${iso}T12:00:00Z`);
const shiftMonth = (month: string, by: number) => {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + by, 1));
  return d.toISOString().slice(0, 7);
};

/** A month grid, Monday first. Days with free times are links; the others say why they are not. */
export async function MonthCalendar({ month, available, selected, firstMonth, lastMonth, query, pathname = '/termin/zeit', later }: Props) {
  const t = await getTranslations('Booking.time');
  const locale = await getLocale();
  const dayAvailable = plainMessage(t.raw('dayAvailable'));
  const dayUnavailable = plainMessage(t.raw('dayUnavailable'));
  const dayLabel = dateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  const daysInMonth = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  const days = Array.from({ length: daysInMonth }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
  const leading = (noon(days[0]!).getUTCDay() + 6) % 7;
  const cells: (LocalDate | null)[] = [...Array<null>(leading).fill(null), ...days];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  // 2024-01-01 was a Monday.
  const weekdays = Array.from({ length: 7 }, (_, i) => noon(`2024-01-0${i + 1}`));
  const monthHref = getPathname({ href: { pathname, query: { ...query, monat: month } }, locale });
  const dayHref = (day: LocalDate) => `${monthHref}&tag=${day}`;
  // Days with free times are plain links: a day is a new page anyway (never prefetched: each free-times page counts against a limit).
  const cell = (day: LocalDate | null) => {
    if (!day) return '<td></td>';
    const date = dayLabel.format(noon(day));
    const number = Number(day.slice(8));
    const release = later?.get(day);
    if (available.has(day)) {
      const chosen = day === selected;
      return `<td><a href="${escapeHtml(dayHref(day))}" class="calendar__day calendar__day--available${chosen ? ' calendar__day--selected' : ''}"${chosen ? ' aria-current="date"' : ''} aria-label="${escapeHtml(dayAvailable({ date }))}">${number}</a></td>`;
    }
    if (release) {
      return `<td><span class="calendar__day calendar__day--later"><span aria-hidden="true">${number}<small>${escapeHtml(release.short)}</small></span><span class="visually-hidden">${escapeHtml(release.label)}</span></span></td>`;
    }
    return `<td><span class="calendar__day calendar__day--unavailable"><span aria-hidden="true">${number}</span><span class="visually-hidden">${escapeHtml(dayUnavailable({ date }))}</span></span></td>`;
  };

  return (
    <div className="calendar">
      <div className="calendar__nav">
        {month > firstMonth ? (
          <PageLink href={{ pathname, query: { ...query, monat: shiftMonth(month, -1) } }} className="calendar__nav-link">
            <span aria-hidden="true">‹ </span>
            {t('previousMonth')}
          </PageLink>
        ) : (
          <span />
        )}
        <h2 className="h3 calendar__title" id="calendar-title">
          {dateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(noon(days[0]!))}
        </h2>
        {month < lastMonth ? (
          <PageLink href={{ pathname, query: { ...query, monat: shiftMonth(month, 1) } }} className="calendar__nav-link">
            {t('nextMonth')}
            <span aria-hidden="true"> ›</span>
          </PageLink>
        ) : (
          <span />
        )}
      </div>
      <table className="calendar__grid" aria-labelledby="calendar-title">
        <thead>
          <tr>
            {weekdays.map((d, i) => (
              <th key={i} scope="col" abbr={dateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(d)}>
                {dateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(d)}
              </th>
            ))}
          </tr>
        </thead>
        {/* A month of days is, with the day's times, the longest part of the page a release rush renders: written as one
            escaped HTML string it costs React one element instead of three or four per day (README, "Load test"). */}
        <tbody dangerouslySetInnerHTML={{ __html: weeks.map((week) => `<tr>${week.map(cell).join('')}</tr>`).join('') }} />
      </table>
    </div>
  );
}
