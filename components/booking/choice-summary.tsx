import { getLocale, getTranslations } from 'next-intl/server';
import type { LocationForBooking } from '@/db/queries/availability';
import type { ChosenService } from '@/lib/booking/choice';
import { formatChoiceParam } from '@/lib/booking/choice';
import { pick } from '@/lib/format';
import { PageLink } from '@/components/ui/page-link';
import { durationOf } from '@/lib/slots';

/** The chosen services, the resulting length, and everything to bring (each document once). */
export async function ChoiceSummary({ location, services }: { location: LocationForBooking; services: ChosenService[] }) {
  const t = await getTranslations('Booking');
  const locale = await getLocale();
  const documentIds = [...new Set(services.flatMap((s) => s.documentIds))];
  return (
    <aside className="card choice-summary" aria-labelledby="choice-summary-title">
      <h2 id="choice-summary-title" className="h3">
        {t('time.summary')}
      </h2>
      <ul className="plain-list">
        {services.map((s) => (
          <li key={s.slug}>{t('summary.item', { count: s.count, service: pick(s.name, locale) })}</li>
        ))}
      </ul>
      <p>
        <strong>{t('time.duration', { minutes: durationOf(services) })}</strong>
      </p>
      <p>
        <PageLink href={{ pathname: '/termin', query: { standort: location.slug, leistungen: formatChoiceParam(services) } }}>{t('time.change')}</PageLink>
      </p>
      <h3 className="h4">{t('time.bring')}</h3>
      <ul className="document-list">
        {documentIds.map((id) => {
          const doc = location.documents.get(id)!;
          return (
            <li key={id}>
              {pick(doc.name, locale)}
              {doc.hint && <span className="muted"> – {pick(doc.hint, locale)}</span>}
              {doc.formUrl && (
                <>
                  {' '}
                  <a href={doc.formUrl}>{t('time.form')}</a>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
