import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { AdminFrame, AdminRefusal } from '@/components/admin/admin-frame';
import styles from '@/components/admin/admin.module.css';
import { adminAccess } from '@/lib/admin/access';
import { failedMailsFor } from '@/lib/admin/failed-mails';
import type { Locale } from '@/lib/i18n/routing';
import { resendMailAction } from './actions';

type Props = { params: Promise<{ locale: Locale }> };

const KINDS = ['booking-confirmed', 'booking-cancelled', 'booking-rescheduled', 'request-received', 'request-declined'] as const;
const dateTime = { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Berlin' } as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Admin.mails' }))('title'), robots: { index: false } };
}

/** Mails the worker gave up on: which, about which booking, why, and "send again". */
export default async function FailedMailsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const access = await adminAccess();
  if (!access.ok) return <AdminRefusal access={access} locale={locale} />;
  const actor = access.user;
  const [t, format, mails] = await Promise.all([getTranslations('Admin.mails'), getFormatter(), failedMailsFor({ actor })]);
  const kind = (k: string) => ((KINDS as readonly string[]).includes(k) ? t(`kinds.${k as (typeof KINDS)[number]}`) : k);
  return (
    <AdminFrame user={actor} locale={locale} current="/verwaltung/einstellungen/mails" title={t('title')}>
      <p>{t('intro')}</p>
      {mails.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="visually-hidden">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('queued')}</th>
                <th scope="col">{t('mail')}</th>
                <th scope="col">{t('subject')}</th>
                <th scope="col">{t('why')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((m) => (
                <tr key={m.id}>
                  <td>{format.dateTime(m.createdAt, dateTime)}</td>
                  <td>{kind(m.kind)}</td>
                  <td>
                    {m.subject
                      ? t(m.subject.type === 'booking' ? 'booking' : 'request', { code: m.subject.code, start: m.subject.startsAt ? format.dateTime(m.subject.startsAt, dateTime) : '' })
                      : t('gone')}
                    {m.subject?.erased && (
                      <>
                        <br />
                        {t('erased')}
                      </>
                    )}
                  </td>
                  <td>
                    {t('attempts', { count: m.attempts })}
                    <br />
                    <code>{m.lastError ?? t('noReason')}</code>
                  </td>
                  <td>
                    {m.subject && !m.subject.erased && (
                      <ActionButton
                        action={resendMailAction}
                        fields={{ locale, mailId: String(m.id) }}
                        label={t('resend')}
                        accessibleName={t('resendLabel', { mail: kind(m.kind), code: m.subject.code })}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>{t('pinNote')}</p>
    </AdminFrame>
  );
}
