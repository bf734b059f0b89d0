import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { QrScanner } from '@/components/front-desk/qr-scanner';
import { loadLocationForBooking } from '@/db/queries/availability';
import { frontDeskLocation } from '@/db/queries/front-desk';
import { pick } from '@/lib/format';
import { currentKiosk } from '@/lib/front-desk/kiosk-device';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { firstParam } from '@/lib/search-params';
import { checkInKioskAction, walkInKioskAction } from './actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const NOTICES = { 'not-found': 'notFound', 'too-early': 'tooEarly', 'too-late': 'tooLate', 'not-active': 'notFound', 'unknown-service': 'unknownService', 'no-time-today': 'noTimeToday' } as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Kiosk' }))('title'), robots: { index: false } };
}

/** The tablet at the entrance: appointments check in (QR code or booking number), walk-ins draw a number. */
export default async function KioskPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Kiosk');
  const kiosk = await currentKiosk();
  if (!kiosk) {
    return (
      <div className="device-screen kiosk">
        <h1>{t('title')}</h1>
        <p>{t('notPaired')}</p>
        <p>
          <Link href="/kiosk/koppeln" className="button button--primary">
            {t('pairTitle')}
          </Link>
        </p>
      </div>
    );
  }
  const office = await frontDeskLocation({ id: kiosk.locationId });
  const location = office ? await loadLocationForBooking({ slug: office.slug }) : null;
  const notice = NOTICES[firstParam((await searchParams).hinweis) as keyof typeof NOTICES];
  const other = locale === 'de' ? 'en' : 'de';
  return (
    <div className="device-screen kiosk">
      <div className="kiosk__top">
        <h1>
          {t('welcome')} <span className="kiosk__office">{office ? pick(office.name, locale) : ''}</span>
        </h1>
        <Link href="/kiosk" locale={other} className="button button--secondary" lang={other} hrefLang={other}>
          {other === 'en' ? 'English' : 'Deutsch'}
        </Link>
      </div>
      {notice && (
        <div className="alert alert--error kiosk__notice" role="alert">
          <p>{t(notice, { minutes: office?.checkInEarlyMinutes ?? 30 })}</p>
        </div>
      )}
      <div className="kiosk__columns">
        <section aria-labelledby="with-appointment" className="kiosk__panel">
          <h2 id="with-appointment">{t('withAppointment')}</h2>
          <QrScanner action={checkInKioskAction} locale={locale} />
          <form action={checkInKioskAction} className="kiosk__form">
            <input type="hidden" name="locale" value={locale} />
            <label htmlFor="kiosk-code">{t('bookingNumber')}</label>
            <p id="kiosk-code-hint" className="field__hint">
              {t('bookingNumberHint')}
            </p>
            <input id="kiosk-code" name="code" type="text" autoComplete="off" autoCapitalize="characters" spellCheck={false} required aria-describedby="kiosk-code-hint" />
            <button type="submit" className="button button--primary">
              {t('checkIn')}
            </button>
          </form>
        </section>
        <section aria-labelledby="without-appointment" className="kiosk__panel">
          <h2 id="without-appointment">{t('withoutAppointment')}</h2>
          <p>{t('pickService')}</p>
          <ul className="kiosk__services">
            {location?.services.map((service) => (
              <li key={service.slug}>
                <form action={walkInKioskAction}>
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="service" value={service.slug} />
                  <button type="submit" className="button button--secondary kiosk__service">
                    {pick(service.name, locale)}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
