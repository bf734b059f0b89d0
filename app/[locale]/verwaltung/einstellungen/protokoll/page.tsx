import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminFrame, AdminRefusal } from '@/components/admin/admin-frame';
import styles from '@/components/admin/admin.module.css';
import { adminAccess } from '@/lib/admin/access';
import type { AuditEntry } from '@/db/queries/admin-audit';
import { AUDIT_PAGE_SIZE, recentAuditEntries } from '@/lib/admin/audit';
import { auditSentence } from '@/lib/admin/audit-sentence';
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
  const [t, tStaff, format, entries] = await Promise.all([getTranslations('Admin.audit'), getTranslations('Staff'), getFormatter(), recentAuditEntries({ actor })]);
  const labels = {
    status: (s: string) => tStaff(`status.${s as 'booked'}`),
    role: (r: string) => tStaff(`roles.${r === 'admin' ? 'admin' : 'clerk'}`),
    // 1 January 2024 was a Monday: ISO weekday n is the n-th of that month.
    weekday: (n: number) => format.dateTime(new Date(Date.UTC(2024, 0, n)), { weekday: 'long', timeZone: 'UTC' }),
  };
  const sentence = (entry: AuditEntry) => {
    const { key, values } = auditSentence(entry, locale, labels);
    return t(`sentences.${key}`, values);
  };
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
                <th scope="col">{t('what')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{format.dateTime(e.at, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Berlin' })}</td>
                  <td>{e.actorName ? `${e.actorName} (${e.actorEmail})` : t('system')}</td>
                  <td>{sentence(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminFrame>
  );
}
