import { Button, Heading, Section, Text } from 'react-email';
import { AppointmentDetails, DocumentsToBring } from './components/booking-details';
import { colors, MailLayout } from './components/mail-layout';
import { formatAppointment, mailLinks, mailTranslator, previewBooking, type BookingMailData } from './components/mail-text';

export type BookingReminderEmailProps = { booking: BookingMailData; appUrl: string };

/** 'Erinnerung: Ihr Termin am 3. Dezember 2026 um 09:40 Uhr – Buchungsnummer K7QM-4XPA' */
export function bookingReminderSubject({ booking }: Pick<BookingReminderEmailProps, 'booking'>): string {
  const t = mailTranslator(booking.locale);
  const when = formatAppointment(t, booking.locale, booking);
  return t('reminder.subject', { date: when.shortDate, time: when.time, code: booking.code });
}

/**
 * The reminder before an appointment: when and where, what to bring, and first of all the way to cancel or
 * move it, so a time the citizen cannot use goes back to others. The link opens the number-and-PIN form; nothing changes on a GET.
 */
export default function BookingReminderEmail({ booking, appUrl }: BookingReminderEmailProps) {
  const { locale } = booking;
  const t = mailTranslator(locale);
  const when = formatAppointment(t, locale, booking);
  const changeUrl = mailLinks(appUrl, locale, booking.code).cancel;
  return (
    <MailLayout locale={locale} t={t} preview={t('reminder.preview', { date: when.date, time: when.time })} heading={t('reminder.heading')} name={booking.name} location={booking.location}>
      <Text>{t('reminder.intro', { date: when.date, time: when.time })}</Text>
      <Section style={{ border: `2px solid ${colors.accent}`, borderRadius: '6px', padding: '4px 16px 16px', margin: '16px 0 8px' }}>
        <Heading as="h2" style={{ fontSize: '18px', lineHeight: '26px', margin: '12px 0 8px' }}>
          {t('reminder.cannotCome')}
        </Heading>
        <Text style={{ margin: '0 0 12px' }}>{t('reminder.cannotComeText')}</Text>
        <Button href={changeUrl} style={{ backgroundColor: colors.accent, color: '#ffffff', fontWeight: 'bold', borderRadius: '6px', padding: '12px 20px' }}>
          {t('reminder.changeLink')}
        </Button>
        <Text style={{ color: colors.muted, fontSize: '14px', lineHeight: '20px', margin: '12px 0 0' }}>
          {t('reminder.changeNote', { code: booking.code })}
          <br />
          <span data-skip-in-text="true">{changeUrl}</span>
        </Text>
      </Section>
      <AppointmentDetails t={t} locale={locale} booking={booking} />
      <Text style={{ margin: '8px 0 0' }}>
        {t('bookingNumber')}: <strong>{booking.code}</strong>
      </Text>
      <DocumentsToBring t={t} locale={locale} booking={booking} />
      <Text>{t('reminder.calendarHint')}</Text>
    </MailLayout>
  );
}

BookingReminderEmail.PreviewProps = { booking: previewBooking, appUrl: 'http://localhost:3000' } satisfies BookingReminderEmailProps;
