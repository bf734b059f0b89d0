import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LegalPage } from '@/components/legal-page';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Legal.accessibility' }))('title') };
}

export default async function AccessibilityPage({ params }: Props) {
  setRequestLocale((await params).locale);
  return <LegalPage page="accessibility" />;
}
