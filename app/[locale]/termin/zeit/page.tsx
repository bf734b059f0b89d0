import type { Metadata } from 'next';
import { challengeUrlFor } from '@/lib/abuse/challenge-url';
import { firstParam } from '@/lib/search-params';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ChoiceSummary } from '@/components/booking/choice-summary';
import { StepIndicator } from '@/components/booking/step-indicator';
import { TimePicker } from '@/components/booking/time-picker';
import { horizonEnd, localToday } from '@/lib/booking/availability';
import { availabilityCache } from '@/lib/booking/availability-cache';
import { parseChoiceParam, resolveChoice } from '@/lib/booking/choice';
import { PageLink } from '@/components/ui/page-link';
import type { Locale } from '@/lib/i18n/routing';
import { durationOf } from '@/lib/slots';
import { holdSlotAction } from '../actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Booking.time' }))('title') };
}

export default async function ChooseTimePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations('Booking.time');
  const tWaitlist = await getTranslations('Waitlist');
  // A rush asks the same: office and free times are shared between requests until PostgreSQL reports a change.
  const availability = await availabilityCache().snapshot();
  const location = await availability.location(firstParam(query.standort));
  const services = location?.mode === 'booking' ? resolveChoice(location.services, parseChoiceParam(firstParam(query.leistungen))) : null;

  if (!location || !services) {
    return (
      <>
        <StepIndicator current="time" />
        <h1>{t('title')}</h1>
        <p className="alert alert--info">{t('invalidChoice')}</p>
        <p>
          <PageLink href="/termin" className="button button--primary">
            {t('change')}
          </PageLink>
        </p>
      </>
    );
  }

  const now = new Date();
  const slots = await availability.findSlots({ location, durationMinutes: durationOf(services), from: localToday(location, now), to: horizonEnd(location, now), now });
  const leistungen = firstParam(query.leistungen);

  return (
    <>
      <StepIndicator current="time" />
      <h1>{t('title')}</h1>
      <TimePicker
        location={location}
        slots={slots}
        query={query}
        pathname="/termin/zeit"
        baseQuery={{ standort: location.slug, leistungen }}
        action={holdSlotAction}
        hidden={{ locale, location: location.slug, services: leistungen }}
        aside={<ChoiceSummary location={location} services={services} />}
        challengeUrl={challengeUrlFor(location)}
        now={now}
      />
      <p className="alert alert--info">
        <PageLink href="/termin/wunsch">{tWaitlist('timeLink')}</PageLink>
      </p>
    </>
  );
}
