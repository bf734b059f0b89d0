import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { CitizenNavGate } from './citizen-nav-gate';
import { LocaleSwitcher } from './locale-switcher';
import { TownMark } from './town-mark';

export async function SiteHeader() {
  const t = await getTranslations('Layout');
  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <Link href="/" className="brand">
          <TownMark />
          <span className="brand__text">
            <span className="brand__town">{t('town')}</span>
            <span className="brand__product">{t('product')}</span>
          </span>
        </Link>
        <LocaleSwitcher />
      </div>
      <CitizenNavGate>
        <nav aria-label={t('mainNavigation')} className="site-nav">
          <ul className="container site-nav__list">
            <li>
              <Link href="/">{t('home')}</Link>
            </li>
            <li>
              <Link href="/termin">{t('book')}</Link>
            </li>
            <li>
              <Link href="/termin/absagen">{t('cancel')}</Link>
            </li>
          </ul>
        </nav>
      </CitizenNavGate>
    </header>
  );
}
