import type { Metadata } from 'next';
import { clockFormat } from '@/lib/format';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { BookingFacts } from '@/components/booking/booking-facts';
import { ContactForm } from '@/components/booking/contact-form';
import { HoldCountdown } from '@/components/booking/hold-countdown';
import { StepIndicator } from '@/components/booking/step-indicator';
import { SubmitButton } from '@/components/ui/submit-button';
import { currentHold } from '@/lib/booking/current-hold';
import { HOLD_EXTENSION_MINUTES } from '@/lib/booking/hold-policy';
import { getPathname, redirect } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { extendHoldAction } from '../actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Booking.details' }))('title') };
}

export default async function ContactDetailsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { verlaengert, hinweis } = await searchParams;
  const hold = await currentHold();
  if (hold.state === 'none') redirect({ href: '/termin', locale });
  if (hold.state === 'expired') redirect({ href: { pathname: '/termin/zeit', query: { ...hold.retryQuery, hinweis: 'abgelaufen' } }, locale });
  if (hold.state === 'booked') redirect({ href: { pathname: '/termin/bestaetigung', query: { nummer: hold.booking.code } }, locale });
  if (hold.state !== 'active') return null;

  const { booking } = hold;
  const t = await getTranslations('Booking');
  const format = await getFormatter();
  const until = format.dateTime(booking.holdExpiresAt!, { ...clockFormat, timeZone: booking.location.timeZone });

  return (
    <>
      <StepIndicator current="details" />
      <h1>{t('details.title')}</h1>
      {hinweis === 'anderes-fenster' && (
        <div className="alert alert--info" role="alert">
          <p>{t('hold.otherWindow')}</p>
          <BookingFacts booking={booking} />
        </div>
      )}
      <div className="booking-layout">
        <div>
          <p className="lead">{t('details.intro')}</p>
          <ContactForm locale={locale} code={booking.code} initial={{ name: booking.name ?? '', email: booking.email ?? '', phone: booking.phone ?? '' }} privacyHref={getPathname({ href: '/datenschutz', locale })} />
        </div>
        <aside className="card" aria-label={t('time.summary')}>
          <HoldCountdown expiresAt={booking.holdExpiresAt!.toISOString()} untilText={t('hold.reservedUntil', { time: until })} />
          {verlaengert === '1' && <p role="status">{t('hold.extended')}</p>}
          {verlaengert === '0' && <p role="status">{t('hold.extendFailed')}</p>}
          {!booking.holdExtended && (
            <form action={extendHoldAction}>
              <input type="hidden" name="locale" value={locale} />
              <SubmitButton className="button button--secondary">{t('hold.extend', { minutes: HOLD_EXTENSION_MINUTES })}</SubmitButton>
            </form>
          )}
          <BookingFacts booking={booking} />
        </aside>
      </div>
    </>
  );
}
