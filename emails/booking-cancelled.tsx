import { Link, Section, Text } from 'react-email';
import { pick } from '@/lib/format';
import { colors, MailLayout } from './components/mail-layout';
import { formatAppointment, mailLinks, mailTranslator, previewBooking, type BookingMailData } from './components/mail-text';

export type BookingCancelledEmailProps = { booking: BookingMailData; reason?: string; appUrl: string };

/** 'Ihr Termin am 3. Dezember 2026 um 09:40 Uhr ist abgesagt – Buchungsnummer K7QM-4XPA' */
export function bookingCancelledSubject({ booking }: Pick<BookingCancelledEmailProps, 'booking'>): string {
  const t = mailTranslator(booking.locale);
  const when = formatAppointment(t, booking.locale, booking);
  return t('cancelled.subject', { date: when.shortDate, time: when.time, code: booking.code });
}

export default function BookingCancelledEmail({ booking, reason, appUrl }: BookingCancelledEmailProps) {
  const { locale } = booking;
  const t = mailTranslator(locale);
  const when = formatAppointment(t, locale, booking);
  const services = booking.items.map((item) => t('serviceCount', { count: item.count, name: pick(item.name, locale) })).join(', ');
  return (
    <MailLayout
      locale={locale}
      t={t}
      preview={t('cancelled.preview', { date: when.date, time: when.time })}
      heading={t('cancelled.heading')}
      name={booking.name}
      location={booking.location}
    >
      <Text>{t('cancelled.intro')}</Text>
      <Section style={{ backgroundColor: colors.panel, borderRadius: '6px', padding: '4px 16px' }}>
        <Text>
          <strong>
            {when.date}, {when.time}
          </strong>
          <br />
          {pick(booking.location.name, locale)}, {booking.location.street}, {booking.location.postalCode} {booking.location.city}
          <br />
          {services}
          <br />
          {t('bookingNumber')}: {booking.code}
        </Text>
      </Section>
      {reason && <Text>{t('cancelled.reason', { reason })}</Text>}
      <Text>
        {t('cancelled.bookAgain')}
        <br />
        <Link href={mailLinks(appUrl, locale, booking.code).book} style={{ color: colors.accent, fontWeight: 'bold' }}>
          {t('cancelled.bookAgainLink')}
        </Link>
      </Text>
    </MailLayout>
  );
}

BookingCancelledEmail.PreviewProps = { booking: previewBooking, reason: 'Der Schalter ist an diesem Tag nicht besetzt.', appUrl: 'http://localhost:3000' } satisfies BookingCancelledEmailProps;
