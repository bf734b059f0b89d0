import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LocationCard } from '@/components/location-card';
import { ServiceList } from '@/components/service-list';
import { listLocations } from '@/db/queries/locations';
import { listServiceCatalog } from '@/db/queries/services';
import { PageLink } from '@/components/ui/page-link';
import type { Locale } from '@/lib/i18n/routing';

export default async function HomePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, tWaitlist, locations, services] = await Promise.all([getTranslations('Home'), getTranslations('Waitlist'), listLocations(), listServiceCatalog()]);
  const mainOffice = locations.find((l) => l.mode === 'booking') ?? locations[0];

  return (
    <>
      <section className="hero" aria-labelledby="page-title">
        <h1 id="page-title">{t('title')}</h1>
        <p className="lead">{t('intro')}</p>
        <p className="actions">
          <PageLink href="/termin" className="button button--primary">
            {t('bookCta')}
          </PageLink>
          <PageLink href="/termin/absagen" className="button button--secondary">
            {t('cancelCta')}
          </PageLink>
        </p>
        <p>
          <PageLink href="/termin/wunsch">{tWaitlist('cardLink')}</PageLink>
        </p>
      </section>

      <section aria-labelledby="locations-title">
        <h2 id="locations-title">{t('locationsTitle')}</h2>
        <div className="card-grid">
          {locations.map((location) => (
            <LocationCard key={location.id} location={location} />
          ))}
        </div>
      </section>

      {mainOffice && (
        <section aria-labelledby="services-title">
          <h2 id="services-title">{t('servicesTitle')}</h2>
          <p>{t('servicesIntro')}</p>
          <ServiceList services={services} locationId={mainOffice.id} />
        </section>
      )}
    </>
  );
}
