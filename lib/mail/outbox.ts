import 'server-only';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { countEvent } from '@/db/queries/metric-counts';
import { outbox } from '@/db/schema';

/**
 * A mail to send about a booking. Only ids go into the outbox: the worker reads the booking when it sends,
 * so the mail shows the data as it is then (and nothing if the personal data has been erased meanwhile).
 *
 * The PIN is the exception: the database keeps only its hash, so the plaintext must travel with the mail.
 * It stays in the payload only until the mail is sent (the row is then deleted) or given up (the UPDATE
 * that marks the row `failed` removes it; the erasure job deletes failed rows later). The trade-off: a pending row holds a usable PIN for as long as SMTP is
 * down (at most about an hour of retries, see `MAX_ATTEMPTS`), readable by anyone with database access;
 * after that it is gone. The alternative, a PIN the citizen only sees on screen, loses it to a closed tab.
 */
export type OutboxMail =
  | { kind: 'booking-confirmed'; bookingId: number; pin: string }
  | { kind: 'booking-cancelled'; bookingId: number; reason?: string }
  /** `bookingId` is the new booking; `previousBookingId` the one it replaced. Send no `booking-cancelled` for the previous one. */
  | { kind: 'booking-rescheduled'; bookingId: number; previousBookingId: number; pin: string }
  /** Acknowledges an appointment request; like a booking confirmation it carries the PIN until sent. */
  | { kind: 'request-received'; requestId: number; pin: string }
  /** The reason is read from the request when the mail is sent. */
  | { kind: 'request-declined'; requestId: number }
  /** A reminder before the appointment; dropped when sent if the booking no longer stands at `startsAt` (ISO). See lib/reminders. */
  | { kind: 'booking-reminder'; bookingId: number; reminder: 'first' | 'second'; startsAt: string }
  /** Asks to confirm a waitlist wish; carries the link's token and the wish PIN until sent. */
  | { kind: 'waitlist-confirm'; wishId: number; token: string; pin: string }
  /** A time held for a wish (the offer is the held booking). */
  | { kind: 'waitlist-offer'; bookingId: number };

export type OutboxMailKind = OutboxMail['kind'];

const id = z.number().int().positive();
const pin = z.string().min(1);

/** Reads a row back into an `OutboxMail`; the worker gives up on rows that do not parse. */
export const outboxMailSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('booking-confirmed'), bookingId: id, pin }),
  z.object({ kind: z.literal('booking-cancelled'), bookingId: id, reason: z.string().optional() }),
  z.object({ kind: z.literal('booking-rescheduled'), bookingId: id, previousBookingId: id, pin }),
  z.object({ kind: z.literal('request-received'), requestId: id, pin }),
  z.object({ kind: z.literal('request-declined'), requestId: id }),
  z.object({ kind: z.literal('booking-reminder'), bookingId: id, reminder: z.enum(['first', 'second']), startsAt: z.iso.datetime() }),
  z.object({ kind: z.literal('waitlist-confirm'), wishId: id, token: z.string().min(1), pin }),
  z.object({ kind: z.literal('waitlist-offer'), bookingId: id }),
]);

/**
 * Queues a mail. Call it with the transaction of the change the mail reports: the mail then exists
 * exactly when the change commits, and a booking never waits for (or fails because of) SMTP.
 */
export async function enqueueMail(tx: DbOrTx, mail: OutboxMail): Promise<{ id: number }> {
  const { kind, ...payload } = outboxMailSchema.parse(mail);
  const [row] = await tx.insert(outbox).values({ kind, payload }).returning({ id: outbox.id });
  await countEvent({ name: 'mails_queued', label: kind, tx });
  return row!;
}
