import { getTranslations } from 'next-intl/server';

/** A plain text page whose title and paragraphs come from the `Legal.<page>` messages. */
export async function LegalPage({ page }: { page: 'imprint' | 'privacy' | 'accessibility' }) {
  const t = await getTranslations(`Legal.${page}`);
  const paragraphs = t.raw('body') as string[];
  return (
    <article aria-labelledby="page-title" className="prose">
      <h1 id="page-title">{t('title')}</h1>
      {paragraphs.map((text) => (
        <p key={text}>{text}</p>
      ))}
    </article>
  );
}
