import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { AdminFrame, AdminRefusal } from '@/components/admin/admin-frame';
import styles from '@/components/admin/admin.module.css';
import { ChangeRoleForm, CreateStaffForm, ResetPasswordForm } from '@/components/admin/staff-forms';
import { adminAccess } from '@/lib/admin/access';
import { listLocationsForAdmin } from '@/lib/admin/locations';
import { listStaffAccountsForAdmin } from '@/lib/admin/staff-accounts';
import { clockFormat, pick } from '@/lib/format';
import type { Locale } from '@/lib/i18n/routing';
import { setStaffAccountActiveAction } from './actions';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Admin.accounts' }))('title'), robots: { index: false } };
}

export default async function StaffAccountsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const access = await adminAccess();
  if (!access.ok) return <AdminRefusal access={access} locale={locale} />;
  const actor = access.user;
  const [t, roles, format, accounts, locations] = await Promise.all([
    getTranslations('Admin.accounts'),
    getTranslations('Staff.roles'),
    getFormatter(),
    listStaffAccountsForAdmin({ actor }),
    listLocationsForAdmin({ actor }),
  ]);
  const now = new Date();
  const offices = locations.map((l) => ({ id: l.id, name: pick(l.name, locale) }));
  return (
    <AdminFrame user={actor} locale={locale} current="/verwaltung/einstellungen/konten" title={t('title')}>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <caption className="visually-hidden">{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('email')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('location')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <td>
                  {a.name} {a.id === actor.id && t('you')}
                </td>
                <td>{a.email}</td>
                <td>{roles(a.role)}</td>
                <td>{a.locationName ? pick(a.locationName, locale) : '—'}</td>
                <td>
                  {a.active ? t('active') : t('deactivated')}
                  {a.lockedUntil && a.lockedUntil > now && (
                    <>
                      <br />
                      {t('lockedUntil', { time: format.dateTime(a.lockedUntil, { ...clockFormat, timeZone: 'Europe/Berlin' }) })}
                    </>
                  )}
                </td>
                <td>
                  {a.id !== actor.id && (
                    <ActionButton
                      action={setStaffAccountActiveAction}
                      fields={{ locale, staffId: String(a.id), active: String(!a.active) }}
                      label={a.active ? t('deactivate') : t('activate')}
                      accessibleName={a.active ? t('deactivateLabel', { name: a.name }) : t('activateLabel', { name: a.name })}
                      danger={a.active}
                    />
                  )}
                  {/* An admin's own role is not theirs to change: one admin always remains. */}
                  {a.id !== actor.id && <ChangeRoleForm locale={locale} staffId={a.id} name={a.name} role={a.role} locationId={a.locationId} locations={offices} />}
                  <ResetPasswordForm locale={locale} staffId={a.id} name={a.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="create-account" className={styles.section}>
        <h2 id="create-account">{t('createTitle')}</h2>
        <CreateStaffForm locale={locale} locations={offices} />
      </section>
    </AdminFrame>
  );
}
