import type { Metadata } from 'next';
import { firstParam } from '@/lib/search-params';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { WithdrawForm } from '@/components/requests/withdraw-form';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Request.withdraw' }))('title'), robots: { index: false } };
}


/** Withdraw an appointment request. A GET only shows the form (also from the mail link); the POST with the PIN withdraws. */
export default async function WithdrawRequestPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations('Request.withdraw');
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <WithdrawForm locale={locale} initialCode={firstParam(query.nummer).slice(0, 30)} />
    </>
  );
}
