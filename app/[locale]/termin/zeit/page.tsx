import type { Metadata } from 'next';
import { firstParam } from '@/lib/search-params';
import { clockFormat } from '@/lib/format';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { ChoiceSummary } from '@/components/booking/choice-summary';
import { MonthCalendar } from '@/components/booking/month-calendar';
import { SlotForm } from '@/components/booking/slot-form';
import { StepIndicator } from '@/components/booking/step-indicator';
import { loadLocationForBooking } from '@/db/queries/availability';
import { horizonEnd, localToday, findSlots } from '@/lib/booking/availability';
import { parseChoiceParam, resolveChoice } from '@/lib/booking/choice';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { daysWithSlots, durationOf, firstSlot, groupByLocalDate, type Slot } from '@/lib/slots';
import { holdSlotAction } from '../actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Booking.time' }))('title') };
}

const isMonth = (v: string) => /^\d{4}-\d{2}$/.test(v);
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

export default async function ChooseTimePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations('Booking.time');
  const format = await getFormatter();
  const location = await loadLocationForBooking({ slug: firstParam(query.standort) });
  const services = location?.mode === 'booking' ? resolveChoice(location.services, parseChoiceParam(firstParam(query.leistungen))) : null;

  if (!location || !services) {
    return (
      <>
        <StepIndicator current="time" />
        <h1>{t('title')}</h1>
        <p className="alert alert--info">{t('invalidChoice')}</p>
        <p>
          <Link href="/termin" className="button button--primary">
            {t('change')}
          </Link>
        </p>
      </>
    );
  }

  const now = new Date();
  const today = localToday(location, now);
  const lastDay = horizonEnd(location, now);
  const slots = await findSlots({ location, durationMinutes: durationOf(services), from: today, to: lastDay, now });
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
  const baseQuery = { standort: location.slug, leistungen: firstParam(query.leistungen) };
  const notice = firstParam(query.hinweis);
  const time = (d: Date) => format.dateTime(d, { ...clockFormat, timeZone: location.timeZone });
  const longDate = (d: Date) => format.dateTime(d, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: location.timeZone });
  const wanted = firstParam(query.zeit) ? new Date(firstParam(query.zeit)) : undefined;
  const alternatives: Slot[] = notice === 'vergeben' && wanted && !Number.isNaN(wanted.getTime())
    ? [...daySlots].sort((a, b) => Math.abs(a.start.getTime() - wanted.getTime()) - Math.abs(b.start.getTime() - wanted.getTime())).slice(0, 4).sort((a, b) => a.start.getTime() - b.start.getTime())
    : [];

  const hidden = { locale, location: location.slug, services: baseQuery.leistungen };
  const slotForm = (list: Slot[], labelledBy: string) => (
    <SlotForm action={holdSlotAction} hidden={hidden} slots={list} timeZone={location.timeZone} labelledBy={labelledBy} />
  );

  return (
    <>
      <StepIndicator current="time" />
      <h1>{t('title')}</h1>
      {notice === 'vergeben' && (
        <div className="alert alert--error" role="alert">
          <p id="taken-title">{t('taken')}</p>
          {alternatives.length > 0 && slotForm(alternatives, 'taken-title')}
        </div>
      )}
      {notice === 'abgelaufen' && <p className="alert alert--error" role="alert">{t('expired')}</p>}
      {notice === 'limit' && <p className="alert alert--error" role="alert">{t('rateLimited', { minutes: Number(firstParam(query.warten)) || 60 })}</p>}
      <div className="booking-layout">
        <div>
          {first ? (
            <p className="first-free">
              <Link href={{ pathname: '/termin/zeit', query: { ...baseQuery, monat: first.date.slice(0, 7), tag: first.date } }}>
                {t('firstFree', { date: longDate(first.start), time: time(first.start) })}
              </Link>
            </p>
          ) : (
            <p className="alert alert--info">{t('noSlots', { days: location.bookingHorizonDays })}</p>
          )}
          <MonthCalendar month={month} available={available} selected={day} firstMonth={firstMonth} lastMonth={lastMonth} query={baseQuery} />
          <section aria-labelledby="slots-title" className="day-slots">
            {day && daySlots.length > 0 ? (
              <>
                <h2 id="slots-title" className="h3">
                  {t('slotsFor', { date: longDate(daySlots[0]!.start) })}
                </h2>
                <p className="muted">{t('holdNote', { minutes: location.holdMinutes })}</p>
                {slotForm(daySlots, 'slots-title')}
              </>
            ) : (
              <p id="slots-title">{t('chooseDay')}</p>
            )}
          </section>
        </div>
        <ChoiceSummary location={location} services={services} />
      </div>
    </>
  );
}
