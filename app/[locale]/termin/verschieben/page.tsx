import type { Metadata } from 'next';
import { challengeUrlFor } from '@/lib/abuse/challenge-url';
import { firstParam } from '@/lib/search-params';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { BookingFacts } from '@/components/booking/booking-facts';
import { PinForm } from '@/components/booking/pin-form';
import { TimePicker } from '@/components/booking/time-picker';
import { horizonEnd, localToday } from '@/lib/booking/availability';
import { availabilityCache } from '@/lib/booking/availability-cache';
import { changeStateOf } from '@/lib/booking/change-state';
import { servicesToMove } from '@/lib/booking/reschedule';
import { normalizeBookingCode } from '@/lib/booking/secrets';
import { verifiedBooking } from '@/lib/booking/verified-booking';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { durationOf } from '@/lib/slots';
import { holdNewTimeAction } from './actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Reschedule' }))('title') };
}

/**
 * Move a booking: number and PIN first; then, with the grant cookie, a new time for the same services at
 * the same place, in the same calendar as booking. Nothing here changes a booking on GET.
 */
export default async function ReschedulePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations('Reschedule');
  const tCheck = await getTranslations('PinCheck');
  const notice = firstParam(query.hinweis);
  const requested = firstParam(query.nummer).slice(0, 30);
  const booking = await verifiedBooking();

  if (!booking || (requested && normalizeBookingCode(requested) !== booking.code)) {
    return (
      <>
        <h1>{t('title')}</h1>
        {notice === 'pin' && (
          <p className="alert alert--error" role="alert">
            {tCheck('expired')}
          </p>
        )}
        <p className="lead">{t('intro')}</p>
        <PinForm locale={locale} purpose="reschedule" initialCode={requested} />
      </>
    );
  }

  const state = changeStateOf(booking);
  const availability = await availabilityCache().snapshot();
  const location = state === 'changeable' ? await availability.location(booking.location.slug) : null;
  const services = servicesToMove(location, booking);
  if (state !== 'changeable' || !location || !services) {
    return (
      <>
        <h1>{t('title')}</h1>
        <BookingFacts booking={booking} />
        <p className="alert alert--info">{state === 'changeable' ? t('notOnline') : tCheck(`state.${state}`)}</p>
        <p className="actions">
          {state === 'changeable' ? (
            <Link href={{ pathname: '/termin/absagen', query: { nummer: booking.code } }} className="button button--primary">
              {t('cancelInstead')}
            </Link>
          ) : (
            <Link href="/termin" className="button button--primary">
              {tCheck('bookAgain')}
            </Link>
          )}
        </p>
      </>
    );
  }

  const now = new Date();
  // The current start is no new time, even where another counter is free then.
  const slots = (await availability.findSlots({ location, durationMinutes: durationOf(services), from: localToday(location, now), to: horizonEnd(location, now), now })).filter(
    (slot) => slot.start.getTime() !== booking.during.start.getTime(),
  );

  return (
    <>
      <h1>{t('chooseTitle')}</h1>
      <TimePicker
        location={location}
        slots={slots}
        query={query}
        pathname="/termin/verschieben"
        baseQuery={{}}
        action={holdNewTimeAction}
        hidden={{ locale }}
        challengeUrl={challengeUrlFor(location)}
        intro={<p className="lead">{t('chooseIntro')}</p>}
        aside={
          <aside className="card" aria-labelledby="current-title">
            <h2 id="current-title" className="h3">
              {t('current')}
            </h2>
            <p>
              {tCheck('bookingNumber')}: <strong>{booking.code}</strong>
            </p>
            <BookingFacts booking={booking} />
            <p>
              <Link href={{ pathname: '/termin/absagen', query: { nummer: booking.code } }}>{t('cancelInstead')}</Link>
            </p>
          </aside>
        }
        now={now}
      />
    </>
  );
}
