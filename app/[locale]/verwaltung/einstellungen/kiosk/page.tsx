import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminFrame, AdminRefusal } from '@/components/admin/admin-frame';
import styles from '@/components/admin/admin.module.css';
import { RegisterKioskForm } from '@/components/front-desk/register-kiosk-form';
import { kioskDevicesOf } from '@/db/queries/front-desk';
import { adminAccess } from '@/lib/admin/access';
import { listLocationsForAdmin } from '@/lib/admin/locations';
import { pick } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { registerKioskAction, revokeKioskAction } from './actions';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'KioskDevices' }))('title'), robots: { index: false } };
}

/** Kiosk tablets per office: register (token shown once), see when each was last used, revoke. */
export default async function KioskDevicesPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const access = await adminAccess();
  if (!access.ok) return <AdminRefusal access={access} locale={locale} />;
  const actor = access.user;
  const [t, format, locations] = await Promise.all([getTranslations('KioskDevices'), getFormatter(), listLocationsForAdmin({ actor })]);
  const offices = locations.filter((l) => l.mode === 'booking');
  const devices = await kioskDevicesOf({ locationIds: offices.map((l) => l.id) });
  const nameOf = (id: number) => pick(offices.find((l) => l.id === id)?.name ?? { de: '', en: '' }, locale);
  return (
    <AdminFrame user={actor} locale={locale} current="/verwaltung/einstellungen/kiosk" title={t('title')}>
      <p>{t('intro')}</p>
      <section aria-labelledby="devices-title">
        <h2 id="devices-title">{t('devices')}</h2>
        {devices.length === 0 ? (
          <p className="muted">{t('none')}</p>
        ) : (
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{t('name')}</th>
                  <th scope="col">{t('office')}</th>
                  <th scope="col">{t('lastSeen')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                {devices.map((d) => (
                  <tr key={d.id}>
                    <td>{d.name}</td>
                    <td>{nameOf(d.locationId)}</td>
                    <td>{d.lastSeenAt ? format.dateTime(d.lastSeenAt, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Berlin' }) : '–'}</td>
                    <td>{d.revokedAt ? t('revoked') : t('active')}</td>
                    <td>
                      {!d.revokedAt && (
                        <form action={revokeKioskAction}>
                          <input type="hidden" name="deviceId" value={d.id} />
                          <button type="submit" className="button button--secondary" aria-label={t('revokeNamed', { name: d.name })}>
                            {t('revoke')}
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="register-title">
        <h2 id="register-title">{t('registerTitle')}</h2>
        <RegisterKioskForm action={registerKioskAction} locale={locale} offices={offices.map((l) => ({ id: l.id, name: pick(l.name, locale) }))} />
      </section>
      <section aria-labelledby="displays-title">
        <h2 id="displays-title">{t('displaysTitle')}</h2>
        <p>{t('displaysIntro')}</p>
        <ul>
          {offices.map((l) => (
            <li key={l.id}>
              <Link href={{ pathname: '/aufruf/[office]', params: { office: l.slug } }}>{pick(l.name, locale)}</Link>
            </li>
          ))}
        </ul>
      </section>
    </AdminFrame>
  );
}
