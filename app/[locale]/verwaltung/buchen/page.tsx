import { DateTime } from 'luxon';
import { firstParam } from '@/lib/search-params';
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { SignInForm } from '@/components/staff/sign-in-form';
import { StaffBar } from '@/components/staff/staff-bar';
import { MoveForm } from '@/components/staff/move-form';
import { WalkInForm } from '@/components/staff/walk-in-form';
import { findBookingById } from '@/db/queries/booking-lookup';
import { servicesToMove } from '@/lib/booking/reschedule';
import { loadLocationForBooking } from '@/db/queries/availability';
import { currentStaff, mayWorkAt } from '@/lib/auth/staff-session';
import { findSlots } from '@/lib/booking/availability';
import { formatChoiceParam } from '@/lib/booking/choice';
import { clockFormat, pick } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { durationOf } from '@/lib/slots';
import { locationsFor } from '@/lib/staff/day-plan';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'WalkIn' }))('title'), robots: { index: false } };
}


export default async function WalkInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const user = await currentStaff();
  if (!user) return <SignInForm locale={locale} />;
  const t = await getTranslations('WalkIn');
  const tStaff = await getTranslations('Staff');
  const tServices = await getTranslations('Booking.services');
  const format = await getFormatter();
  const locations = (await locationsFor(user)).filter((l) => l.mode === 'booking' || user.role === 'admin' || l.id === user.locationId);
  // Moving an existing booking (from the day plan) fixes office and services; only the time is chosen.
  const moveId = firstParam(query.verschieben);
  const found = /^\d{1,12}$/.test(moveId) ? await findBookingById({ id: Number(moveId) }) : null;
  const moving = found && mayWorkAt(user, found.locationId) ? found : null;
  const chosen = moving ? moving.location : (locations.find((l) => l.slug === firstParam(query.standort)) ?? locations[0]);
  const location = chosen ? await loadLocationForBooking({ slug: chosen.slug }) : null;
  if (!location) return <StaffBar user={user} locale={locale} />;

  const today = DateTime.now().setZone(location.timeZone).toISODate()!;
  const time = (d: Date) => format.dateTime(d, { ...clockFormat, timeZone: location.timeZone });
  const localDay = (d: Date) => DateTime.fromJSDate(d, { zone: location.timeZone }).toISODate()!;
  // Moving starts at the appointment's own day (a caller usually wants a time near it), never before today.
  const currentDay = moving && localDay(moving.during.start) > today ? localDay(moving.during.start) : today;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(firstParam(query.tag)) ? firstParam(query.tag) : currentDay;
  // The day plan the clerk came from (passed on by the card), else the plan of the chosen day.
  const cameFrom = firstParam(query.zurueck);
  const backQuery = /^\/verwaltung\?[^#]*$/.test(cameFrom) ? Object.fromEntries(new URLSearchParams(cameFrom.split('?')[1])) : { standort: location.slug, datum: day };
  const services = moving
    ? (servicesToMove(location, moving) ?? [])
    : location.services.map((s) => ({ ...s, count: Math.min(Number(query[`anzahl_${s.slug}`]) || 0, s.maxCount) })).filter((s) => s.count > 0);
  const slots = (services.length > 0
    ? await findSlots({ location: { ...location, minLeadMinutes: 0 }, durationMinutes: durationOf(services), from: day, to: day, releaseDelayMinutes: 0, respectRelease: false })
    : []
  ).filter((slot) => !moving || slot.start.getTime() !== moving.during.start.getTime());

  return (
    <div className="staff">
      <StaffBar user={user} locale={locale} />
      <p className="no-print">
        <Link href={{ pathname: '/verwaltung', query: backQuery }}>‹ {t('back')}</Link>
      </p>
      <h1 className="no-print">{moving ? t('moveTitle', { code: moving.code, name: moving.name ?? '—' }) : t('title')}</h1>
      {moving && (
        <div className="alert alert--info walk-in-current">
          <p>
            <strong>{t('currentAppointment')}:</strong> {format.dateTime(moving.during.start, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: location.timeZone })},{' '}
            {tStaff('time', { from: time(moving.during.start), to: time(moving.during.end) })} · {pick(location.name, locale)}
          </p>
          <p>{moving.items.map((item) => `${item.count} × ${pick(item.name, locale)}`).join(', ')}</p>
        </div>
      )}
      <form method="get" className="walk-in-choice no-print">
        {moving && <input type="hidden" name="verschieben" value={moving.id} />}
        {/^\/verwaltung\?[^#]*$/.test(cameFrom) && <input type="hidden" name="zurueck" value={cameFrom} />}
        {!moving && locations.length > 1 && (
          <div className="field">
            <label htmlFor="field-standort">{tStaff('location')}</label>
            <select id="field-standort" name="standort" defaultValue={location.slug}>
              {locations.map((l) => (
                <option key={l.id} value={l.slug}>
                  {pick(l.name, locale)}
                </option>
              ))}
            </select>
          </div>
        )}
        {locations.length <= 1 && <input type="hidden" name="standort" value={location.slug} />}
        <fieldset className="field" hidden={Boolean(moving)}>
          <legend>{t('services')}</legend>
          {/* The citizens' service list, same names, hints and counts ("keine" … max), without their live total. */}
          <ul className="service-picker">
            {location.services.map((s) => {
              const count = services.find((c) => c.slug === s.slug)?.count ?? 0;
              return (
                <li key={s.slug} className={`service-picker__item${count > 0 ? ' service-picker__item--chosen' : ''}`}>
                  <div className="service-picker__text">
                    <label htmlFor={`anzahl_${s.slug}`} className="service-picker__name">
                      {pick(s.name, locale)}
                    </label>
                    <p className="muted" id={`anzahl_${s.slug}-hint`}>
                      {tServices('perUnit', { minutes: s.minutesPerUnit })}
                    </p>
                  </div>
                  <select id={`anzahl_${s.slug}`} name={`anzahl_${s.slug}`} defaultValue={String(count)} aria-describedby={`anzahl_${s.slug}-hint`}>
                    <option value="0">{tServices('none')}</option>
                    {Array.from({ length: s.maxCount }, (_, n) => n + 1).map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                </li>
              );
            })}
          </ul>
        </fieldset>
        <div className="field">
          <label htmlFor="field-tag">{t('date')}</label>
          <input id="field-tag" type="date" name="tag" defaultValue={day} min={today} />
        </div>
        <button type="submit" className="button button--secondary">
          {t('showTimes')}
        </button>
      </form>
      {services.length === 0 ? (
        <p className="alert alert--info">{t('chooseServices')}</p>
      ) : slots.length === 0 ? (
        <p className="alert alert--info">{t('noTimes')}</p>
      ) : (
        moving ? (
          <MoveForm locale={locale} bookingId={moving.id} timeZone={location.timeZone} standort={location.slug} times={slots.map((s) => ({ value: s.start.toISOString(), label: time(s.start) }))} />
        ) : (
        <WalkInForm
          key={`${location.slug}-${day}-${formatChoiceParam(services)}`}
          locale={locale}
          location={location.slug}
          services={formatChoiceParam(services)}
          times={slots.map((s) => ({ value: s.start.toISOString(), label: time(s.start) }))}
          slip={{
            office: pick(location.name, locale),
            address: `${location.street}, ${location.postalCode} ${location.city}`,
            timeZone: location.timeZone,
            services: services.map((s) => `${s.count} × ${pick(s.name, locale)}`),
            documents: [...new Set(services.flatMap((s) => s.documentIds))].map((id) => location.documents.get(id)).filter((d) => d !== undefined).map((d) => pick(d.name, locale)),
            dayPlan: { standort: location.slug },
          }}
        />
        )
      )}
    </div>
  );
}
