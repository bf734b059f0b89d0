'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { getPathname, usePathname } from '@/lib/i18n/navigation';
import { routing } from '@/lib/i18n/routing';

function LocaleLinks() {
  const t = useTranslations('LocaleSwitcher');
  const current = useLocale();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const query = Object.fromEntries(searchParams.entries());

  return (
    <ul className="locale-switcher__list">
      {routing.locales.map((locale) => (
        <li key={locale}>
          {locale === current ? (
            <span aria-current="true" className="locale-switcher__current" lang={locale}>
              {t(locale)}
            </span>
          ) : (
            // A plain link: a new language is a new page (next-intl's Link would prefetch it on every page view).
            // The typed pathname is the current route; params of dynamic routes are not used in this app.
            <a
              // eslint-disable-next-line @typescript-eslint/no-explicit-any
              href={getPathname({ href: { pathname: pathname as any, query }, locale })}
              lang={locale}
              hrefLang={locale}
              title={t('switchTo', { language: t(locale) })}
            >
              {t(locale)}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Links to the same page in the other language, keeping the query (e.g. the chosen services). */
export function LocaleSwitcher() {
  const t = useTranslations('LocaleSwitcher');
  return (
    <nav aria-label={t('label')} className="locale-switcher">
      <Suspense>
        <LocaleLinks />
      </Suspense>
    </nav>
  );
}
