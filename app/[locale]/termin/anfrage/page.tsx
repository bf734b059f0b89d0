import type { Metadata } from 'next';
import { firstParam } from '@/lib/search-params';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { RequestForm } from '@/components/requests/request-form';
import { loadClosures, loadLocationForBooking } from '@/db/queries/availability';
import { listLocations } from '@/db/queries/locations';
import { serviceInLanguage } from '@/lib/booking/choice';
import { clockTime, pick } from '@/lib/format';
import { getPathname, Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { preferableDates, requestableDays } from '@/lib/requests/preferences';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Request' }))('title') };
}


/** Ask a branch office (request mode) for an appointment; `?standort=` names the office, otherwise the citizen picks one. */
export default async function RequestPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations('Request');
  const tDays = await getTranslations('Weekdays');
  const offices = (await listLocations()).filter((l) => l.mode === 'request');
  const chosen = offices.find((l) => l.slug === firstParam(query.standort));
  const location = chosen ? await loadLocationForBooking({ slug: chosen.slug }) : null;

  if (!chosen || !location) {
    return (
      <>
        <h1>{t('title')}</h1>
        {offices.length === 0 ? (
          <p className="alert alert--info">{t('noLocation')}</p>
        ) : (
          <>
            <p className="lead">{t('chooseLocation')}</p>
            <ul className="plain-list">
              {offices.map((office) => (
                <li key={office.id}>
                  <Link href={{ pathname: '/termin/anfrage', query: { standort: office.slug } }}>{pick(office.name, locale)}</Link> – {office.street}, {office.postalCode} {office.city}
                </li>
              ))}
            </ul>
          </>
        )}
      </>
    );
  }

  const office = pick(location.name, locale);
  const now = new Date();
  const { first, last } = preferableDates(location, now);
  const days = requestableDays({ ...location, closures: await loadClosures({ locationId: location.id, from: first, to: last }) }, now);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro', { office })}</p>
      <div className="card">
        <p>
          <strong>{office}</strong>
          <br />
          {location.street}, {location.postalCode} {location.city}
        </p>
        <h2 className="h4">{t('openingHours')}</h2>
        <dl className="hours">
          {[...new Set(chosen.openingHours.map((h) => h.weekday))].map((day) => (
            <div key={day} className="hours__row">
              <dt>{tDays(String(day) as '1')}</dt>
              <dd>
                {chosen.openingHours
                  .filter((h) => h.weekday === day)
                  .map((h) => t('timeRange', { from: clockTime(h.opensAt), to: clockTime(h.closesAt) }))
                  .join(', ')}
              </dd>
            </div>
          ))}
        </dl>
      </div>
      <RequestForm
        locale={locale}
        location={location.slug}
        firstDate={first}
        lastDate={last}
        days={days}
        privacyHref={getPathname({ href: '/datenschutz', locale })}
        services={location.services.map((s) => serviceInLanguage(s, locale))}
      />
      <p>
        {t('withdrawInfo')} <Link href="/termin/anfrage/zuruecknehmen">{t('withdrawLink')}</Link>
      </p>
    </>
  );
}
