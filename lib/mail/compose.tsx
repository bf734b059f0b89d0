import 'server-only';
import { render } from 'react-email';
import type { ReactElement } from 'react';
import type { DbOrTx } from '@/db/client';
import { loadBookingForMail, type BookingMailData } from '@/db/queries/mail-data';
import BookingCancelledEmail, { bookingCancelledSubject } from '@/emails/booking-cancelled';
import BookingConfirmedEmail, { bookingConfirmedSubject } from '@/emails/booking-confirmed';
import BookingRescheduledEmail, { bookingRescheduledSubject } from '@/emails/booking-rescheduled';
import { mailLinks, mailTranslator, officeAddress } from '@/emails/components/mail-text';
import { env } from '@/lib/env';
import { pick } from '@/lib/format';
import { composeReminderMail } from './compose-reminder';
import { composeRequestMail } from './compose-request';
import { checkInQrPng } from '@/lib/front-desk/check-in-qr';
import { composeWaitlistMail } from './compose-waitlist';
import { buildCalendarEvent, calendarSequence, calendarUid, type CalendarMethod } from './ics';
import type { OutboxMail } from './outbox';
import { senderAddress, type OutgoingMail } from './transport';

/** A mail that can never be sent (its booking is gone); the worker gives up at once instead of retrying. */
export class UnsendableMailError extends Error {}

const QR_CID = 'check-in-qr@amtstermin';

type Addressed = BookingMailData & { email: string };

export type ComposedMail = { send: OutgoingMail } | { skip: string };

/** Statuses after which a confirmation would be wrong: the booking no longer stands. */
const gone = new Set<BookingMailData['status']>(['cancelled', 'expired']);

/** Reads the booking(s) a queued mail is about and renders it; or says why it is dropped. */
export async function composeMail(mail: OutboxMail, { tx }: { tx?: DbOrTx } = {}): Promise<ComposedMail> {
  if (mail.kind === 'request-received' || mail.kind === 'request-declined') {
    const composed = await composeRequestMail(mail, { tx });
    if (!composed) throw new UnsendableMailError(`request ${mail.requestId} not found`);
    return composed;
  }
  if (mail.kind === 'booking-reminder') return composeReminderMail(mail, { tx });
  if (mail.kind === 'waitlist-confirm' || mail.kind === 'waitlist-offer') {
    const composed = await composeWaitlistMail(mail, { tx });
    if (!composed) throw new UnsendableMailError(`waitlist mail ${mail.kind} has nothing to report`);
    return composed;
  }
  const found = await loadBookingForMail({ bookingId: mail.bookingId, tx });
  if (!found) throw new UnsendableMailError(`booking ${mail.bookingId} not found`);
  if (!found.email) return { skip: 'personal data erased' };
  const booking = { ...found, email: found.email };
  const appUrl = env.APP_URL;

  switch (mail.kind) {
    case 'booking-confirmed': {
      if (gone.has(booking.status)) return { skip: `booking is ${booking.status}` };
      return {
        send: await outgoing(booking, mail.kind, {
          subject: bookingConfirmedSubject({ booking }),
          element: <BookingConfirmedEmail booking={booking} pin={mail.pin} appUrl={appUrl} qrCid={QR_CID} />,
          calendar: 'REQUEST',
          images: [{ cid: QR_CID, filename: 'check-in.png', content: await checkInQrPng(booking.checkInToken) }],
        }),
      };
    }
    case 'booking-rescheduled': {
      if (gone.has(booking.status)) return { skip: `booking is ${booking.status}` };
      const previous = await loadBookingForMail({ bookingId: mail.previousBookingId, tx });
      if (!previous) throw new UnsendableMailError(`booking ${mail.previousBookingId} not found`);
      return {
        send: await outgoing(booking, mail.kind, {
          subject: bookingRescheduledSubject({ booking }),
          element: <BookingRescheduledEmail booking={booking} previous={previous} pin={mail.pin} appUrl={appUrl} />,
          calendar: 'REQUEST',
        }),
      };
    }
    case 'booking-cancelled':
      return {
        send: await outgoing(booking, mail.kind, {
          subject: bookingCancelledSubject({ booking }),
          element: <BookingCancelledEmail booking={booking} reason={mail.reason} appUrl={appUrl} />,
          calendar: 'CANCEL',
        }),
      };
  }
}

/** Renders a booking mail (HTML and plain text) with its calendar event, addressed to the citizen. `tag` names the mail file. */
export async function outgoing(
  booking: Addressed,
  kind: string,
  { subject, element, calendar, images }: { subject: string; element: ReactElement; calendar: CalendarMethod; images?: OutgoingMail['images'] },
): Promise<OutgoingMail> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return {
    fromName: pick(booking.location.name, booking.locale),
    to: { name: booking.name ?? '', address: booking.email },
    replyTo: booking.location.email ?? undefined,
    subject,
    html,
    text,
    calendar: { method: calendar, content: calendarFor(booking, calendar) },
    images,
    tag: `${kind}-${booking.code}`,
  };
}

/** The .ics for a booking: attached to its mails and offered for download on the confirmation page. */
export function calendarFor(booking: Addressed, method: CalendarMethod): string {
  const { locale } = booking;
  const t = mailTranslator(locale);
  const office = pick(booking.location.name, locale);
  const description = [
    t('calendar.bookingNumber', { code: booking.code }),
    ...booking.items.map((item) => t('serviceCount', { count: item.count, name: pick(item.name, locale) })),
    ...(method === 'REQUEST' ? [t('calendar.cancel', { url: mailLinks(env.APP_URL, locale, booking.code).cancel })] : []),
  ].join('\n');
  return buildCalendarEvent({
    method,
    uid: calendarUid(booking.chain.originalCode),
    sequence: calendarSequence({ reschedules: booking.chain.reschedules, cancelled: method === 'CANCEL' }),
    start: booking.start,
    end: booking.end,
    summary: t('calendar.summary', { office }),
    location: officeAddress(booking.location, locale),
    description,
    organizer: { name: office, email: senderAddress() },
    attendee: { name: booking.name ?? '', email: booking.email },
  });
}

