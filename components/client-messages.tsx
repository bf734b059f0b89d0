import { NextIntlClientProvider, useMessages } from 'next-intl';
import { setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { pickNamespaces } from '@/lib/i18n/client-namespaces';
import type { Locale } from '@/lib/i18n/routing';

/**
 * The message namespaces the client components below translate with, and no more: each goes into the page's
 * RSC payload (lib/i18n/client-namespaces.ts). A nested provider replaces the outer one's messages for its
 * children, so a route lists all its client components need.
 */
export function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: ReactNode }) {
  return <NextIntlClientProvider messages={pickNamespaces(useMessages(), namespaces)}>{children}</NextIntlClientProvider>;
}

/** A route's layout that does nothing but send its client components' namespaces: `export default clientMessagesLayout([...])`. */
export function clientMessagesLayout(namespaces: readonly string[]) {
  return async function ClientMessagesLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
    setRequestLocale((await params).locale as Locale);
    return <ClientMessages namespaces={namespaces}>{children}</ClientMessages>;
  };
}
