import { Section, Text } from 'react-email';
import { AppointmentDetails, CancelHint, Credentials, DocumentsToBring } from './components/booking-details';
import { colors, MailLayout } from './components/mail-layout';
import { formatAppointment, mailLinks, mailTranslator, previewBooking, type BookingMailData } from './components/mail-text';

export type BookingRescheduledEmailProps = {
  /** The new booking. */
  booking: BookingMailData;
  previous: Pick<BookingMailData, 'code' | 'start' | 'end' | 'location'>;
  pin: string;
  appUrl: string;
};

/** 'Ihr Termin ist verlegt auf 3. Dezember 2026 um 09:40 Uhr – Buchungsnummer K7QM-4XPA' */
export function bookingRescheduledSubject({ booking }: Pick<BookingRescheduledEmailProps, 'booking'>): string {
  const t = mailTranslator(booking.locale);
  const when = formatAppointment(t, booking.locale, booking);
  return t('rescheduled.subject', { date: when.shortDate, time: when.time, code: booking.code });
}

export default function BookingRescheduledEmail({ booking, previous, pin, appUrl }: BookingRescheduledEmailProps) {
  const { locale } = booking;
  const t = mailTranslator(locale);
  const when = formatAppointment(t, locale, booking);
  const before = formatAppointment(t, locale, previous);
  return (
    <MailLayout
      locale={locale}
      t={t}
      preview={t('rescheduled.preview', { date: when.date, time: when.time })}
      heading={t('rescheduled.heading')}
      name={booking.name}
      location={booking.location}
    >
      <Text>{t('rescheduled.intro')}</Text>
      <Section>
        <Text style={{ color: colors.muted, margin: '0 0 12px' }}>
          {t('rescheduled.previous')}:{' '}
          <s>
            {before.date}, {before.time} ({previous.code})
          </s>
        </Text>
      </Section>
      <AppointmentDetails t={t} locale={locale} booking={booking} />
      <Credentials t={t} code={booking.code} pin={pin} />
      <Text style={{ fontSize: '14px', lineHeight: '20px' }}>{t('rescheduled.newCredentials')}</Text>
      <DocumentsToBring t={t} locale={locale} booking={booking} />
      <CancelHint t={t} cancelUrl={mailLinks(appUrl, locale, booking.code).cancel} />
      <Text>{t('calendarHint')}</Text>
    </MailLayout>
  );
}

BookingRescheduledEmail.PreviewProps = {
  booking: { ...previewBooking, code: 'M3RT-9ZWB', chain: { originalCode: previewBooking.code, reschedules: 1 } },
  previous: { ...previewBooking, start: new Date('2026-12-01T13:00:00Z'), end: new Date('2026-12-01T13:40:00Z') },
  pin: '730154',
  appUrl: 'http://localhost:3000',
} satisfies BookingRescheduledEmailProps;
