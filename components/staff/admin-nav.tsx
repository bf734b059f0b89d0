import { getTranslations } from 'next-intl/server';
import styles from '@/components/admin/admin.module.css';
import type { StaffUser } from '@/lib/auth/staff-session';
import { Link } from '@/lib/i18n/navigation';

export const ADMIN_PAGES = [
  { href: '/verwaltung/einstellungen/schliesstage', key: 'closures' },
  { href: '/verwaltung/einstellungen/standorte', key: 'locations' },
  { href: '/verwaltung/einstellungen/leistungen', key: 'services' },
  { href: '/verwaltung/einstellungen/konten', key: 'accounts' },
  { href: '/verwaltung/einstellungen/kiosk', key: 'kiosks' },
  { href: '/verwaltung/einstellungen/protokoll', key: 'audit' },
  { href: '/verwaltung/einstellungen/mails', key: 'mails' },
] as const;

export type AdminNavPath = '/verwaltung' | '/verwaltung/einstellungen' | (typeof ADMIN_PAGES)[number]['href'];

/**
 * The way between the day plan and the settings pages; shown to admins only (it renders nothing for
 * anyone else). Only a signpost: every settings page and action checks the admin role itself.
 */
export async function AdminNav({ user, current = '/verwaltung' }: { user: StaffUser; current?: AdminNavPath }) {
  if (user.role !== 'admin') return null;
  const t = await getTranslations('Admin.nav');
  const links = [{ href: '/verwaltung', key: 'dayPlan' }, { href: '/verwaltung/einstellungen', key: 'settings' }, ...ADMIN_PAGES] as const;
  return (
    <nav className={styles.nav} aria-label={t('label')}>
      <ul className={styles.navList}>
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={link.href === current ? 'page' : undefined}>
              {t(link.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
