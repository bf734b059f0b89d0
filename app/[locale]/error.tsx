'use client';

import { useTranslations } from 'next-intl';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('Error');
  return (
    <section role="alert" aria-labelledby="error-title">
      <h1 id="error-title">{t('title')}</h1>
      <p>{t('text')}</p>
      <button type="button" className="button button--primary" onClick={reset}>
        {t('retry')}
      </button>
    </section>
  );
}
