import { getLocale, getTranslations } from 'next-intl/server';
import type { DocumentToBring } from '@/db/queries/documents';
import { pick } from '@/lib/format';

export async function DocumentList({ documents }: { documents: DocumentToBring[] }) {
  const t = await getTranslations('Booking.time');
  const locale = await getLocale();
  return (
    <ul className="document-list">
      {documents.map((doc) => (
        <li key={doc.id}>
          {pick(doc.name, locale)}
          {doc.hint && <span className="muted"> – {pick(doc.hint, locale)}</span>}
          {doc.formUrl && (
            <>
              {' '}
              <a href={doc.formUrl}>{t('form')}</a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
