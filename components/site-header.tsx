import { getTranslations } from 'next-intl/server';
import { PageLink } from '@/components/ui/page-link';
import { CitizenNavGate } from './citizen-nav-gate';
import { LocaleSwitcher } from './locale-switcher';
import { TownMark } from './town-mark';

export async function SiteHeader() {
  const t = await getTranslations('Layout');
  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <PageLink href="/" className="brand">
          <TownMark />
          <span className="brand__text">
            <span className="brand__town">{t('town')}</span>
            <span className="brand__product">{t('product')}</span>
          </span>
        </PageLink>
        <LocaleSwitcher />
      </div>
      <CitizenNavGate>
        <nav aria-label={t('mainNavigation')} className="site-nav">
          <ul className="container site-nav__list">
            <li>
              <PageLink href="/">{t('home')}</PageLink>
            </li>
            <li>
              <PageLink href="/termin">{t('book')}</PageLink>
            </li>
            <li>
              <PageLink href="/termin/absagen">{t('cancel')}</PageLink>
            </li>
          </ul>
        </nav>
      </CitizenNavGate>
    </header>
  );
}
