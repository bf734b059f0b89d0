import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { BookingReceipt } from '@/components/booking/booking-receipt';
import { findBookingById } from '@/db/queries/booking-lookup';
import { currentHold } from '@/lib/booking/current-hold';
import { unsealPin } from '@/lib/booking/secrets';
import { clockFormat } from '@/lib/format';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Reschedule' }))('doneTitle') };
}

/** The moved appointment with its new number and PIN, shown only to the browser that moved it (hold cookie). */
export default async function RescheduleConfirmationPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { nummer } = await searchParams;
  const t = await getTranslations('Reschedule');
  const hold = await currentHold();
  if (hold.state !== 'booked' || hold.booking.code !== nummer || !hold.booking.rescheduledFromId) {
    return (
      <>
        <h1>{t('doneTitle')}</h1>
        <p className="alert alert--info">{t('notFound')}</p>
      </>
    );
  }
  const { booking } = hold;
  const pin = booking.pinSealed ? unsealPin(booking.pinSealed, hold.token) : null;
  const previous = await findBookingById({ id: booking.rescheduledFromId! });
  const format = await getFormatter();
  const zone = booking.location.timeZone;

  return (
    <>
      <div className="alert alert--success" role="status">
        <h1>{t('doneTitle')}</h1>
        <p>{t('doneIntro', { email: booking.email ?? '' })}</p>
        {previous && (
          <p>
            {t('previousCancelled', {
              date: format.dateTime(previous.during.start, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: zone }),
              time: format.dateTime(previous.during.start, { ...clockFormat, timeZone: zone }),
            })}
          </p>
        )}
      </div>
      <BookingReceipt booking={booking} pin={pin} />
    </>
  );
}
