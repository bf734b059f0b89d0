import { DateTime } from 'luxon';
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminFrame, AdminRefusal } from '@/components/admin/admin-frame';
import { ActionButton } from '@/components/admin/action-button';
import styles from '@/components/admin/admin.module.css';
import { ClosureForm } from '@/components/admin/closure-form';
import { adminAccess } from '@/lib/admin/access';
import { listClosures } from '@/lib/admin/closures';
import { listLocationsForAdmin } from '@/lib/admin/locations';
import { pick } from '@/lib/format';
import type { Locale } from '@/lib/i18n/routing';
import { deleteClosureAction } from './actions';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Admin.closures' }))('title'), robots: { index: false } };
}

export default async function ClosuresPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const access = await adminAccess();
  if (!access.ok) return <AdminRefusal access={access} locale={locale} />;
  const actor = access.user;
  const [t, format, closures, locations] = await Promise.all([getTranslations('Admin'), getFormatter(), listClosures({ actor }), listLocationsForAdmin({ actor })]);
  const day = (date: string) => format.dateTime(DateTime.fromISO(date, { zone: 'Europe/Berlin' }).toJSDate(), { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Berlin' });
  const period = (c: { startsOn: string; endsOn: string }) => (c.startsOn === c.endsOn ? day(c.startsOn) : t('closures.range', { from: day(c.startsOn), to: day(c.endsOn) }));

  return (
    <AdminFrame user={actor} locale={locale} current="/verwaltung/einstellungen/schliesstage" title={t('closures.title')}>
      <section aria-labelledby="add-closure" className={styles.section}>
        <h2 id="add-closure">{t('closures.addTitle')}</h2>
        <ClosureForm
          locale={locale}
          locations={locations.map((l) => ({ id: l.id, name: pick(l.name, locale) }))}
          today={DateTime.now().setZone('Europe/Berlin').toISODate()!}
        />
      </section>

      <section aria-labelledby="upcoming-closures" className={styles.section}>
        <h2 id="upcoming-closures">{t('closures.upcomingTitle')}</h2>
        {closures.length === 0 ? (
          <p>{t('closures.none')}</p>
        ) : (
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{t('closures.period')}</th>
                  <th scope="col">{t('closures.location')}</th>
                  <th scope="col">{t('closures.reason')}</th>
                  <th scope="col">{t('closures.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {closures.map((c) => {
                  const where = c.locationName ? pick(c.locationName, locale) : t('allLocations');
                  return (
                    <tr key={c.id}>
                      <td>{period(c)}</td>
                      <td>{where}</td>
                      <td>{pick(c.reason, locale)}</td>
                      <td>
                        <ActionButton
                          action={deleteClosureAction}
                          fields={{ locale, closureId: String(c.id) }}
                          label={t('closures.delete')}
                          accessibleName={t('closures.deleteLabel', { period: period(c), location: where })}
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
      </section>
    </AdminFrame>
  );
}
