import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { BookingFacts } from '@/components/booking/booking-facts';
import { DocumentList } from '@/components/booking/document-list';
import { StepIndicator } from '@/components/booking/step-indicator';
import { listDocumentsForServices } from '@/db/queries/documents';
import { currentHold } from '@/lib/booking/current-hold';
import { unsealPin } from '@/lib/booking/secrets';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Booking.confirmation' }))('title') };
}

export default async function ConfirmationPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { nummer } = await searchParams;
  const t = await getTranslations('Booking');
  const hold = await currentHold();
  // Only the browser that booked sees the PIN again: it holds the token the PIN was sealed with.
  if (hold.state !== 'booked' || hold.booking.code !== nummer) {
    return (
      <>
        <h1>{t('confirmation.title')}</h1>
        <p className="alert alert--info">{t('confirmation.notFound')}</p>
      </>
    );
  }
  const { booking } = hold;
  const pin = booking.pinSealed ? unsealPin(booking.pinSealed, hold.token) : null;

  return (
    <>
      <StepIndicator current="done" />
      <div className="alert alert--success" role="status">
        <h1>{t('confirmation.title')}</h1>
        <p>{t('confirmation.intro', { email: booking.email ?? '' })}</p>
      </div>
      <dl className="secrets">
        <div>
          <dt>{t('confirmation.code')}</dt>
          <dd className="secret" data-testid="booking-code">
            {booking.code}
          </dd>
        </div>
        {pin && (
          <div>
            <dt>{t('confirmation.pin')}</dt>
            <dd className="secret" data-testid="booking-pin">
              {pin}
            </dd>
          </div>
        )}
      </dl>
      <p className="muted">{t('confirmation.pinNote')}</p>
      <BookingFacts booking={booking} showContact />
      <p className="actions">
        <a className="button button--secondary" href={`/api/termin/${encodeURIComponent(booking.code)}/ics?locale=${locale}`} download>
          {t('confirmation.ics')}
        </a>
      </p>
      <h2>{t('time.bring')}</h2>
      <DocumentList documents={await listDocumentsForServices({ serviceIds: booking.items.map((i) => i.serviceId) })} />
      <p>
        {t('confirmation.cancelInfo')} <Link href={{ pathname: '/termin/absagen', query: { nummer: booking.code } }}>{t('confirmation.cancelLink')}</Link>
      </p>
    </>
  );
}
