import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { BookingReceipt } from '@/components/booking/booking-receipt';
import { StepIndicator } from '@/components/booking/step-indicator';
import { currentHold } from '@/lib/booking/current-hold';
import { unsealPin } from '@/lib/booking/secrets';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Booking.confirmation' }))('title') };
}

export default async function ConfirmationPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { nummer } = await searchParams;
  const t = await getTranslations('Booking');
  const hold = await currentHold();
  // Only the browser that booked sees the PIN again: it holds the token the PIN was sealed with.
  if (hold.state !== 'booked' || hold.booking.code !== nummer) {
    return (
      <>
        <h1>{t('confirmation.notFoundTitle')}</h1>
        <p className="alert alert--info">{t('confirmation.notFound')}</p>
      </>
    );
  }
  const { booking } = hold;
  const pin = booking.pinSealed ? unsealPin(booking.pinSealed, hold.token) : null;

  return (
    <>
      <StepIndicator current="done" />
      <div className="alert alert--success" role="status">
        <h1>{t('confirmation.title')}</h1>
        <p>{t('confirmation.intro', { email: booking.email ?? '' })}</p>
      </div>
      <BookingReceipt booking={booking} pin={pin} />
    </>
  );
}
