import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { HeldBooking } from '@/db/queries/bookings';
import { clockFormat, mapLink, pick } from '@/lib/format';
import { durationOf } from '@/lib/slots';

/** When, where and what: the facts of one booking as a description list. */
export async function BookingFacts({ booking, showContact = false }: { booking: HeldBooking; showContact?: boolean }) {
  const t = await getTranslations('Booking');
  const format = await getFormatter();
  const locale = await getLocale();
  const zone = booking.location.timeZone;
  const time = (d: Date) => format.dateTime(d, { ...clockFormat, timeZone: zone });
  return (
    <dl className="facts">
      <div>
        <dt>{t('review.when')}</dt>
        <dd>
          {format.dateTime(booking.during.start, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: zone })}
          <br />
          {t('summary.time', { from: time(booking.during.start), to: time(booking.during.end) })} ({t('summary.minutes', { minutes: durationOf(booking.items) })})
        </dd>
      </div>
      <div>
        <dt>{t('review.where')}</dt>
        <dd>
          {pick(booking.location.name, locale)}
          <br />
          {booking.location.street}, {booking.location.postalCode} {booking.location.city}
          <br />
          <a href={mapLink(booking.location)} rel="noopener">
            {t('review.map')}
          </a>
        </dd>
      </div>
      <div>
        <dt>{t('review.services')}</dt>
        <dd>
          <ul className="plain-list">
            {booking.items.map((item) => (
              <li key={item.serviceId}>
                {t('summary.item', { count: item.count, service: pick(item.name, locale) })}
                {item.fee && <span className="muted"> – {t('review.fee', { fee: pick(item.fee, locale) })}</span>}
              </li>
            ))}
          </ul>
        </dd>
      </div>
      {showContact && (
        <div>
          <dt>{t('review.contact')}</dt>
          <dd>
            {booking.name}
            <br />
            {booking.email}
            {booking.phone && (
              <>
                <br />
                {booking.phone}
              </>
            )}
          </dd>
        </div>
      )}
    </dl>
  );
}
