import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgEnum, pgTable, primaryKey, smallint, timestamp } from 'drizzle-orm/pg-core';
import { bookingSource } from './bookings';
import { locations } from './locations';
import { services } from './services';

// Anonymous daily facts for the office statistics (issue 16, DESIGN.md invariant 7). They hold counts and
// durations only, no name, contact, booking number or free text, and are written before personal data is
// erased, so a report over last year still adds up after every booking's personal data is gone.

/** How an appointment ended; `open` means nobody recorded arrival or absence. */
export const statsOutcome = pgEnum('stats_outcome', ['used', 'no_show', 'open', 'cancelled_citizen', 'cancelled_staff', 'cancelled_closure']);

/** Appointments per office, local day and hour of the start, channel, outcome and lead-time bucket. */
export const statsAppointments = pgTable('stats_appointments', {
  locationId: integer('location_id').notNull().references(() => locations.id, { onDelete: 'cascade' }),
  day: date('day').notNull(),
  hour: smallint('hour').notNull(),
  channel: bookingSource('channel').notNull(),
  outcome: statsOutcome('outcome').notNull(),
  /** Lower bound of the lead-time bucket in days from booking to appointment: 0, 1, 2, 4, 8, 15, 29. */
  leadDays: smallint('lead_days').notNull(),
  appointments: integer('appointments').notNull(),
  bookedMinutes: integer('booked_minutes').notNull(),
  /** Appointments with both check-in and done recorded, and their minutes from check-in to done. */
  visits: integer('visits').notNull().default(0),
  visitMinutes: integer('visit_minutes').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.locationId, t.day, t.hour, t.channel, t.outcome, t.leadDays] })]);

/** Appointments (and units) per office, day, service, channel and outcome; one appointment may count for several services. */
export const statsServices = pgTable('stats_services', {
  locationId: integer('location_id').notNull().references(() => locations.id, { onDelete: 'cascade' }),
  day: date('day').notNull(),
  serviceId: integer('service_id').notNull().references(() => services.id, { onDelete: 'cascade' }),
  channel: bookingSource('channel').notNull(),
  outcome: statsOutcome('outcome').notNull(),
  appointments: integer('appointments').notNull(),
  units: integer('units').notNull(),
  bookedMinutes: integer('booked_minutes').notNull(),
}, (t) => [primaryKey({ columns: [t.locationId, t.day, t.serviceId, t.channel, t.outcome] })]);

/** Counter minutes the office was open per local day and hour (opening hours × counters, closures taken out). */
export const statsOpenMinutes = pgTable('stats_open_minutes', {
  locationId: integer('location_id').notNull().references(() => locations.id, { onDelete: 'cascade' }),
  day: date('day').notNull(),
  hour: smallint('hour').notNull(),
  counterMinutes: integer('counter_minutes').notNull(),
}, (t) => [primaryKey({ columns: [t.locationId, t.day, t.hour] })]);

/** Appointment requests per office and day received: how they were answered and how long the answers took. */
export const statsRequests = pgTable('stats_requests', {
  locationId: integer('location_id').notNull().references(() => locations.id, { onDelete: 'cascade' }),
  day: date('day').notNull(),
  received: integer('received').notNull(),
  confirmed: integer('confirmed').notNull(),
  declined: integer('declined').notNull(),
  withdrawn: integer('withdrawn').notNull(),
  answered: integer('answered').notNull(),
  answerMinutes: integer('answer_minutes').notNull(),
}, (t) => [primaryKey({ columns: [t.locationId, t.day] })]);

/** One daily sample per office and service: days from the sampling day to the next free start (null: none within the horizon). */
export const statsNextFree = pgTable('stats_next_free', {
  locationId: integer('location_id').notNull().references(() => locations.id, { onDelete: 'cascade' }),
  serviceId: integer('service_id').notNull().references(() => services.id, { onDelete: 'cascade' }),
  day: date('day').notNull(),
  daysUntil: integer('days_until'),
  sampledAt: timestamp('sampled_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.locationId, t.serviceId, t.day] }), check('stats_next_free_days', sql`${t.daysUntil} is null or ${t.daysUntil} >= 0`)]);

/** Days already rolled up per office; a day is rolled up again only while none of its personal data has been erased. */
export const statsRollups = pgTable('stats_rollups', {
  locationId: integer('location_id').notNull().references(() => locations.id, { onDelete: 'cascade' }),
  day: date('day').notNull(),
  rolledUpAt: timestamp('rolled_up_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.locationId, t.day] }), index('stats_rollups_day_idx').on(t.day)]);
