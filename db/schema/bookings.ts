import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { staffUsers } from './staff';
import { counters, locations } from './locations';
import { services } from './services';
import { tstzrange } from './types';
import { wishes } from './waitlist';

export const bookingStatus = pgEnum('booking_status', [
  'held', // a citizen picked the slot and is filling in the form; blocks until hold_expires_at
  'booked',
  'checked_in',
  'done',
  'no_show',
  'cancelled',
  'expired', // a hold that ran out; never blocks
]);

/** Statuses that occupy a counter. The exclusion constraint (custom migration) uses the same list. */
export const activeBookingStatuses = ['held', 'booked', 'checked_in', 'done', 'no_show'] as const;

export const bookingSource = pgEnum('booking_source', ['online', 'staff', 'request', 'waitlist']);

/** Who cancelled: the citizen, a clerk on the citizen's behalf, the office (closure or fewer counters), or a move to another time. */
export const cancelCause = pgEnum('cancel_cause', ['citizen', 'staff', 'closure', 'rescheduled']);

export const bookings = pgTable('bookings', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  code: text('code').notNull().unique(),
  locationId: integer('location_id').notNull().references(() => locations.id),
  counterId: integer('counter_id').notNull(),
  during: tstzrange('during').notNull(),
  status: bookingStatus('status').notNull(),
  source: bookingSource('source').notNull().default('online'),
  locale: text('locale').notNull().default('de'),
  holdTokenHash: text('hold_token_hash').unique(),
  holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
  holdExtended: boolean('hold_extended').notNull().default(false),
  pinHash: text('pin_hash'),
  /** The PIN encrypted with a key derived from the hold token, so only the citizen's own browser can show it again (double submit, reload). */
  pinSealed: text('pin_sealed'),
  name: text('name'),
  email: text('email'),
  phone: text('phone'),
  /** The clerks' internal note ("brings an interpreter"); personal data, erased with the name. Never shown to the citizen. */
  staffNote: text('staff_note'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  cancelReason: text('cancel_reason'),
  cancelledBy: cancelCause('cancelled_by'),
  /** When a clerk recorded arrival and the end of the visit (statistics: time at the desk). */
  checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
  doneAt: timestamp('done_at', { withTimezone: true }),
  /** The booking this one replaced when a citizen or clerk moved the appointment. */
  rescheduledFromId: bigint('rescheduled_from_id', { mode: 'number' }).references((): AnyPgColumn => bookings.id),
  personalDataErasedAt: timestamp('personal_data_erased_at', { withTimezone: true }),
  /** What the QR code on the confirmation carries: checks in at the kiosk, nothing else (not the PIN: it cannot cancel). */
  checkInToken: text('check_in_token').notNull().unique().default(sql`replace(gen_random_uuid()::text, '-', '')`),
  /** Set on a waitlist offer: the time held for this wish (status `held` until accepted, declined or expired). */
  wishId: bigint('wish_id', { mode: 'number' }).references(() => wishes.id),
}, (t) => [
  // A wish never has two offers at once.
  uniqueIndex('bookings_one_offer_per_wish').on(t.wishId).where(sql`${t.status} = 'held'`),
  index('bookings_location_during_idx').using('gist', t.locationId, t.during),
  foreignKey({ name: 'bookings_counter_location_fk', columns: [t.counterId, t.locationId], foreignColumns: [counters.id, counters.locationId] }),
  // The per-address limit of future bookings compares lower-cased addresses.
  index('bookings_email_idx').on(sql`lower(${t.email})`),
  check('bookings_hold_has_expiry', sql`${t.status} <> 'held' or ${t.holdExpiresAt} is not null`),
  check('bookings_nonempty_range', sql`not isempty(${t.during})`),
]);

/** The services of one booking; minutes are copied so later changes to a service do not alter booked lengths. */
export const bookingServices = pgTable('booking_services', {
  bookingId: bigint('booking_id', { mode: 'number' }).notNull().references(() => bookings.id, { onDelete: 'cascade' }),
  serviceId: integer('service_id').notNull().references(() => services.id),
  count: integer('count').notNull(),
  minutesPerUnit: integer('minutes_per_unit').notNull(),
}, (t) => [
  primaryKey({ columns: [t.bookingId, t.serviceId] }),
  check('booking_services_count', sql`${t.count} >= 1`),
]);

export const requestStatus = pgEnum('request_status', ['open', 'confirmed', 'declined', 'withdrawn']);

export type PreferredWindow = { date: string; partOfDay: 'morning' | 'afternoon' | 'any' };

/** A wish for an appointment at a request-mode location, answered by staff. */
export const appointmentRequests = pgTable('appointment_requests', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  code: text('code').notNull().unique(),
  pinHash: text('pin_hash').notNull(),
  /** The PIN encrypted with a key derived from a random token in the requester's cookie, so only that browser can show it (see bookings.pinSealed). */
  pinSealed: text('pin_sealed'),
  locationId: integer('location_id').notNull().references(() => locations.id),
  status: requestStatus('status').notNull().default('open'),
  preferences: jsonb('preferences').$type<PreferredWindow[]>().notNull(),
  locale: text('locale').notNull().default('de'),
  name: text('name'),
  email: text('email'),
  phone: text('phone'),
  note: text('note'),
  bookingId: bigint('booking_id', { mode: 'number' }).references(() => bookings.id),
  declineReason: text('decline_reason'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  answeredBy: integer('answered_by').references(() => staffUsers.id),
  personalDataErasedAt: timestamp('personal_data_erased_at', { withTimezone: true }),
}, (t) => [index('appointment_requests_location_status_idx').on(t.locationId, t.status, t.createdAt)]);

export const requestServices = pgTable('request_services', {
  requestId: bigint('request_id', { mode: 'number' }).notNull().references(() => appointmentRequests.id, { onDelete: 'cascade' }),
  serviceId: integer('service_id').notNull().references(() => services.id),
  count: integer('count').notNull(),
}, (t) => [
  primaryKey({ columns: [t.requestId, t.serviceId] }),
  check('request_services_count', sql`${t.count} >= 1`),
]);
