import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

export async function SiteFooter() {
  const t = await getTranslations('Layout');
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <p>{t('town')}</p>
        <nav aria-label={t('footerNavigation')}>
          <ul className="site-footer__links">
            <li>
              <Link href="/impressum">{t('imprint')}</Link>
            </li>
            <li>
              <Link href="/datenschutz">{t('privacy')}</Link>
            </li>
            <li>
              <Link href="/barrierefreiheit">{t('accessibility')}</Link>
            </li>
            <li>
              <Link href="/verwaltung">{t('staff')}</Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
