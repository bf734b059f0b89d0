import { createTranslator } from 'next-intl';
import type { BookingMailData, MailLocale } from '@/db/queries/mail-data';
import { clockFormat, intlLocale, pick } from '@/lib/format';
import { routing } from '@/lib/i18n/routing';
import de from '@/messages/de.json';
import en from '@/messages/en.json';

export type { BookingMailData, MailLocale };

export const mailTranslator = (locale: MailLocale) =>
  createTranslator({ locale, messages: locale === 'en' ? en : de, namespace: 'Emails' });

export type MailTranslator = ReturnType<typeof mailTranslator>;

// Dates as the website writes them (lib/format.ts); times use the 24-hour clock in both languages, as the
// website, the office's signs and the calendar file do.

/** Date, time and duration of an appointment as the reader says them, in the office's time zone. */
export function formatAppointment(t: MailTranslator, locale: MailLocale, booking: Pick<BookingMailData, 'start' | 'end' | 'location'>) {
  const timeZone = booking.location.timeZone;
  const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(intlLocale(locale), { timeZone, ...options }).format(booking.start);
  const clock = format(clockFormat);
  return {
    /** 'Donnerstag, 3. Dezember 2026' */
    date: format({ dateStyle: 'full' }),
    /** '3. Dezember 2026', for subjects */
    shortDate: format({ dateStyle: 'long' }),
    /** '09:40 Uhr' / '09:40' */
    time: t('time', { time: clock }),
    duration: t('duration', { minutes: Math.round((booking.end.getTime() - booking.start.getTime()) / 60_000) }),
  };
}

/** 'Bürgeramt Musterstadt-Mitte, Marktplatz 1, 72345 Musterstadt' */
export const officeAddress = (location: BookingMailData['location'], locale: MailLocale) =>
  `${pick(location.name, locale)}, ${location.street}, ${location.postalCode} ${location.city}`;

/** Absolute links into the app; they only open pages, nothing changes on a GET. */
export function mailLinks(appUrl: string, locale: MailLocale, code: string) {
  const base = `${appUrl.replace(/\/$/, '')}/${locale}`;
  return {
    cancel: `${base}${routing.pathnames['/termin/absagen'][locale]}?nummer=${encodeURIComponent(code)}`,
    book: `${base}${routing.pathnames['/termin'][locale]}`,
  };
}

/** Sample data for the react-email preview (`email dev`); never sent. */
export const previewBooking: BookingMailData = {
  id: 1,
  code: 'K7QM-4XPA',
  checkInToken: '0123456789abcdef0123456789abcdef',
  locale: 'de',
  status: 'booked',
  name: 'Erika Mustermann',
  email: 'erika@example.org',
  start: new Date('2026-12-03T08:40:00Z'),
  end: new Date('2026-12-03T09:20:00Z'),
  location: {
    name: { de: 'Bürgeramt Musterstadt-Mitte', en: 'Citizens’ Office Musterstadt Centre' },
    street: 'Marktplatz 1',
    postalCode: '72345',
    city: 'Musterstadt',
    phone: '07123 456-100',
    email: 'buergeramt@musterstadt.example',
    timeZone: 'Europe/Berlin',
  },
  items: [{ name: { de: 'Reisepass beantragen', en: 'Apply for a passport' }, fee: { de: '70,00 € je Pass', en: '€70.00 per passport' }, count: 2, minutesPerUnit: 20 }],
  documents: [
    { name: { de: 'Biometrisches Passfoto', en: 'Biometric passport photo' }, hint: null, formUrl: null },
    { name: { de: 'Antrag Reisepass', en: 'Passport application' }, hint: { de: 'ausgefüllt', en: 'filled in' }, formUrl: 'https://musterstadt.example/formulare/reisepass.pdf' },
  ],
  chain: { originalCode: 'K7QM-4XPA', reschedules: 0 },
  requestCode: null,
};
