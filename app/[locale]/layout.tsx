import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { DeviceGate } from '@/components/device-gate';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { ClientMessages } from '@/components/client-messages';
import { LAYOUT_CLIENT_NAMESPACES } from '@/lib/i18n/client-namespaces';
import { routing } from '@/lib/i18n/routing';

// Every page reads live data (free slots, bookings); nothing is prerendered at build time.
export const dynamic = 'force-dynamic';


type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  return { title: { default: t('title'), template: `%s – ${t('title')}` }, description: t('description') };
}

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Layout' });

  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        {/* Only what every page's client components translate goes to the browser; routes with forms add theirs. */}
        <ClientMessages namespaces={LAYOUT_CLIENT_NAMESPACES}>
          <DeviceGate>
            <SiteHeader />
          </DeviceGate>
          <main id="main" className="container" tabIndex={-1}>
            {children}
          </main>
          <DeviceGate>
            <SiteFooter />
          </DeviceGate>
        </ClientMessages>
      </body>
    </html>
  );
}
