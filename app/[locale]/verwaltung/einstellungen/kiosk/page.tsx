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
import { firstParam } from '@/lib/search-params';
import { registerKioskAction, revokeKioskAction, saveFrontDeskSettingsAction } from './actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'KioskDevices' }))('title'), robots: { index: false } };
}

/** Kiosk tablets per office: register (token shown once), see when each was last used, revoke. */
export default async function KioskDevicesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const access = await adminAccess();
  if (!access.ok) return <AdminRefusal access={access} locale={locale} />;
  const actor = access.user;
  const [t, format, locations] = await Promise.all([getTranslations('KioskDevices'), getFormatter(), listLocationsForAdmin({ actor })]);
  const offices = locations.filter((l) => l.mode === 'booking');
  const devices = await kioskDevicesOf({ locationIds: offices.map((l) => l.id) });
  const query = await searchParams;
  const notice = firstParam(query.hinweis);
  const noticeOffice = offices.find((l) => String(l.id) === firstParam(query.standort));
  const nameOf = (id: number) => pick(offices.find((l) => l.id === id)?.name ?? { de: '', en: '' }, locale);
  return (
    <AdminFrame user={actor} locale={locale} current="/verwaltung/einstellungen/kiosk" title={t('title')}>
      <p>{t('intro')}</p>
      {(notice === 'saved' || notice === 'invalid') && noticeOffice && (
        <p className={`alert ${notice === 'saved' ? 'alert--success' : 'alert--error'}`} role={notice === 'saved' ? 'status' : 'alert'}>
          {t(notice === 'saved' ? 'settingsSaved' : 'settingsInvalid', { office: pick(noticeOffice.name, locale) })}
        </p>
      )}
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
      <section aria-labelledby="rules-title">
        <h2 id="rules-title">{t('rulesTitle')}</h2>
        <p>{t('rulesIntro')}</p>
        {offices.map((l) => (
          <form key={l.id} action={saveFrontDeskSettingsAction} className="front-desk-rules">
            <fieldset>
              <legend>{pick(l.name, locale)}</legend>
              <input type="hidden" name="locale" value={locale} />
              <input type="hidden" name="locationId" value={l.id} />
              <div className="field">
                <label htmlFor={`early-${l.id}`}>{t('checkInEarly')}</label>
                <input id={`early-${l.id}`} name="checkInEarlyMinutes" type="number" min={0} max={240} required defaultValue={l.checkInEarlyMinutes} />
              </div>
              <div className="field">
                <label htmlFor={`late-${l.id}`}>{t('checkInLate')}</label>
                <input id={`late-${l.id}`} name="checkInLateMinutes" type="number" min={0} max={240} required defaultValue={l.checkInLateMinutes} />
              </div>
              <div className="field">
                <label htmlFor={`every-${l.id}`}>{t('walkInEvery')}</label>
                <span id={`every-${l.id}-hint`} className="field__hint">
                  {t('walkInEveryHint')}
                </span>
                <input id={`every-${l.id}`} name="walkInEvery" type="number" min={0} max={20} required defaultValue={l.walkInEvery} aria-describedby={`every-${l.id}-hint`} />
              </div>
              <button type="submit" className="button button--secondary">
                {t('saveRules')}
              </button>
            </fieldset>
          </form>
        ))}
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
