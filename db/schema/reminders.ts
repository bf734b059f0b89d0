import { sql } from 'drizzle-orm';
import { bigint, index, pgEnum, pgTable, primaryKey, timestamp } from 'drizzle-orm/pg-core';
import { bookings } from './bookings';

/** The office's reminders: `first` (default two days before), and an optional `second`, closer to the appointment. */
export const reminderKind = pgEnum('reminder_kind', ['first', 'second']);

/**
 * The ledger that makes a reminder happen once: a row is written in the same transaction as the reminder's
 * outbox mail, and the key (booking, kind, appointment start) cannot be written twice, however many workers
 * try at once. No personal data: it outlives the erasure as an anonymous count of reminders.
 */
export const bookingReminders = pgTable('booking_reminders', {
  bookingId: bigint('booking_id', { mode: 'number' }).notNull().references(() => bookings.id, { onDelete: 'cascade' }),
  kind: reminderKind('kind').notNull(),
  /** The appointment start the reminder was made for; the mail is dropped if the booking no longer starts then. */
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  enqueuedAt: timestamp('enqueued_at', { withTimezone: true }).notNull().default(sql`now()`),
}, (t) => [
  primaryKey({ columns: [t.bookingId, t.kind, t.startsAt] }),
  index('booking_reminders_enqueued_idx').on(t.enqueuedAt),
]);
