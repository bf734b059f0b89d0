import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { WishStatus } from '@/components/waitlist/wish-status';
import type { Locale } from '@/lib/i18n/routing';
import { firstParam } from '@/lib/search-params';
import { wishBounds, wishOffices } from '@/lib/waitlist/offices';
import { wishWeekdays } from '@/lib/waitlist/weekdays';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Waitlist.status' }))('title'), robots: { index: false } };
}

/** A wish's status: place in the queue, a standing offer to accept or decline, change or delete. A GET only shows the PIN form. */
export default async function WishStatusPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Waitlist.status');
  const offices = await wishOffices();
  const { first, last } = wishBounds(offices);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <WishStatus locale={locale} initialCode={firstParam((await searchParams).nummer).slice(0, 30)} weekdays={await wishWeekdays(offices, locale)} first={first} last={last} />
    </>
  );
}
