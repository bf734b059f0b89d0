import type { Metadata } from 'next';
import { clockFormat } from '@/lib/format';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { BookingFacts } from '@/components/booking/booking-facts';
import { ConfirmForm } from '@/components/booking/confirm-form';
import { HoldCountdown } from '@/components/booking/hold-countdown';
import { StepIndicator } from '@/components/booking/step-indicator';
import { currentHold } from '@/lib/booking/current-hold';
import { Link, redirect } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Booking.review' }))('title') };
}

export default async function ReviewPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const hold = await currentHold();
  if (hold.state === 'none') redirect({ href: '/termin', locale });
  if (hold.state === 'expired') redirect({ href: { pathname: '/termin/zeit', query: { ...hold.retryQuery, hinweis: 'abgelaufen' } }, locale });
  if (hold.state === 'booked') redirect({ href: { pathname: '/termin/bestaetigung', query: { nummer: hold.booking.code } }, locale });
  if (hold.state !== 'active') return null;
  if (!hold.booking.email) redirect({ href: '/termin/daten', locale });

  const { booking } = hold;
  const t = await getTranslations('Booking');
  const format = await getFormatter();
  const until = format.dateTime(booking.holdExpiresAt!, { ...clockFormat, timeZone: booking.location.timeZone });

  return (
    <>
      <StepIndicator current="review" />
      <h1>{t('review.title')}</h1>
      <HoldCountdown expiresAt={booking.holdExpiresAt!.toISOString()} untilText={t('hold.reservedUntil', { time: until })} />
      <BookingFacts booking={booking} showContact />
      <p>
        <Link href="/termin/daten">{t('review.edit')}</Link>
      </p>
      <ConfirmForm locale={locale} code={booking.code} />
    </>
  );
}
