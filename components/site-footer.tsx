import { getTranslations } from 'next-intl/server';
import { PageLink } from '@/components/ui/page-link';

export async function SiteFooter() {
  const t = await getTranslations('Layout');
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <p>{t('town')}</p>
        <nav aria-label={t('footerNavigation')}>
          <ul className="site-footer__links">
            <li>
              <PageLink href="/impressum">{t('imprint')}</PageLink>
            </li>
            <li>
              <PageLink href="/datenschutz">{t('privacy')}</PageLink>
            </li>
            <li>
              <PageLink href="/barrierefreiheit">{t('accessibility')}</PageLink>
            </li>
            <li>
              <PageLink href="/verwaltung">{t('staff')}</PageLink>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
