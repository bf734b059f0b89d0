import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

export default async function NotFound() {
  const t = await getTranslations('NotFound');
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('title')}</h1>
      <p>{t('text')}</p>
      <p>
        <Link href="/" className="button button--primary">
          {t('back')}
        </Link>
      </p>
    </section>
  );
}
