import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminFrame, AdminRefusal } from '@/components/admin/admin-frame';
import { ServiceForm } from '@/components/admin/service-form';
import { adminAccess } from '@/lib/admin/access';
import { listLocationsForAdmin } from '@/lib/admin/locations';
import { listServicesForAdmin } from '@/lib/admin/services';
import { pick } from '@/lib/format';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Admin.services' }))('title'), robots: { index: false } };
}

export default async function ServiceSettingsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const access = await adminAccess();
  if (!access.ok) return <AdminRefusal access={access} locale={locale} />;
  const actor = access.user;
  const [t, services, locations] = await Promise.all([getTranslations('Admin.services'), listServicesForAdmin({ actor }), listLocationsForAdmin({ actor })]);
  return (
    <AdminFrame user={actor} locale={locale} current="/verwaltung/einstellungen/leistungen" title={t('title')}>
      <p className="lead">{t('intro')}</p>
      {services.map((service) => (
        <ServiceForm
          key={service.id}
          locale={locale}
          title={`${pick(service.name, locale)}${service.active ? '' : ` ${t('inactive')}`}`}
          service={{
            id: service.id,
            name: service.name,
            description: service.description,
            offers: locations.map((l) => {
              const offer = service.offers.find((o) => o.locationId === l.id);
              return { locationId: l.id, locationName: pick(l.name, locale), offered: !!offer, minutesPerUnit: offer?.minutesPerUnit ?? 0, maxCount: offer?.maxCount ?? 1 };
            }),
          }}
        />
      ))}
    </AdminFrame>
  );
}
