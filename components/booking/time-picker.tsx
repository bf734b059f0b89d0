import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { LocationForBooking } from '@/db/queries/availability';
import { horizonEnd, lastReleasedDay, localToday } from '@/lib/booking/availability';
import { calendarView } from '@/lib/booking/calendar-view';
import { clockFormat } from '@/lib/format';
import { PageLink } from '@/components/ui/page-link';
import { firstParam, type SearchParams } from '@/lib/search-params';
import type { Slot } from '@/lib/slots';
import { MonthCalendar } from './month-calendar';
import { laterDays, ReleaseNote } from './release-note';
import { SlotForm } from './slot-form';

type Props = {
  location: LocationForBooking;
  slots: Slot[];
  query: SearchParams;
  /** The page the calendar links back to, and the query that must stay on it. */
  pathname: '/termin/zeit' | '/termin/verschieben';
  baseQuery: Record<string, string>;
  action: (formData: FormData) => Promise<void>;
  hidden: Record<string, string>;
  /** Shown between the notices and the calendar. */
  intro?: ReactNode;
  aside: ReactNode;
  /** Where the proof-of-work widget gets its challenge, when the location asks for one before holding. */
  challengeUrl?: string;
  now?: Date;
};

/**
 * Step 2 of booking and of moving an appointment: notices of the last attempt, the first free time,
 * the month calendar and the day's free times as hold buttons.
 */
export async function TimePicker({ location, slots, query, pathname, baseQuery, action, hidden, intro, aside, challengeUrl, now = new Date() }: Props) {
  const t = await getTranslations('Booking.time');
  const format = await getFormatter();
  const zone = location.timeZone;
  const notice = firstParam(query.hinweis);
  const view = calendarView({
    slots,
    today: localToday(location, now),
    lastDay: horizonEnd(location, now),
    monat: firstParam(query.monat),
    tag: firstParam(query.tag),
    zeit: notice === 'vergeben' ? firstParam(query.zeit) : '',
  });
  const released = lastReleasedDay(location, now);
  const dayAfter = new Date(Date.parse(`${released}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const later = await laterDays({ office: location, now, from: dayAfter, to: horizonEnd(location, now) });
  const time = (d: Date) => format.dateTime(d, { ...clockFormat, timeZone: zone });
  const longDate = (d: Date) => format.dateTime(d, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: zone });

  return (
    <>
      {notice === 'vergeben' && (
        <div className="alert alert--error" role="alert">
          <p id="taken-title">{t('taken')}</p>
          {view.alternatives.length > 0 && <SlotForm action={action} hidden={hidden} slots={view.alternatives} timeZone={zone} labelledBy="taken-title" challengeUrl={challengeUrl} />}
        </div>
      )}
      {notice === 'abgelaufen' && (
        <p className="alert alert--error" role="alert">
          {t('expired')}
        </p>
      )}
      {notice === 'pruefung' && (
        <p className="alert alert--error" role="alert">
          {location.phone ? t('challengeFailedPhone', { phone: location.phone }) : t('challengeFailed')}
        </p>
      )}
      {notice === 'limit' && (
        <p className="alert alert--error" role="alert">
          {t('rateLimited', { minutes: Number(firstParam(query.warten)) || 60 })}
        </p>
      )}
      {intro}
      <ReleaseNote office={location} now={now} />
      <div className="booking-layout">
        <div>
          {view.first ? (
            <p className="first-free">
              <PageLink href={{ pathname, query: { ...baseQuery, monat: view.first.date.slice(0, 7), tag: view.first.date } }}>
                {t('firstFree', { date: longDate(view.first.start), time: time(view.first.start) })}
              </PageLink>
            </p>
          ) : (
            <p className="alert alert--info">{t('noSlots', { days: location.bookingHorizonDays })}</p>
          )}
          <MonthCalendar month={view.month} available={view.available} selected={view.day} firstMonth={view.firstMonth} lastMonth={view.lastMonth} query={baseQuery} pathname={pathname} later={later} />
          <section aria-labelledby="slots-title" className="day-slots">
            {view.day && view.daySlots.length > 0 ? (
              <>
                <h2 id="slots-title" className="h3">
                  {t('slotsFor', { date: longDate(view.daySlots[0]!.start) })}
                </h2>
                <p className="muted">{t('holdNote', { minutes: location.holdMinutes })}</p>
                <SlotForm action={action} hidden={hidden} slots={view.daySlots} timeZone={zone} labelledBy="slots-title" challengeUrl={challengeUrl} />
              </>
            ) : (
              <p id="slots-title">{t('chooseDay')}</p>
            )}
          </section>
        </div>
        {aside}
      </div>
    </>
  );
}
