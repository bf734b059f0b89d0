import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminFrame, AdminRefusal } from '@/components/admin/admin-frame';
import styles from '@/components/admin/admin.module.css';
import { ADMIN_PAGES } from '@/components/staff/admin-nav';
import { adminAccess } from '@/lib/admin/access';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Admin.overview' }))('title'), robots: { index: false } };
}

export default async function SettingsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const access = await adminAccess();
  if (!access.ok) return <AdminRefusal access={access} locale={locale} />;
  const t = await getTranslations('Admin');
  return (
    <AdminFrame user={access.user} locale={locale} current="/verwaltung/einstellungen" title={t('overview.title')}>
      <p className="lead">{t('overview.intro')}</p>
      <ul className={styles.overview}>
        {ADMIN_PAGES.map((page) => (
          <li key={page.href}>
            <h2>
              <Link href={page.href}>{t(`nav.${page.key}`)}</Link>
            </h2>
            <p>{t(`overview.${page.key}`)}</p>
          </li>
        ))}
      </ul>
    </AdminFrame>
  );
}
