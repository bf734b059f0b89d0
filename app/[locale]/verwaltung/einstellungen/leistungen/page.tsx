import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminFrame, AdminRefusal } from '@/components/admin/admin-frame';
import styles from '@/components/admin/admin.module.css';
import { DocumentForm } from '@/components/admin/document-form';
import { ServiceForm } from '@/components/admin/service-form';
import { adminAccess } from '@/lib/admin/access';
import { listLocationsForAdmin } from '@/lib/admin/locations';
import { listDocumentsForAdmin, listServicesForAdmin } from '@/lib/admin/services';
import { pick } from '@/lib/format';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Admin.services' }))('title'), robots: { index: false } };
}

const EMPTY = { de: '', en: '' };

export default async function ServiceSettingsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const access = await adminAccess();
  if (!access.ok) return <AdminRefusal access={access} locale={locale} />;
  const actor = access.user;
  const [t, services, locations, documents] = await Promise.all([getTranslations('Admin'), listServicesForAdmin({ actor }), listLocationsForAdmin({ actor }), listDocumentsForAdmin({ actor })]);
  const documentChoices = documents.map((d) => ({ id: d.id, name: pick(d.name, locale) }));
  const offersOf = (service?: (typeof services)[number]) =>
    locations.map((l) => {
      const offer = service?.offers.find((o) => o.locationId === l.id);
      return { locationId: l.id, locationName: pick(l.name, locale), offered: !!offer, minutesPerUnit: offer?.minutesPerUnit ?? 0, maxCount: offer?.maxCount ?? 1 };
    });
  return (
    <AdminFrame user={actor} locale={locale} current="/verwaltung/einstellungen/leistungen" title={t('services.title')}>
      <p className="lead">{t('services.intro')}</p>
      {services.map((service) => (
        <ServiceForm
          key={service.id}
          locale={locale}
          title={`${pick(service.name, locale)}${service.active ? '' : ` ${t('services.inactive')}`}`}
          documents={documentChoices}
          service={{ id: service.id, name: service.name, description: service.description, fee: service.fee, active: service.active, documentIds: service.documentIds, offers: offersOf(service) }}
        />
      ))}
      <ServiceForm
        locale={locale}
        title={t('services.newTitle')}
        documents={documentChoices}
        service={{ id: 'new', name: EMPTY, description: EMPTY, fee: null, active: true, documentIds: [], offers: offersOf() }}
      />

      <section aria-labelledby="documents-title" className={styles.section}>
        <h2 id="documents-title">{t('documents.title')}</h2>
        <p>{t('documents.intro')}</p>
        {documents.map((document) => (
          <DocumentForm key={document.id} locale={locale} title={`${pick(document.name, locale)}${document.formUrl ? ` ${t('documents.withForm')}` : ''}`} document={{ id: document.id, name: document.name, hint: document.hint, formUrl: document.formUrl }} />
        ))}
        <DocumentForm locale={locale} title={t('documents.newTitle')} document={{ id: 'new', name: EMPTY, hint: null, formUrl: null }} />
      </section>
    </AdminFrame>
  );
}
