import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { cancelBookingByStaffAction, setBookingStatusAction } from '@/app/[locale]/verwaltung/actions';
import type { PlanBooking } from '@/db/queries/day-plan';
import type { Localized } from '@/db/schema/types';
import { clockFormat, pick } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { allowedSteps, type DeskStatus } from '@/lib/staff/status-steps';
import { StaffNoteForm } from './staff-note-form';

const STEP_LABELS = { checked_in: 'checkIn', done: 'markDone', no_show: 'noShow' } as const;

type Props = {
  booking: PlanBooking;
  timeZone: string;
  /** The day plan (path and query) the clerk returns to after an action. */
  back: string;
  now: Date;
  /** In search results the card also names the day and the office: hits come from any day. */
  office?: { name: Localized };
};

/**
 * One appointment with the steps its status and the clock allow (the same rules `changeBookingStatus` keeps).
 * Plain forms: works without JavaScript.
 */
export async function BookingCard({ booking, timeZone, back, now, office }: Props) {
  const t = await getTranslations('Staff');
  const tWalkIn = await getTranslations('WalkIn');
  const format = await getFormatter();
  const locale = await getLocale();
  const time = (d: Date) => format.dateTime(d, { ...clockFormat, timeZone });
  const statusButton = (to: DeskStatus, undo: boolean) => (
    <form action={setBookingStatusAction} key={to}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="bookingId" value={booking.id} />
      <input type="hidden" name="from" value={booking.status} />
      <input type="hidden" name="status" value={to} />
      <input type="hidden" name="back" value={back} />
      <button type="submit" className={`button button--small ${undo ? 'button--quiet' : 'button--secondary'}`}>
        {undo ? t(`undo.${booking.status as Exclude<DeskStatus, 'booked'>}`) : t(STEP_LABELS[to as Exclude<DeskStatus, 'booked'>])}
      </button>
    </form>
  );
  const steps = allowedSteps(booking, now, timeZone);
  // Forward steps first (what the clerk does next), the undo last.
  const ordered = [...steps.filter((s) => !s.undo), ...steps.filter((s) => s.undo)];
  const movable = booking.status === 'booked' && booking.start.getTime() > now.getTime();
  const headingId = `booking-${booking.id}`;
  return (
    <article className={`plan-card plan-card--${booking.status}`} aria-labelledby={headingId}>
      {office && (
        <p className="plan-card__when">
          {format.dateTime(booking.start, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone })} · {pick(office.name, locale)}
        </p>
      )}
      <h3 id={headingId} className="plan-card__title">
        <span>{t('time', { from: time(booking.start), to: time(booking.end) })}</span> <span className="plan-card__name">{booking.name ?? '—'}</span>
      </h3>
      <p className="plan-card__meta">
        <span className={`status status--${booking.status}`}>{t(`status.${booking.status}`)}</span> · <span className="mono">{booking.code}</span>
        {booking.phone && <> · {booking.phone}</>}
        {office && booking.email && <> · {booking.email}</>}
      </p>
      <ul className="plain-list plan-card__items">
        {booking.items.map((item) => (
          <li key={pick(item.name, 'de')}>
            {item.count} × {pick(item.name, locale)}
          </li>
        ))}
      </ul>
      {booking.citizenNote && (
        <p className="plan-card__note">
          <strong>{t('citizenNote')}:</strong> {booking.citizenNote}
        </p>
      )}
      {booking.staffNote && (
        <p className="plan-card__note plan-card__note--staff">
          <strong>{t('staffNote')}:</strong> {booking.staffNote}
        </p>
      )}
      {(ordered.length > 0 || movable) && (
        <div className="plan-card__actions">
          {ordered.map((s) => statusButton(s.to, s.undo))}
          {movable && (
            <Link href={{ pathname: '/verwaltung/buchen', query: { verschieben: String(booking.id), zurueck: back } }} className="button button--secondary button--small">
              {tWalkIn('moveLink')}
            </Link>
          )}
        </div>
      )}
      {booking.status !== 'cancelled' && <StaffNoteForm bookingId={booking.id} note={booking.staffNote} back={back} locale={locale} />}
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
