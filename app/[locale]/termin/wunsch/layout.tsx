import { NextIntlClientProvider } from 'next-intl';
import { getMessages, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { pickNamespaces, WAITLIST_CLIENT_NAMESPACES } from '@/lib/i18n/client-namespaces';
import type { Locale } from '@/lib/i18n/routing';

/** The Terminwunsch forms translate with a namespace the other citizens' pages do not carry. */
export default async function WaitlistLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale as Locale);
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickNamespaces(messages, WAITLIST_CLIENT_NAMESPACES)}>{children}</NextIntlClientProvider>;
}
