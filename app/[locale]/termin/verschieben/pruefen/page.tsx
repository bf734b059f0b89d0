import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { BookingFacts } from '@/components/booking/booking-facts';
import { ConfirmRescheduleForm } from '@/components/booking/confirm-reschedule-form';
import { HoldCountdown } from '@/components/booking/hold-countdown';
import { SubmitButton } from '@/components/ui/submit-button';
import { currentHold } from '@/lib/booking/current-hold';
import { HOLD_EXTENSION_MINUTES } from '@/lib/booking/hold-policy';
import { verifiedBooking } from '@/lib/booking/verified-booking';
import { clockFormat } from '@/lib/format';
import { Link, redirect } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { extendNewTimeAction } from '../actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Reschedule' }))('reviewTitle') };
}

/** The old and the held new time side by side, and the button that moves the booking. */
export default async function RescheduleReviewPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { verlaengert } = await searchParams;
  const hold = await currentHold();
  // Back or reload after the move: show its result, not a second move.
  if (hold.state === 'booked' && hold.booking.rescheduledFromId) redirect({ href: { pathname: '/termin/verschieben/bestaetigung', query: { nummer: hold.booking.code } }, locale });
  const booking = await verifiedBooking();
  if (!booking) redirect({ href: { pathname: '/termin/verschieben', query: { hinweis: 'pin' } }, locale });
  if (hold.state === 'expired') redirect({ href: { pathname: '/termin/verschieben', query: { hinweis: 'abgelaufen' } }, locale });
  if (hold.state !== 'active') redirect({ href: '/termin/verschieben', locale });
  if (!booking || hold.state !== 'active') return null;
  // A hold from a booking started in another tab is no new time for this booking.
  const items = (b: { items: { serviceId: number; count: number }[] }) => b.items.map((i) => `${i.serviceId}:${i.count}`).sort().join(',');
  if (hold.booking.locationId !== booking.locationId || items(hold.booking) !== items(booking)) redirect({ href: '/termin/verschieben', locale });

  const t = await getTranslations('Reschedule');
  const tBooking = await getTranslations('Booking');
  const format = await getFormatter();
  const held = hold.booking;
  const until = format.dateTime(held.holdExpiresAt!, { ...clockFormat, timeZone: held.location.timeZone });

  return (
    <>
      <h1>{t('reviewTitle')}</h1>
      <HoldCountdown expiresAt={held.holdExpiresAt!.toISOString()} untilText={tBooking('hold.reservedUntil', { time: until })} />
      {verlaengert === '1' && <p role="status">{tBooking('hold.extended')}</p>}
      {verlaengert === '0' && <p role="status">{tBooking('hold.extendFailed')}</p>}
      {!held.holdExtended && (
        <form action={extendNewTimeAction}>
          <input type="hidden" name="locale" value={locale} />
          <SubmitButton className="button button--secondary">{tBooking('hold.extend', { minutes: HOLD_EXTENSION_MINUTES })}</SubmitButton>
        </form>
      )}
      <div className="card-grid">
        <section className="card" aria-labelledby="previous-title">
          <h2 id="previous-title" className="h3">
            {t('previous')}
          </h2>
          <BookingFacts booking={booking} />
        </section>
        <section className="card" aria-labelledby="new-title">
          <h2 id="new-title" className="h3">
            {t('next')}
          </h2>
          <BookingFacts booking={held} />
        </section>
      </div>
      <p>{t('confirmNote')}</p>
      <p>
        <Link href="/termin/verschieben">{t('otherTime')}</Link>
      </p>
      <ConfirmRescheduleForm locale={locale} code={booking.code} />
    </>
  );
}
