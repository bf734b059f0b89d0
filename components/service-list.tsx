import { getLocale, getTranslations } from 'next-intl/server';
import type { CatalogService } from '@/db/queries/services';
import { pick } from '@/lib/format';

/** Every service with its duration at `locationId` and what to bring, folded so the page stays short. */
export async function ServiceList({ services, locationId }: { services: CatalogService[]; locationId: number }) {
  const t = await getTranslations('Home');
  const locale = await getLocale();

  return (
    <ul className="service-list">
      {services.map((service) => {
        const offer = service.offers.find((o) => o.locationId === locationId) ?? service.offers[0];
        return (
          <li key={service.id}>
            <details className="service">
              <summary>
                <span className="service__name">{pick(service.name, locale)}</span>
                {offer && <span className="service__duration">{t('duration', { minutes: offer.minutesPerUnit })}</span>}
              </summary>
              <div className="service__body">
                <p>{pick(service.description, locale)}</p>
                {offer && <p className="muted">{t('durationLong', { minutes: offer.minutesPerUnit })}</p>}
                <h4>{t('bring')}</h4>
                {service.documents.length === 0 ? (
                  <p>{t('noDocuments')}</p>
                ) : (
                  <ul className="document-list">
                    {service.documents.map((doc) => (
                      <li key={doc.id}>
                        {pick(doc.name, locale)}
                        {doc.hint && <span className="muted"> – {pick(doc.hint, locale)}</span>}
                        {doc.formUrl && (
                          <>
                            {' '}
                            <a href={doc.formUrl} aria-label={t('formLabel', { name: pick(doc.name, locale) })}>
                              {t('form')}
                            </a>
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
