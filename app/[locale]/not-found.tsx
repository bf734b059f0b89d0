import { getTranslations } from 'next-intl/server';
import { PageLink } from '@/components/ui/page-link';

export default async function NotFound() {
  const t = await getTranslations('NotFound');
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('title')}</h1>
      <p>{t('text')}</p>
      <p>
        <PageLink href="/" className="button button--primary">
          {t('back')}
        </PageLink>
      </p>
    </section>
  );
}
