import { Img, Text } from 'react-email';
import { AppointmentDetails, CancelHint, Credentials, DocumentsToBring } from './components/booking-details';
import { MailLayout } from './components/mail-layout';
import { formatAppointment, mailLinks, mailTranslator, previewBooking, type BookingMailData } from './components/mail-text';

export type BookingConfirmedEmailProps = { booking: BookingMailData; pin: string; appUrl: string; /** The inline image's content id of the check-in QR code, when attached. */ qrCid?: string };

/** 'Ihr Termin am 3. Dezember 2026 um 09:40 Uhr – Buchungsnummer K7QM-4XPA' */
export function bookingConfirmedSubject({ booking }: Pick<BookingConfirmedEmailProps, 'booking'>): string {
  const t = mailTranslator(booking.locale);
  const when = formatAppointment(t, booking.locale, booking);
  return t('confirmed.subject', { date: when.shortDate, time: when.time, code: booking.code });
}

export default function BookingConfirmedEmail({ booking, pin, appUrl, qrCid }: BookingConfirmedEmailProps) {
  const { locale } = booking;
  const t = mailTranslator(locale);
  const when = formatAppointment(t, locale, booking);
  return (
    <MailLayout
      locale={locale}
      t={t}
      preview={t('confirmed.preview', { date: when.date, time: when.time })}
      heading={t('confirmed.heading')}
      name={booking.name}
      location={booking.location}
    >
      <Text>{t('confirmed.intro')}</Text>
      {booking.requestCode && <Text>{t('fromRequest', { code: booking.requestCode })}</Text>}
      <AppointmentDetails t={t} locale={locale} booking={booking} />
      <Credentials t={t} code={booking.code} pin={pin} />
      {qrCid && (
        <>
          <Img src={`cid:${qrCid}`} width="160" height="160" alt={t('checkInQrAlt', { code: booking.code })} />
          <Text>{t('checkInQr')}</Text>
        </>
      )}
      <DocumentsToBring t={t} locale={locale} booking={booking} />
      <CancelHint t={t} cancelUrl={mailLinks(appUrl, locale, booking.code).cancel} />
      <Text>{t('calendarHint')}</Text>
    </MailLayout>
  );
}

BookingConfirmedEmail.PreviewProps = { booking: previewBooking, pin: '482913', appUrl: 'http://localhost:3000' } satisfies BookingConfirmedEmailProps;
