import { getLocale, getTranslations } from 'next-intl/server';
import { ReleaseNote } from '@/components/booking/release-note';
import { RequestLink } from '@/components/requests/request-link';
import type { LocationWithHours } from '@/db/queries/locations';
import { clockTime, pick } from '@/lib/format';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export async function LocationCard({ location }: { location: LocationWithHours }) {
  const t = await getTranslations('Home');
  const tDays = await getTranslations('Weekdays');
  const locale = await getLocale();
  const headingId = `location-${location.slug}`;
  // Weekends are listed only where the office opens then.
  const days = WEEKDAYS.filter((d) => d <= 5 || location.openingHours.some((h) => h.weekday === d));

  return (
    <article className="card location-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{pick(location.name, locale)}</h3>
      <p className={`badge badge--${location.mode}`}>{location.mode === 'booking' ? t('modeBooking') : t('modeRequest')}</p>
      <address>
        {location.street}
        <br />
        {location.postalCode} {location.city}
      </address>
      <RequestLink location={location} />
      {location.mode === 'booking' && <ReleaseNote office={location} />}
      <h4>{t('openingHours')}</h4>
      <dl className="hours">
        {days.map((day) => {
          const windows = location.openingHours.filter((h) => h.weekday === day);
          return (
            <div key={day} className="hours__row">
              <dt>{tDays(String(day) as '1')}</dt>
              <dd>
                {windows.length === 0
                  ? t('closed')
                  : windows.map((w) => t('timeRange', { from: clockTime(w.opensAt), to: clockTime(w.closesAt) })).join(', ')}
              </dd>
            </div>
          );
        })}
      </dl>
      {(location.phone || location.email) && (
        <>
          <h4>{t('contact')}</h4>
          <ul className="plain-list">
            {location.phone && (
              <li>
                {t('phone')}: <a href={`tel:${location.phone.replace(/[^+\d]/g, '')}`}>{location.phone}</a>
              </li>
            )}
            {location.email && (
              <li>
                {t('email')}: <a href={`mailto:${location.email}`}>{location.email}</a>
              </li>
            )}
          </ul>
        </>
      )}
    </article>
  );
}
