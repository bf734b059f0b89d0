import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ConfirmWishForm } from '@/components/waitlist/confirm-wish-form';
import { getPathname } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { firstParam } from '@/lib/search-params';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Waitlist.confirm' }))('title'), robots: { index: false } };
}

/** The page the confirmation link opens: a GET shows a button, its POST confirms (mail scanners confirm nothing). */
export default async function ConfirmWishPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const token = firstParam((await searchParams).token).slice(0, 100);
  const t = await getTranslations('Waitlist.confirm');
  return (
    <>
      <h1>{t('title')}</h1>
      {token ? (
        <>
          <p className="lead">{t('text')}</p>
          <ConfirmWishForm locale={locale} token={token} statusHref={getPathname({ href: '/termin/wunsch/status', locale })} />
        </>
      ) : (
        <p className="alert alert--error">{t('missing')}</p>
      )}
    </>
  );
}
