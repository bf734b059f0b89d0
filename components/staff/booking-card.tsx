import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { cancelBookingByStaffAction, setBookingStatusAction } from '@/app/[locale]/verwaltung/actions';
import type { PlanBooking } from '@/db/queries/day-plan';
import { clockFormat, pick } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';

/** One appointment in the day plan with the next steps its status allows. Plain forms: works without JavaScript. */
export async function BookingCard({ booking, timeZone, back }: { booking: PlanBooking; timeZone: string; back: string }) {
  const t = await getTranslations('Staff');
  const tWalkIn = await getTranslations('WalkIn');
  const format = await getFormatter();
  const locale = await getLocale();
  const time = (d: Date) => format.dateTime(d, { ...clockFormat, timeZone });
  const statusButton = (status: 'checked_in' | 'done' | 'no_show', label: string) => (
    <form action={setBookingStatusAction}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="bookingId" value={booking.id} />
      <input type="hidden" name="status" value={status} />
      <input type="hidden" name="back" value={back} />
      <button type="submit" className="button button--secondary button--small">
        {label}
      </button>
    </form>
  );
  const headingId = `booking-${booking.id}`;
  return (
    <article className={`plan-card plan-card--${booking.status}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="plan-card__title">
        <span>{t('time', { from: time(booking.start), to: time(booking.end) })}</span> <span className="plan-card__name">{booking.name ?? '—'}</span>
      </h3>
      <p className="plan-card__meta">
        <span className={`status status--${booking.status}`}>{t(`status.${booking.status}`)}</span> · <span className="mono">{booking.code}</span>
        {booking.phone && <> · {booking.phone}</>}
      </p>
      <ul className="plain-list plan-card__items">
        {booking.items.map((item) => (
          <li key={pick(item.name, 'de')}>
            {item.count} × {pick(item.name, locale)}
          </li>
        ))}
      </ul>
      <div className="plan-card__actions">
        {booking.status === 'booked' && statusButton('checked_in', t('checkIn'))}
        {(booking.status === 'checked_in' || booking.status === 'booked') && statusButton('done', t('markDone'))}
        {booking.status === 'booked' && statusButton('no_show', t('noShow'))}
        {booking.status === 'booked' && (
          <Link href={{ pathname: '/verwaltung/buchen', query: { verschieben: String(booking.id) } }} className="button button--secondary button--small">
            {tWalkIn('moveLink')}
          </Link>
        )}
      </div>
      {booking.status === 'booked' && (
        <details className="plan-card__cancel">
          <summary>{t('cancel')}</summary>
          <form action={cancelBookingByStaffAction}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="bookingId" value={booking.id} />
            <input type="hidden" name="back" value={back} />
            <div className="field">
              <label htmlFor={`reason-${booking.id}`}>{t('cancelReason')}</label>
              <textarea id={`reason-${booking.id}`} name="reason" rows={2} required minLength={3} maxLength={500} />
            </div>
            <button type="submit" className="button button--danger button--small">
              {t('cancelConfirm')}
            </button>
          </form>
        </details>
      )}
    </article>
  );
}
