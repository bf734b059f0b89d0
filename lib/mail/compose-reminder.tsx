import 'server-only';
import type { DbOrTx } from '@/db/client';
import { loadBookingForMail } from '@/db/queries/mail-data';
import BookingReminderEmail, { bookingReminderSubject } from '@/emails/booking-reminder';
import { env } from '@/lib/env';
import { outgoing, UnsendableMailError, type ComposedMail } from './compose';
import type { OutboxMail } from './outbox';

export type ReminderMail = Extract<OutboxMail, { kind: 'booking-reminder' }>;

/**
 * Renders a reminder, or drops it when it no longer fits: the booking was cancelled (or moved, which cancels
 * it and makes a new booking with reminders of its own), no longer starts at the time the reminder was made
 * for, or has begun (a mail stuck behind an SMTP outage). The .ics attached is a REQUEST with the
 * appointment's UID and current SEQUENCE: it refreshes the calendar entry, never adds a second one.
 */
export async function composeReminderMail(mail: ReminderMail, { tx, now = new Date() }: { tx?: DbOrTx; now?: Date } = {}): Promise<ComposedMail> {
  const found = await loadBookingForMail({ bookingId: mail.bookingId, tx });
  if (!found) throw new UnsendableMailError(`booking ${mail.bookingId} not found`);
  if (found.status !== 'booked') return { skip: `reminder for a booking that is ${found.status}` };
  if (found.start.getTime() !== new Date(mail.startsAt).getTime()) return { skip: 'reminder for a time the booking no longer has' };
  if (found.start <= now) return { skip: 'reminder after the appointment began' };
  if (!found.email) return { skip: 'personal data erased' };
  const booking = { ...found, email: found.email };
  return {
    send: await outgoing(booking, `${mail.kind}-${mail.reminder}`, {
      subject: bookingReminderSubject({ booking }),
      element: <BookingReminderEmail booking={booking} appUrl={env.APP_URL} />,
      calendar: 'REQUEST',
    }),
  };
}
