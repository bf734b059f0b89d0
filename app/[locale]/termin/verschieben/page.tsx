import type { Metadata } from 'next';
import { firstParam } from '@/lib/search-params';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { BookingFacts } from '@/components/booking/booking-facts';
import { MonthCalendar } from '@/components/booking/month-calendar';
import { PinForm } from '@/components/booking/pin-form';
import { SlotForm } from '@/components/booking/slot-form';
import { loadLocationForBooking } from '@/db/queries/availability';
import { findSlots, horizonEnd, localToday } from '@/lib/booking/availability';
import { changeStateOf } from '@/lib/booking/change-state';
import { servicesToMove } from '@/lib/booking/reschedule';
import { normalizeBookingCode } from '@/lib/booking/secrets';
import { verifiedBooking } from '@/lib/booking/verified-booking';
import { clockFormat } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { daysWithSlots, durationOf, firstSlot, groupByLocalDate, type Slot } from '@/lib/slots';
import { holdNewTimeAction } from './actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Reschedule' }))('title') };
}

const isMonth = (v: string) => /^\d{4}-\d{2}$/.test(v);
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

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
  const tTime = await getTranslations('Booking.time');
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
  const location = state === 'changeable' ? await loadLocationForBooking({ slug: booking.location.slug }) : null;
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

  const format = await getFormatter();
  const now = new Date();
  const today = localToday(location, now);
  const lastDay = horizonEnd(location, now);
  // The current start is no new time, even where another counter is free then.
  const slots = (await findSlots({ location, durationMinutes: durationOf(services), from: today, to: lastDay, now })).filter(
    (slot) => slot.start.getTime() !== booking.during.start.getTime(),
  );
  const byDay = groupByLocalDate(slots);
  const available = new Set(daysWithSlots(slots));
  const first = firstSlot(slots);
  const firstMonth = today.slice(0, 7);
  const lastMonth = lastDay.slice(0, 7);
  const requestedMonth = firstParam(query.monat);
  const requestedDay = firstParam(query.tag);
  const selectedDay = isDate(requestedDay) && available.has(requestedDay) ? requestedDay : undefined;
  const month = isMonth(requestedMonth) && requestedMonth >= firstMonth && requestedMonth <= lastMonth
    ? requestedMonth
    : (selectedDay ?? first?.date ?? today).slice(0, 7);
  const day = selectedDay ?? (requestedMonth ? daysWithSlots(slots).find((d) => d.startsWith(month)) : first?.date);
  const daySlots = day ? (byDay.get(day) ?? []) : [];
  const zone = location.timeZone;
  const time = (d: Date) => format.dateTime(d, { ...clockFormat, timeZone: zone });
  const longDate = (d: Date) => format.dateTime(d, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: zone });
  const wanted = firstParam(query.zeit) ? new Date(firstParam(query.zeit)) : undefined;
  const alternatives: Slot[] = notice === 'vergeben' && wanted && !Number.isNaN(wanted.getTime())
    ? [...daySlots].sort((a, b) => Math.abs(a.start.getTime() - wanted.getTime()) - Math.abs(b.start.getTime() - wanted.getTime())).slice(0, 4).sort((a, b) => a.start.getTime() - b.start.getTime())
    : [];
  const hidden = { locale };

  return (
    <>
      <h1>{t('chooseTitle')}</h1>
      {notice === 'vergeben' && (
        <div className="alert alert--error" role="alert">
          <p id="taken-title">{tTime('taken')}</p>
          {alternatives.length > 0 && <SlotForm action={holdNewTimeAction} hidden={hidden} slots={alternatives} timeZone={zone} labelledBy="taken-title" />}
        </div>
      )}
      {notice === 'abgelaufen' && (
        <p className="alert alert--error" role="alert">
          {tTime('expired')}
        </p>
      )}
      {notice === 'limit' && (
        <p className="alert alert--error" role="alert">
          {tTime('rateLimited', { minutes: Number(firstParam(query.warten)) || 60 })}
        </p>
      )}
      <p className="lead">{t('chooseIntro')}</p>
      <div className="booking-layout">
        <div>
          {first ? (
            <p className="first-free">
              <Link href={{ pathname: '/termin/verschieben', query: { monat: first.date.slice(0, 7), tag: first.date } }}>
                {tTime('firstFree', { date: longDate(first.start), time: time(first.start) })}
              </Link>
            </p>
          ) : (
            <p className="alert alert--info">{tTime('noSlots', { days: location.bookingHorizonDays })}</p>
          )}
          <MonthCalendar month={month} available={available} selected={day} firstMonth={firstMonth} lastMonth={lastMonth} query={{}} pathname="/termin/verschieben" />
          <section aria-labelledby="slots-title" className="day-slots">
            {day && daySlots.length > 0 ? (
              <>
                <h2 id="slots-title" className="h3">
                  {tTime('slotsFor', { date: longDate(daySlots[0]!.start) })}
                </h2>
                <p className="muted">{tTime('holdNote', { minutes: location.holdMinutes })}</p>
                <SlotForm action={holdNewTimeAction} hidden={hidden} slots={daySlots} timeZone={zone} labelledBy="slots-title" />
              </>
            ) : (
              <p id="slots-title">{tTime('chooseDay')}</p>
            )}
          </section>
        </div>
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
      </div>
    </>
  );
}
