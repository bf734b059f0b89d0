import type { Metadata } from 'next';
import { firstParam } from '@/lib/search-params';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { BookingFacts } from '@/components/booking/booking-facts';
import { CancelForm } from '@/components/booking/cancel-form';
import { PinForm } from '@/components/booking/pin-form';
import { changeStateOf } from '@/lib/booking/change-state';
import { normalizeBookingCode } from '@/lib/booking/secrets';
import { verifiedBooking } from '@/lib/booking/verified-booking';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { env } from '@/lib/env';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Cancel' }))('title') };
}


/**
 * Cancel a booking. A GET only ever shows: the number-and-PIN form (also when opened from the mail link,
 * so link scanners change nothing), or, once this browser proved the PIN, the booking and the choices.
 */
export default async function CancelPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations('Cancel');
  const tCheck = await getTranslations('PinCheck');
  const requested = firstParam(query.nummer).slice(0, 30);
  const booking = await verifiedBooking();

  if (!booking || (requested && normalizeBookingCode(requested) !== booking.code)) {
    return (
      <>
        <h1>{t('title')}</h1>
        {firstParam(query.hinweis) === 'abgelaufen' && (
          <p className="alert alert--error" role="alert">
            {tCheck('expired')}
          </p>
        )}
        <p className="lead">{t('intro')}</p>
        <PinForm locale={locale} purpose="cancel" initialCode={requested} />
      </>
    );
  }

  const state = changeStateOf(booking);
  if (booking.status === 'cancelled' && firstParam(query.abgesagt) === '1') {
    return (
      <>
        <div className="alert alert--success" role="status">
          <h1>{t('doneTitle')}</h1>
          <p>{t('doneText', { minutes: env.CANCELLED_SLOT_DELAY_MINUTES })}</p>
        </div>
        <BookingFacts booking={booking} />
        <p>
          <Link href="/termin" className="button button--primary">
            {tCheck('bookAgain')}
          </Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1>{t('manageTitle')}</h1>
      <p>
        {tCheck('bookingNumber')}: <strong>{booking.code}</strong>
      </p>
      <BookingFacts booking={booking} />
      {state === 'changeable' ? (
        <>
          <p className="lead">{t('manageIntro')}</p>
          <p className="muted">{t('cancelNote', { minutes: env.CANCELLED_SLOT_DELAY_MINUTES })}</p>
          <div className="actions">
            <CancelForm locale={locale} code={booking.code} />
            <Link href="/termin/verschieben" className="button button--secondary">
              {t('reschedule')}
            </Link>
          </div>
        </>
      ) : (
        <>
          <p className="alert alert--info">{tCheck(`state.${state}`)}</p>
          <p>
            <Link href="/termin" className="button button--primary">
              {tCheck('bookAgain')}
            </Link>
          </p>
        </>
      )}
    </>
  );
}
