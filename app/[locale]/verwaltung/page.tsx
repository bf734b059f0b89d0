import { DateTime } from 'luxon';
import { firstParam } from '@/lib/search-params';
import type { Metadata } from 'next';
import type { CSSProperties } from 'react';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { StaffRequestsLink } from '@/components/requests/staff-requests-link';
import { AdminNav } from '@/components/staff/admin-nav';
import { BookingCard } from '@/components/staff/booking-card';
import { LiveQueue } from '@/components/front-desk/live-queue';
import { WaitingList } from '@/components/front-desk/waiting-list';
import { LiveRefresh } from '@/components/staff/live-refresh';
import { PrintButton } from '@/components/ui/print-button';
import { SignInForm } from '@/components/staff/sign-in-form';
import { StaffBar } from '@/components/staff/staff-bar';
import { currentStaff } from '@/lib/auth/staff-session';
import { pick } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { waitingRoomForStaff } from '@/lib/front-desk/desk';
import { dayPlanFor, freeMinutesOn, locationsFor, searchFor } from '@/lib/staff/day-plan';
import { stuckMailsFor } from '@/lib/admin/failed-mails';

// Notices after an action (`hinweis`), each a key of `Staff`.
const NOTICES = {
  ok: 'done',
  'not-found': 'notFound',
  'invalid-transition': 'invalidTransition',
  stale: 'stale',
  'not-today': 'notToday',
  'not-started': 'notStarted',
  'reason-required': 'reasonRequired',
  'reason-invalid': 'reasonInvalid',
  'note-invalid': 'noteInvalid',
  forbidden: 'otherOffice',
} as const;

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Staff' }))('title'), robots: { index: false } };
}


export default async function StaffHomePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations('Staff');
  const user = await currentStaff();
  if (!user) return <SignInForm locale={locale} notice={firstParam(query.abgemeldet) ? t('sessionEnded') : undefined} />;

  const format = await getFormatter();
  const tWalkIn = await getTranslations('WalkIn');
  const tWaitlist = await getTranslations('WaitlistStaff');
  const tStatistics = await getTranslations('Statistics');
  const locations = await locationsFor(user);
  const location = locations.find((l) => l.slug === firstParam(query.standort)) ?? locations[0];
  if (!location) return <StaffBar user={user} locale={locale} />;
  const now = new Date();
  const today = DateTime.fromJSDate(now, { zone: location.timeZone }).toISODate()!;
  const requested = firstParam(query.datum);
  const date = DateTime.fromISO(requested).isValid && /^\d{4}-\d{2}-\d{2}$/.test(requested) ? requested : today;
  const search = firstParam(query.suche).trim().slice(0, 100);
  const [plan, results, freeMinutes, stuck, room] = await Promise.all([
    dayPlanFor({ actor: user, location, date }),
    search ? searchFor({ actor: user, query: search, now }) : Promise.resolve(null),
    freeMinutesOn({ actor: user, slug: location.slug, date, now }),
    stuckMailsFor({ actor: user }),
    date === today && location.mode === 'booking' ? waitingRoomForStaff({ actor: user, locationId: location.id, now }) : Promise.resolve(null),
  ]);
  const tFrontDesk = await getTranslations('FrontDesk');
  const back = `/verwaltung?${new URLSearchParams({ standort: location.slug, datum: date, ...(search ? { suche: search } : {}) })}`;
  const notice = firstParam(query.hinweis);
  const noticeKey = NOTICES[notice as keyof typeof NOTICES];
  const day = DateTime.fromISO(date, { zone: location.timeZone });
  const dateLabel = format.dateTime(day.toJSDate(), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: location.timeZone });
  const dayLink = (d: DateTime) => ({ pathname: '/verwaltung' as const, query: { standort: location.slug, datum: d.toISODate()! } });
  const count = (status: string) => plan.bookings.filter((b) => b.status === status).length;
  const totals = [
    { key: 'booked', value: String(count('booked')) },
    { key: 'checked_in', value: String(count('checked_in')) },
    { key: 'done', value: String(count('done')) },
    { key: 'no_show', value: String(count('no_show')) },
    { key: 'free', value: t('freeTime', { hours: Math.floor(freeMinutes / 60), minutes: freeMinutes % 60 }) },
  ] as const;

  return (
    <div className="staff">
      <StaffBar user={user} locale={locale} />
      <AdminNav user={user} />
      <p className="staff-links no-print">
        <Link href={{ pathname: '/verwaltung/buchen', query: { standort: location.slug, tag: date < today ? today : date } }}>{tWalkIn('link')}</Link>
        <StaffRequestsLink location={location} locations={locations} />
        <Link href="/verwaltung/wuensche">{tWaitlist('title')}</Link>
        <Link href={{ pathname: '/verwaltung/statistik', query: { standort: location.slug } }}>{tStatistics('link')}</Link>
        {location.mode === 'booking' && <Link href={{ pathname: '/verwaltung/aufruf', query: { standort: location.slug } }}>{tFrontDesk('title')}</Link>}
      </p>
      <h1>
        {t('dayPlanFor', { date: dateLabel })}
        <span className="staff-office"> · {pick(location.name, locale)}</span>
      </h1>
      {date === today && <LiveRefresh seconds={30} />}
      {stuck.count > 0 && (
        <p className="alert alert--error no-print" role="status">
          {t('mailsStuck', { count: stuck.count, since: format.dateTime(stuck.oldest!, { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: location.timeZone }) })}{' '}
          {user.role === 'admin' ? <Link href="/verwaltung/einstellungen/mails">{t('mailsStuckLink')}</Link> : t('mailsStuckAskAdmin')}
        </p>
      )}
      {noticeKey && (
        <p className={`alert ${notice === 'ok' ? 'alert--success' : 'alert--error'} no-print`} role={notice === 'ok' ? 'status' : 'alert'}>
          {t(noticeKey)}
        </p>
      )}
      <section aria-label={t('totals.label')}>
        <dl className="plan-totals">
          {totals.map((item) => (
            <div key={item.key} className={`plan-totals__item plan-totals__item--${item.key}`}>
              <dt>{t(`totals.${item.key}`)}</dt>
              <dd>{item.value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <div className="staff-tools">
        <form method="get" className="staff-tools__form">
          {locations.length > 1 ? (
            <div className="field">
              <label htmlFor="field-standort">{t('location')}</label>
              <select id="field-standort" name="standort" defaultValue={location.slug}>
                {locations.map((l) => (
                  <option key={l.id} value={l.slug}>
                    {pick(l.name, locale)}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <input type="hidden" name="standort" value={location.slug} />
          )}
          <div className="field">
            <label htmlFor="field-datum">{t('date')}</label>
            <input id="field-datum" type="date" name="datum" defaultValue={date} />
          </div>
          <button type="submit" className="button button--secondary">
            {t('show')}
          </button>
        </form>
        <nav className="staff-tools__days" aria-label={t('dayPlan')}>
          <Link href={dayLink(day.minus({ days: 1 }))}>‹ {t('previousDay')}</Link>
          <Link href={dayLink(DateTime.fromISO(today))}>{t('today')}</Link>
          <Link href={dayLink(day.plus({ days: 1 }))}>{t('nextDay')} ›</Link>
        </nav>
        <form method="get" className="staff-tools__form" role="search">
          <input type="hidden" name="standort" value={location.slug} />
          <input type="hidden" name="datum" value={date} />
          <div className="field">
            <label htmlFor="field-suche">{t('search')}</label>
            <input id="field-suche" type="text" name="suche" defaultValue={search} maxLength={100} />
          </div>
          <button type="submit" className="button button--secondary">
            {t('searchButton')}
          </button>
        </form>
        <PrintButton>{t('print')}</PrintButton>
      </div>

      {room && (
        <section aria-labelledby="waiting-room-title" className="no-print">
          <LiveQueue office={location.slug} />
          <h2 id="waiting-room-title">{tFrontDesk('waitingTitle', { count: room.waiting.length })}</h2>
          <WaitingList rows={room.waiting} timeZone={location.timeZone} locale={locale} />
        </section>
      )}

      {results && (
        <section aria-labelledby="search-title" className="search-results">
          <h2 id="search-title">{t('searchResults', { query: search })}</h2>
          <p className="muted">{t('searchScope')}</p>
          {results.length === 0 ? <p>{t('noResults')}</p> : results.map((b) => <BookingCard key={b.id} booking={b} timeZone={b.location.timeZone} back={back} now={now} office={b.location} />)}
        </section>
      )}

      <div className="plan" style={{ '--lanes': Math.max(plan.counters.length, 1) } as CSSProperties}>
        {plan.counters.map((counter) => {
          const bookings = plan.bookings.filter((b) => b.counterId === counter.id);
          return (
            <section key={counter.id} className="plan__lane" aria-labelledby={`counter-${counter.id}`}>
              <h2 id={`counter-${counter.id}`} className="plan__lane-title">
                {counter.name}
              </h2>
              {bookings.length === 0 ? <p className="muted">{t('noBookings')}</p> : bookings.map((b) => <BookingCard key={b.id} booking={b} timeZone={location.timeZone} back={back} now={now} />)}
            </section>
          );
        })}
      </div>
    </div>
  );
}
