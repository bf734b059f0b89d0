import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, date, foreignKey, index, integer, pgEnum, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { bookings } from './bookings';
import { counters, locations } from './locations';
import { staffUsers } from './staff';

/** An appointment checked in at the kiosk (or desk), or a walk-in who drew a number (also a booking, through the hold path). */
export const visitKind = pgEnum('visit_kind', ['appointment', 'walk_in']);

export const visitStatus = pgEnum('visit_status', ['waiting', 'called', 'done', 'no_show']);

/**
 * One visitor in the waiting room: the waiting number of the day and the times the statistics use (check-in, first
 * call, end). No personal data: the booking holds that, and its erasure leaves the visit anonymous.
 */
export const visits = pgTable('visits', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  locationId: integer('location_id').notNull().references(() => locations.id, { onDelete: 'cascade' }),
  bookingId: bigint('booking_id', { mode: 'number' }).notNull().unique().references(() => bookings.id, { onDelete: 'cascade' }),
  /** The office's local date; numbers start at 1 each day. */
  day: date('day').notNull(),
  number: integer('number').notNull(),
  kind: visitKind('kind').notNull(),
  status: visitStatus('status').notNull().default('waiting'),
  /** The appointment's start (a walk-in: its held time), the queue's order among appointments. */
  scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
  minutes: integer('minutes').notNull(),
  checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull(),
  /** First call: waiting time is calledAt − checkedInAt. */
  calledAt: timestamp('called_at', { withTimezone: true }),
  /** Latest call, recall or hand-over: what the call display shows, newest first. */
  lastCalledAt: timestamp('last_called_at', { withTimezone: true }),
  counterId: integer('counter_id'),
  calledBy: integer('called_by').references(() => staffUsers.id),
  calls: integer('calls').notNull().default(0),
  /** Done or no-show: service time is endedAt − calledAt. */
  endedAt: timestamp('ended_at', { withTimezone: true }),
}, (t) => [
  unique('visits_number_per_day').on(t.locationId, t.day, t.number),
  index('visits_location_day_idx').on(t.locationId, t.day, t.status),
  foreignKey({ name: 'visits_counter_location_fk', columns: [t.counterId, t.locationId], foreignColumns: [counters.id, counters.locationId] }).onDelete('cascade'),
  check('visits_called_has_counter', sql`${t.status} = 'waiting' or ${t.counterId} is not null or ${t.status} = 'no_show'`),
]);

/**
 * A kiosk tablet at an office's entrance. It signs in with a long-lived random token (shown once to the admin who
 * registers it, kept in an httpOnly cookie after pairing); only the token's SHA-256 is stored.
 */
export const kioskDevices = pgTable('kiosk_devices', {
  id: serial('id').primaryKey(),
  locationId: integer('location_id').notNull().references(() => locations.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: integer('created_by').references(() => staffUsers.id),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});
