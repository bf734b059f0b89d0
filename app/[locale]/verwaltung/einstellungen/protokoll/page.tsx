import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminFrame, AdminRefusal } from '@/components/admin/admin-frame';
import styles from '@/components/admin/admin.module.css';
import { adminAccess } from '@/lib/admin/access';
import { AUDIT_PAGE_SIZE, recentAuditEntries } from '@/lib/admin/audit';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Admin.audit' }))('title'), robots: { index: false } };
}

export default async function AuditLogPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const access = await adminAccess();
  if (!access.ok) return <AdminRefusal access={access} locale={locale} />;
  const actor = access.user;
  const [t, format, entries] = await Promise.all([getTranslations('Admin.audit'), getFormatter(), recentAuditEntries({ actor })]);
  return (
    <AdminFrame user={actor} locale={locale} current="/verwaltung/einstellungen/protokoll" title={t('title')}>
      <p>{t('intro', { count: AUDIT_PAGE_SIZE })}</p>
      {entries.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="visually-hidden">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('time')}</th>
                <th scope="col">{t('who')}</th>
                <th scope="col">{t('action')}</th>
                <th scope="col">{t('entity')}</th>
                <th scope="col">{t('id')}</th>
                <th scope="col">{t('details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{format.dateTime(e.at, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Berlin' })}</td>
                  <td>{e.actorName ? `${e.actorName} (${e.actorEmail})` : t('system')}</td>
                  <td className="mono">{e.action}</td>
                  <td className="mono">{e.entity}</td>
                  <td className="mono">{e.entityId ?? '—'}</td>
                  <td className={styles.details}>{e.details ? JSON.stringify(e.details) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminFrame>
  );
}
