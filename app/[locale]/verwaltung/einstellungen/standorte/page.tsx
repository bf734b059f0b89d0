import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminFrame, AdminRefusal } from '@/components/admin/admin-frame';
import styles from '@/components/admin/admin.module.css';
import { CapacityButton, WindowCountersForm } from '@/components/admin/capacity-forms';
import { AddCounterForm, RenameCounterForm, WindowForm } from '@/components/admin/location-forms';
import { OfficeSettingsForm } from '@/components/admin/office-settings-form';
import { ReminderFigures } from '@/components/admin/reminder-figures';
import { ReminderSettingsForm } from '@/components/admin/reminder-settings-form';
import { ReleaseScheduleForm } from '@/components/admin/release-schedule-form';
import { WaitlistSettingsForm } from '@/components/admin/waitlist-settings-form';
import { adminAccess } from '@/lib/admin/access';
import { listLocationsForAdmin } from '@/lib/admin/locations';
import { clockTime, pick } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { removeOpeningWindowAction, setCounterActiveAction } from './actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Admin.locations' }))('title'), robots: { index: false } };
}

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

export default async function LocationSettingsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const access = await adminAccess();
  if (!access.ok) return <AdminRefusal access={access} locale={locale} />;
  const actor = access.user;
  const [t, weekdayName, locations, query] = await Promise.all([getTranslations('Admin'), getTranslations('Weekdays'), listLocationsForAdmin({ actor }), searchParams]);
  const tRelease = await getTranslations('Release.admin');
  const slug = Array.isArray(query.standort) ? query.standort[0] : query.standort;
  const location = locations.find((l) => l.slug === slug) ?? locations[0];

  return (
    <AdminFrame user={actor} locale={locale} current="/verwaltung/einstellungen/standorte" title={t('locations.title')}>
      <nav aria-label={t('locations.chooseLocation')}>
        <ul className={styles.navList}>
          {locations.map((l) => (
            <li key={l.id}>
              <Link href={{ pathname: '/verwaltung/einstellungen/standorte', query: { standort: l.slug } }} aria-current={l.id === location?.id ? 'page' : undefined}>
                {pick(l.name, locale)} {!l.active && t('locations.inactive')}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {location && <LocationSettings location={location} locale={locale} t={t} weekdayName={(d) => weekdayName(d)} />}
      {location?.mode === 'booking' && (
        <section aria-labelledby="release-title" className={styles.section}>
          <h2 id="release-title">
            {tRelease('legend')}: {pick(location.name, locale)}
          </h2>
          <ReleaseScheduleForm key={location.id} locale={locale} locationId={location.id} releaseTime={location.releaseTime} releaseWeekdays={location.releaseWeekdays} />
        </section>
      )}
    </AdminFrame>
  );
}

type AdminT = Awaited<ReturnType<typeof getTranslations<'Admin'>>>;

function LocationSettings({ location, locale, t, weekdayName }: { location: Awaited<ReturnType<typeof listLocationsForAdmin>>[number]; locale: Locale; t: AdminT; weekdayName: (day: (typeof WEEKDAYS)[number]) => string }) {
  const name = pick(location.name, locale);
  const activeCounters = location.counters.filter((c) => c.active).length;
  const dayName = (weekday: number) => weekdayName(String(weekday) as (typeof WEEKDAYS)[number]);
  return (
    <>
      <section aria-labelledby="hours-title" className={styles.section}>
        <h2 id="hours-title">
          {t('locations.hoursTitle')}: {name}
        </h2>
        {location.openingHours.length === 0 ? (
          <p>{t('locations.noHours')}</p>
        ) : (
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <caption className="visually-hidden">{t('locations.hoursCaption', { location: name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('locations.weekday')}</th>
                  <th scope="col">{t('locations.time')}</th>
                  <th scope="col">{t('locations.countersOpen')}</th>
                  <th scope="col">{t('locations.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {location.openingHours.map((w) => {
                  const from = clockTime(w.opensAt);
                  const to = clockTime(w.closesAt);
                  return (
                    <tr key={w.id}>
                      <td>{dayName(w.weekday)}</td>
                      <td>{t('locations.windowRange', { from, to })}</td>
                      <td>
                        <WindowCountersForm
                          locale={locale}
                          windowId={w.id}
                          countersOpen={w.countersOpen}
                          max={activeCounters}
                          label={t('capacity.countersOpenLabel', { weekday: dayName(w.weekday), from, to })}
                          buttonLabel={t('capacity.setCountersLabel', { weekday: dayName(w.weekday), from, to })}
                        />
                      </td>
                      <td>
                        <CapacityButton
                          action={removeOpeningWindowAction}
                          locale={locale}
                          fields={{ windowId: String(w.id) }}
                          label={t('locations.remove')}
                          accessibleName={t('locations.removeLabel', { weekday: dayName(w.weekday), from, to })}
                          danger
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <h3>{t('locations.addWindowTitle')}</h3>
        <WindowForm key={location.id} locale={locale} locationId={location.id} activeCounters={activeCounters} weekdays={WEEKDAYS.map((d) => ({ value: Number(d), label: weekdayName(d) }))} />
      </section>

      <section aria-labelledby="counters-title" className={styles.section}>
        <h2 id="counters-title">
          {t('locations.countersTitle')}: {name}
        </h2>
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="visually-hidden">{t('locations.countersCaption', { location: name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('locations.counterName')}</th>
                <th scope="col">{t('locations.status')}</th>
                <th scope="col">{t('locations.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {location.counters.map((c) => (
                <tr key={c.id}>
                  <td>
                    <RenameCounterForm locale={locale} counterId={c.id} name={c.name} />
                  </td>
                  <td>{c.active ? t('locations.active') : t('locations.deactivated')}</td>
                  <td>
                    <CapacityButton
                      action={setCounterActiveAction}
                      locale={locale}
                      fields={{ counterId: String(c.id), active: String(!c.active) }}
                      label={c.active ? t('locations.deactivate') : t('locations.activate')}
                      accessibleName={c.active ? t('locations.deactivateLabel', { name: c.name }) : t('locations.activateLabel', { name: c.name })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3>{t('locations.addCounterTitle')}</h3>
        <AddCounterForm key={location.id} locale={locale} locationId={location.id} />
      </section>

      <section aria-labelledby="rules-title" className={styles.section}>
        <h2 id="rules-title">
          {t('office.title')}: {name}
        </h2>
        <p>{t('office.intro')}</p>
        <OfficeSettingsForm
          key={location.id}
          locale={locale}
          locationId={location.id}
          settings={{
            bookingHorizonDays: location.bookingHorizonDays,
            requireChallenge: location.requireChallenge,
            challengeWork: location.challengeWork,
            minLeadMinutes: location.minLeadMinutes,
            holdMinutes: location.holdMinutes,
            slotStepMinutes: location.slotStepMinutes,
            maxFutureBookingsPerEmail: location.maxFutureBookingsPerEmail,
          }}
        />
      </section>

      <section aria-labelledby="reminders-title" className={styles.section}>
        <h2 id="reminders-title">
          {t('reminders.title')}: {name}
        </h2>
        <p>{t('reminders.intro')}</p>
        <ReminderFigures locationId={location.id} />
        <ReminderSettingsForm key={location.id} locale={locale} locationId={location.id} settings={{ reminderHours: location.reminderHours, secondReminderHours: location.secondReminderHours }} />
      </section>

      <section aria-labelledby="waitlist-title" className={styles.section}>
        <h2 id="waitlist-title">
          {t('waitlist.title')}: {name}
        </h2>
        <p>{t('waitlist.intro')}</p>
        <WaitlistSettingsForm key={location.id} locale={locale} locationId={location.id} settings={{ waitlistOfferHours: location.waitlistOfferHours, waitlistNewDayShare: location.waitlistNewDayShare }} />
      </section>
    </>
  );
}
