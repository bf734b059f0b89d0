import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Waitlist.sent' }))('title'), robots: { index: false } };
}

/** After registering: the wish waits for its email address to be confirmed. */
export default async function WishSentPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Waitlist');
  return (
    <>
      <h1>{t('sent.title')}</h1>
      <div className="alert alert--success" role="status">
        <p>{t('sent.text')}</p>
      </div>
      <p>{t('sent.credentials')}</p>
      <p>
        <Link href="/termin/wunsch/status">{t('statusLinkText')}</Link>
      </p>
    </>
  );
}
