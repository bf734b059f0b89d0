import type { Metadata } from 'next';
import { firstParam } from '@/lib/search-params';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ServicePicker } from '@/components/booking/service-picker';
import { ClientMessages } from '@/components/client-messages';
import { StepIndicator } from '@/components/booking/step-indicator';
import { loadLocationForBooking } from '@/db/queries/availability';
import { listLocations } from '@/db/queries/locations';
import { parseChoiceParam, serviceInLanguage } from '@/lib/booking/choice';
import { SERVICES_STEP_CLIENT_NAMESPACES } from '@/lib/i18n/client-namespaces';
import { pick } from '@/lib/format';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Booking.services' }))('title') };
}


export default async function ChooseServicesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations('Booking.services');
  const bookable = (await listLocations()).filter((l) => l.mode === 'booking');
  const chosenSlug = bookable.find((l) => l.slug === firstParam(query.standort))?.slug ?? bookable[0]?.slug;
  const location = chosenSlug ? await loadLocationForBooking({ slug: chosenSlug }) : null;

  return (
    <>
      <StepIndicator current="services" />
      <h1>{t('title')}</h1>
      {!location ? (
        <p className="alert alert--info">{t('noBookingLocation')}</p>
      ) : (
        <>
          <p className="lead">{t('intro')}</p>
          <p>
            <strong>{t('location')}:</strong> {pick(location.name, locale)}, {location.street}, {location.postalCode} {location.city}
          </p>
          <ClientMessages namespaces={SERVICES_STEP_CLIENT_NAMESPACES}>
            <ServicePicker
              locationSlug={location.slug}
              locale={locale}
              initialCounts={Object.fromEntries(parseChoiceParam(firstParam(query.leistungen)))}
              services={location.services.map((s) => ({
                ...serviceInLanguage(s, locale),
                documents: s.documentIds.map((id) => location.documents.get(id)!).map((d) => ({ id: d.id, name: pick(d.name, locale), formUrl: d.formUrl })),
              }))}
            />
          </ClientMessages>
        </>
      )}
    </>
  );
}
