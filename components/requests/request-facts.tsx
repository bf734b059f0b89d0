import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { RequestDetails } from '@/db/queries/requests';
import { pick } from '@/lib/format';

/** Where, what and which days: one appointment request as a description list. */
export async function RequestFacts({ request }: { request: RequestDetails }) {
  const t = await getTranslations('Request.facts');
  const tParts = await getTranslations('Request.form.parts');
  const format = await getFormatter();
  const locale = await getLocale();
  const { location } = request;
  return (
    <dl className="facts">
      <div>
        <dt>{t('office')}</dt>
        <dd>
          {pick(location.name, locale)}
          <br />
          {location.street}, {location.postalCode} {location.city}
        </dd>
      </div>
      <div>
        <dt>{t('services')}</dt>
        <dd>
          <ul className="plain-list">
            {request.items.map((item) => (
              <li key={item.serviceId}>
                {item.count} × {pick(item.name, locale)}
              </li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt>{t('preferences')}</dt>
        <dd>
          <ul className="plain-list">
            {request.preferences.map((p) => (
              <li key={`${p.date}-${p.partOfDay}`}>
                {format.dateTime(new Date(`${p.date}T12:00:00Z`), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}, {tParts(p.partOfDay)}
              </li>
            ))}
          </ul>
        </dd>
      </div>
      {request.note && (
        <div>
          <dt>{t('note')}</dt>
          <dd>{request.note}</dd>
        </div>
      )}
    </dl>
  );
}
