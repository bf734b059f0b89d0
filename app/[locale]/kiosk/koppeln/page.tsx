import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { firstParam } from '@/lib/search-params';
import type { Locale } from '@/lib/i18n/routing';
import { pairKioskAction } from '../actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Kiosk' }))('pairTitle'), robots: { index: false } };
}

/** Pairs this browser as a kiosk with the token an admin created under Einstellungen → Kiosk-Geräte. */
export default async function KioskPairPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Kiosk');
  const invalid = firstParam((await searchParams).hinweis) === 'invalid';
  return (
    <div className="device-screen kiosk">
      <h1>{t('pairTitle')}</h1>
      <p>{t('pairIntro')}</p>
      <form action={pairKioskAction} className="kiosk__form">
        <input type="hidden" name="locale" value={locale} />
        <label htmlFor="kiosk-token">{t('pairToken')}</label>
        <input id="kiosk-token" name="token" type="text" autoComplete="off" required aria-invalid={invalid || undefined} aria-describedby={invalid ? 'kiosk-token-error' : undefined} />
        {invalid && (
          <p id="kiosk-token-error" className="field__error" role="alert">
            {t('pairInvalid')}
          </p>
        )}
        <button type="submit" className="button button--primary">
          {t('pairSubmit')}
        </button>
      </form>
    </div>
  );
}
