import { DateTime } from 'luxon';
import { firstParam } from '@/lib/search-params';
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { StaffRequestsLink } from '@/components/requests/staff-requests-link';
import { AdminNav } from '@/components/staff/admin-nav';
import { BookingCard } from '@/components/staff/booking-card';
import { SignInForm } from '@/components/staff/sign-in-form';
import { StaffBar } from '@/components/staff/staff-bar';
import { currentStaff } from '@/lib/auth/staff-session';
import { pick } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { dayPlanFor, locationsFor, searchFor } from '@/lib/staff/day-plan';

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
  const tStatistics = await getTranslations('Statistics');
  const locations = await locationsFor(user);
  const location = locations.find((l) => l.slug === firstParam(query.standort)) ?? locations[0];
  if (!location) return <StaffBar user={user} locale={locale} />;
  const today = DateTime.now().setZone(location.timeZone).toISODate()!;
  const requested = firstParam(query.datum);
  const date = DateTime.fromISO(requested).isValid && /^\d{4}-\d{2}-\d{2}$/.test(requested) ? requested : today;
  const search = firstParam(query.suche).trim().slice(0, 100);
  const [plan, results] = await Promise.all([
    dayPlanFor({ actor: user, location, date }),
    search ? searchFor({ actor: user, locationId: location.id, query: search }) : Promise.resolve(null),
  ]);
  const back = `/verwaltung?${new URLSearchParams({ standort: location.slug, datum: date, ...(search ? { suche: search } : {}) })}`;
  const notice = firstParam(query.hinweis);
  const day = DateTime.fromISO(date, { zone: location.timeZone });
  const dateLabel = format.dateTime(day.toJSDate(), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: location.timeZone });
  const dayLink = (d: DateTime) => ({ pathname: '/verwaltung' as const, query: { standort: location.slug, datum: d.toISODate()! } });

  return (
    <div className="staff">
      <StaffBar user={user} locale={locale} />
      <AdminNav user={user} />
      <p className="staff-links">
        <Link href={{ pathname: '/verwaltung/buchen', query: { standort: location.slug, tag: date } }}>{tWalkIn('link')}</Link>
        <StaffRequestsLink location={location} />
        <Link href={{ pathname: '/verwaltung/statistik', query: { standort: location.slug } }}>{tStatistics('link')}</Link>
      </p>
      <h1>{t('dayPlanFor', { date: dateLabel })}</h1>
      {notice === 'ok' && <p className="alert alert--success" role="status">{t('done')}</p>}
      {notice === 'not-found' && <p className="alert alert--error" role="alert">{t('notFound')}</p>}
      {notice === 'invalid-transition' && <p className="alert alert--error" role="alert">{t('invalidTransition')}</p>}
      {notice === 'reason-required' && <p className="alert alert--error" role="alert">{t('reasonRequired')}</p>}
      {notice === 'reason-invalid' && <p className="alert alert--error" role="alert">{t('reasonInvalid')}</p>}
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
      </div>

      {results && (
        <section aria-labelledby="search-title" className="search-results">
          <h2 id="search-title">{t('searchResults', { query: search })}</h2>
          {results.length === 0 ? <p>{t('noResults')}</p> : results.map((b) => <BookingCard key={b.id} booking={b} timeZone={location.timeZone} back={back} />)}
        </section>
      )}

      <div className="plan" style={{ gridTemplateColumns: `repeat(${Math.max(plan.counters.length, 1)}, minmax(14rem, 1fr))` }}>
        {plan.counters.map((counter) => {
          const bookings = plan.bookings.filter((b) => b.counterId === counter.id);
          return (
            <section key={counter.id} className="plan__lane" aria-labelledby={`counter-${counter.id}`}>
              <h2 id={`counter-${counter.id}`} className="plan__lane-title">
                {counter.name}
              </h2>
              {bookings.length === 0 ? <p className="muted">{t('noBookings')}</p> : bookings.map((b) => <BookingCard key={b.id} booking={b} timeZone={location.timeZone} back={back} />)}
            </section>
          );
        })}
      </div>
    </div>
  );
}
