import { getLocale, getTranslations } from 'next-intl/server';
import type { HeldBooking } from '@/db/queries/bookings';
import { listDocumentsForServices } from '@/db/queries/documents';
import { PageLink } from '@/components/ui/page-link';
import { BookingFacts } from './booking-facts';
import { DocumentList } from './document-list';
import { PrintButton } from '@/components/ui/print-button';
import { checkInQrDataUrl } from '@/lib/front-desk/check-in-qr';

/** What a citizen keeps after booking or moving: number, PIN, the facts, the calendar file, what to bring, how to cancel. */
export async function BookingReceipt({ booking, pin }: { booking: HeldBooking; pin: string | null }) {
  const t = await getTranslations('Booking');
  const locale = await getLocale();
  const qr = await checkInQrDataUrl(booking.checkInToken);
  return (
    <>
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
      <figure className="check-in-qr">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server; nothing to optimise */}
        <img src={qr} alt={t('confirmation.qrAlt', { code: booking.code })} width={160} height={160} data-testid="check-in-qr" />
        <figcaption>{t('confirmation.qrCaption')}</figcaption>
      </figure>
      <p className="come-early">{t('confirmation.comeEarly')}</p>
      <p className="actions">
        <a className="button button--secondary" href={`/api/termin/${encodeURIComponent(booking.code)}/ics?locale=${locale}`} download>
          {t('confirmation.ics')}
        </a>
        <PrintButton>{t('confirmation.print')}</PrintButton>
      </p>
      <h2>{t('time.bring')}</h2>
      <DocumentList documents={await listDocumentsForServices({ serviceIds: booking.items.map((i) => i.serviceId) })} />
      <p>
        {t('confirmation.cancelInfo')} <PageLink href={{ pathname: '/termin/absagen', query: { nummer: booking.code } }}>{t('confirmation.cancelLink')}</PageLink>
      </p>
    </>
  );
}
