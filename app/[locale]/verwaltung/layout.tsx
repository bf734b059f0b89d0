import { NextIntlClientProvider } from 'next-intl';
import { getMessages, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { pickNamespaces, STAFF_CLIENT_NAMESPACES } from '@/lib/i18n/client-namespaces';
import type { Locale } from '@/lib/i18n/routing';

/** The staff area's client components translate with namespaces citizens' pages do not carry. */
export default async function StaffLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale as Locale);
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickNamespaces(messages, STAFF_CLIENT_NAMESPACES)}>{children}</NextIntlClientProvider>;
}
