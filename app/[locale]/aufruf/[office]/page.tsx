import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { CallBoard } from '@/components/front-desk/call-board';
import { frontDeskLocation } from '@/db/queries/front-desk';
import { pick } from '@/lib/format';
import { displayState } from '@/lib/front-desk/desk';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale; office: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'CallDisplay' }))('title'), robots: { index: false } };
}

/** The waiting room's TV: the latest calls, numbers and counters only, live through Server-Sent Events. */
export default async function CallDisplayPage({ params }: Props) {
  const { locale, office } = await params;
  setRequestLocale(locale);
  const location = await frontDeskLocation({ slug: office });
  if (!location) notFound();
  const t = await getTranslations('CallDisplay');
  const state = await displayState({ locationId: location.id, timeZone: location.timeZone });
  return (
    <div className="device-screen call-display">
      <h1 className="call-display__title">
        {t('heading')} <span className="call-display__office">{pick(location.name, locale)}</span>
      </h1>
      <CallBoard office={location.slug} initial={state.calls} />
    </div>
  );
}
