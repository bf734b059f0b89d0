import { DateTime } from 'luxon';
import { firstParam } from '@/lib/search-params';
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { ConfirmRequestForm, type TimeGroup } from '@/components/requests/confirm-request-form';
import { DeclineRequestForm } from '@/components/requests/decline-request-form';
import styles from '@/components/requests/requests.module.css';
import { SignInForm } from '@/components/staff/sign-in-form';
import { StaffBar } from '@/components/staff/staff-bar';
import { loadLocationForBooking } from '@/db/queries/availability';
import { currentStaff } from '@/lib/auth/staff-session';
import { clockFormat, pick } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { openRequestsFor, requestLocationsFor, type OpenRequestView } from '@/lib/requests/staff';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'RequestStaff' }))('title'), robots: { index: false } };
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s).isValid;

/**
 * Open appointment requests of one branch office, oldest first, each with the free times that fit its
 * preferred days; a clerk confirms one with a time or declines with a reason. Plain forms and GET look-ups.
 */
export default async function RequestsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const user = await currentStaff();
  if (!user) return <SignInForm locale={locale} />;
  const t = await getTranslations('RequestStaff');
  const tParts = await getTranslations('Request.form.parts');
  const tLocale = await getTranslations('LocaleSwitcher');
  const format = await getFormatter();

  const offices = await requestLocationsFor();
  const chosen = offices.find((l) => l.slug === firstParam(query.standort)) ?? offices[0];
  const location = chosen ? await loadLocationForBooking({ slug: chosen.slug }) : null;
  const header = (
    <>
      <StaffBar user={user} locale={locale} />
      <p>
        <Link href={{ pathname: '/verwaltung', query: location ? { standort: location.slug } : {} }}>‹ {t('back')}</Link>
      </p>
      <h1>{t('title')}</h1>
    </>
  );
  if (!location) {
    return (
      <div className="staff">
        {header}
        <p className="alert alert--info">{t('noLocation')}</p>
      </div>
    );
  }

  const lookupId = Number(firstParam(query.anfrage));
  const lookupDate = firstParam(query.tag);
  const views = await openRequestsFor({
    location,
    lookup: Number.isInteger(lookupId) && lookupId > 0 && isDate(lookupDate) ? { requestId: lookupId, date: lookupDate } : undefined,
  });
  const zone = location.timeZone;
  const today = DateTime.now().setZone(zone).toISODate()!;
  const time = (d: Date) => format.dateTime(d, { ...clockFormat, timeZone: zone });
  const calendarDate = (date: string) => format.dateTime(new Date(`${date}T12:00:00Z`), { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const notice = firstParam(query.hinweis);

  const groupsOf = (view: OpenRequestView): TimeGroup[] => [
    ...view.preferredDays.map((day) => ({
      key: `${day.date}-${day.partOfDay}`,
      label: `${calendarDate(day.date)}, ${tParts(day.partOfDay)}${day.passed ? ` (${t('dayPassed')})` : ''}`,
      empty: day.passed ? t('dayPassedNote') : t('noTimes'),
      times: day.times.map((s) => ({ value: s.start.toISOString(), label: time(s.start) })),
    })),
    ...(view.lookup
      ? [{ key: `lookup-${view.lookup.date}`, label: t('timesOn', { date: calendarDate(view.lookup.date) }), empty: t('noTimes'), times: view.lookup.times.map((s) => ({ value: s.start.toISOString(), label: time(s.start) })) }]
      : []),
  ];

  return (
    <div className="staff">
      {header}
      {notice === 'bestaetigt' && (
        <p className="alert alert--success" role="status">
          {t('notices.confirmed', { code: firstParam(query.nummer).slice(0, 20) })}
        </p>
      )}
      {notice === 'abgelehnt' && (
        <p className="alert alert--success" role="status">
          {t('notices.declined')}
        </p>
      )}
      {notice === 'beantwortet' && (
        <p className="alert alert--error" role="alert">
          {t('notices.answered')}
        </p>
      )}
      {notice === 'fremd' && (
        <p className="alert alert--error" role="alert">
          {t('notices.otherOffice')}
        </p>
      )}
      {offices.length > 1 && (
        <form method="get" className="staff-tools__form">
          <div className="field">
            <label htmlFor="field-standort">{t('location')}</label>
            <select id="field-standort" name="standort" defaultValue={location.slug}>
              {offices.map((l) => (
                <option key={l.id} value={l.slug}>
                  {pick(l.name, locale)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary">
            {t('show')}
          </button>
        </form>
      )}
      <p className="lead">{t('openCount', { count: views.length, office: pick(location.name, locale) })}</p>

      <div className={styles.list}>
        {views.map((view) => {
          const { request } = view;
          const headingId = `request-${request.id}-title`;
          return (
            <article key={request.id} id={`request-${request.id}`} className={styles.request} aria-labelledby={headingId}>
              <h2 id={headingId}>
                {t('request', { code: request.code })} – {request.name ?? '—'}
                {view.passed && <span className={styles.passed}>{t('passed')}</span>}
              </h2>
              <p className={styles.requestMeta}>
                {t('received', { date: format.dateTime(request.createdAt, { dateStyle: 'medium', timeZone: zone }), time: time(request.createdAt) })}
              </p>
              <dl className={styles.columns}>
                <div>
                  <dt>{t('services')}</dt>
                  <dd>
                    <ul className="plain-list">
                      {request.items.map((item) => (
                        <li key={item.serviceId}>
                          {item.count} × {pick(item.name, locale)}
                        </li>
                      ))}
                    </ul>
                    {view.durationMinutes !== null && t('duration', { minutes: view.durationMinutes })}
                  </dd>
                </div>
                <div>
                  <dt>{t('preferences')}</dt>
                  <dd>
                    <ul className="plain-list">
                      {request.preferences.map((p) => (
                        <li key={`${p.date}-${p.partOfDay}`} className={p.date < today ? styles.dayPassed : undefined}>
                          {calendarDate(p.date)}, {tParts(p.partOfDay)}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
                <div>
                  <dt>{t('contact')}</dt>
                  <dd>
                    {request.name}
                    {request.email && (
                      <>
                        <br />
                        <a href={`mailto:${request.email}`}>{request.email}</a>
                      </>
                    )}
                    {request.phone && (
                      <>
                        <br />
                        {request.phone}
                      </>
                    )}
                    <br />
                    {t('language', { language: tLocale(request.locale === 'en' ? 'en' : 'de') })}
                  </dd>
                </div>
                {request.note && (
                  <div>
                    <dt>{t('note')}</dt>
                    <dd>{request.note}</dd>
                  </div>
                )}
              </dl>
              <div className={styles.answer}>
                <div>
                  {view.durationMinutes === null ? (
                    <p className="alert alert--info">{t('errors.servicesUnavailable')}</p>
                  ) : (
                    <>
                      <ConfirmRequestForm key={view.lookup?.date ?? ''} locale={locale} location={location.slug} requestId={request.id} groups={groupsOf(view)} />
                      <form method="get" action={`#request-${request.id}`} className={styles.lookup}>
                        <input type="hidden" name="standort" value={location.slug} />
                        <input type="hidden" name="anfrage" value={request.id} />
                        <div className="field">
                          <label htmlFor={`lookup-${request.id}`}>{t('otherDay')}</label>
                          <input id={`lookup-${request.id}`} type="date" name="tag" min={today} defaultValue={view.lookup?.date ?? ''} />
                        </div>
                        <button type="submit" className="button button--secondary">
                          {t('showTimes')}
                        </button>
                      </form>
                    </>
                  )}
                </div>
                <DeclineRequestForm locale={locale} location={location.slug} requestId={request.id} />
              </div>
            </article>
          );
        })}
      </div>
    </div>
  );
}
