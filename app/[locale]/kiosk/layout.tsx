import { NextIntlClientProvider } from 'next-intl';
import { getMessages, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { pickNamespaces, KIOSK_CLIENT_NAMESPACES } from '@/lib/i18n/client-namespaces';
import type { Locale } from '@/lib/i18n/routing';

/** The kiosk's client components (the QR scanner) translate with a namespace citizens' pages do not carry. */
export default async function KioskLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale as Locale);
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickNamespaces(messages, KIOSK_CLIENT_NAMESPACES)}>{children}</NextIntlClientProvider>;
}
