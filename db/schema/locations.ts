import { bigint, boolean, check, date, index, integer, pgEnum, pgTable, primaryKey, serial, smallint, text, time, timestamp, unique } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { localized } from './types';
import { services } from './services';

export const locationMode = pgEnum('location_mode', ['booking', 'request']);

export const locations = pgTable('locations', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  mode: locationMode('mode').notNull(),
  name: localized('name').notNull(),
  street: text('street').notNull(),
  postalCode: text('postal_code').notNull(),
  city: text('city').notNull(),
  phone: text('phone'),
  email: text('email'),
  timeZone: text('time_zone').notNull().default('Europe/Berlin'),
  bookingHorizonDays: integer('booking_horizon_days').notNull().default(42),
  minLeadMinutes: integer('min_lead_minutes').notNull().default(60),
  slotStepMinutes: integer('slot_step_minutes').notNull().default(10),
  holdMinutes: integer('hold_minutes').notNull().default(10),
  maxFutureBookingsPerEmail: integer('max_future_bookings_per_email').notNull().default(2),
  /** Citizens' browsers solve a proof-of-work before a time is held (against bots in a release rush); needs JavaScript. */
  requireChallenge: boolean('require_challenge').notNull().default(false),
  /** The largest counter the proof-of-work asks for at this office (SHA-256 tries); null: CHALLENGE_WORK. */
  challengeWork: integer('challenge_work'),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
  /** Hours before an appointment the reminder mail goes out; null: no reminders. */
  reminderHours: integer('reminder_hours').default(48),
  /** Hours before an appointment a second reminder goes out; null: none. Always closer to the appointment than the first. */
  secondReminderHours: integer('second_reminder_hours'),
  /** When new days are released (lib/slots/release.ts): wall-clock time on `releaseWeekdays`; null: the whole horizon at any moment. */
  releaseTime: time('release_time'),
  /** ISO weekdays (1 = Monday) on which `releaseTime` releases the day the horizon reaches. */
  releaseWeekdays: smallint('release_weekdays').array().notNull().default(sql`'{1,2,3,4,5}'`),
  /** Front desk: the kiosk checks an appointment in from this many minutes before its start … */
  checkInEarlyMinutes: integer('check_in_early_minutes').notNull().default(30),
  /** … until this many minutes after it. */
  checkInLateMinutes: integer('check_in_late_minutes').notNull().default(15),
  /** Front desk: one walk-in is called after every this many appointments; 0: walk-ins only when no appointment waits. */
  walkInEvery: integer('walk_in_every').notNull().default(2),
  /** How long a waitlist offer holds its time for the wish (shorter when the time is near). */
  waitlistOfferHours: integer('waitlist_offer_hours').notNull().default(12),
  /** Percent of a newly released day's times that go to the waitlist before the public (freed times always go to it first). */
  waitlistNewDayShare: integer('waitlist_new_day_share').notNull().default(0),
  /** The last day whose share the waitlist has claimed (lib/waitlist/new-days.ts): each released day is claimed once. */
  waitlistNewDaysThrough: date('waitlist_new_days_through', { mode: 'string' }),
}, (t) => [
  check('locations_reminder_hours', sql`coalesce(${t.reminderHours} between 1 and 336 and (${t.secondReminderHours} is null or ${t.secondReminderHours} between 1 and ${t.reminderHours} - 1), ${t.secondReminderHours} is null)`),
  check('locations_release_weekdays', sql`cardinality(${t.releaseWeekdays}) between 1 and 7 and ${t.releaseWeekdays} <@ '{1,2,3,4,5,6,7}'::smallint[]`),
  check('locations_check_in_window', sql`${t.checkInEarlyMinutes} between 0 and 240 and ${t.checkInLateMinutes} between 0 and 240`),
  check('locations_walk_in_every', sql`${t.walkInEvery} between 0 and 20`),
  check('locations_waitlist_offer_hours', sql`${t.waitlistOfferHours} between 1 and 72`),
  check('locations_waitlist_new_day_share', sql`${t.waitlistNewDayShare} between 0 and 100`),
  check('locations_horizon_positive', sql`${t.bookingHorizonDays} > 0`),
  check('locations_step_positive', sql`${t.slotStepMinutes} > 0`),
  check('locations_hold_positive', sql`${t.holdMinutes} > 0`),
  check('locations_challenge_work', sql`${t.challengeWork} between 1000 and 10000000`),
]);

/** One desk; a booking occupies exactly one counter for its time range. */
export const counters = pgTable('counters', {
  id: serial('id').primaryKey(),
  locationId: integer('location_id').notNull().references(() => locations.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
}, (t) => [
  index('counters_location_idx').on(t.locationId),
  // Target of bookings' composite foreign key: a booking's counter belongs to the booking's location.
  unique('counters_id_location_unique').on(t.id, t.locationId),
]);

/** A weekly window; ISO weekday 1 = Monday … 7 = Sunday, wall-clock times in the location's time zone. */
export const openingHours = pgTable('opening_hours', {
  id: serial('id').primaryKey(),
  locationId: integer('location_id').notNull().references(() => locations.id, { onDelete: 'cascade' }),
  weekday: smallint('weekday').notNull(),
  opensAt: time('opens_at').notNull(),
  closesAt: time('closes_at').notNull(),
  countersOpen: smallint('counters_open').notNull(),
}, (t) => [
  index('opening_hours_location_idx').on(t.locationId),
  check('opening_hours_weekday', sql`${t.weekday} between 1 and 7`),
  check('opening_hours_order', sql`${t.closesAt} > ${t.opensAt}`),
  check('opening_hours_counters', sql`${t.countersOpen} >= 1`),
]);

/** A day or range (inclusive) on which a location is shut; `locationId` null means every location (public holidays). */
export const closures = pgTable('closures', {
  id: serial('id').primaryKey(),
  locationId: integer('location_id').references(() => locations.id, { onDelete: 'cascade' }),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  reason: localized('reason').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('closures_dates_idx').on(t.startsOn, t.endsOn),
  check('closures_order', sql`${t.endsOn} >= ${t.startsOn}`),
]);

/** Which services a location offers, with its minutes per unit and how many units one booking may hold. */
export const locationServices = pgTable('location_services', {
  locationId: integer('location_id').notNull().references(() => locations.id, { onDelete: 'cascade' }),
  serviceId: integer('service_id').notNull().references(() => services.id, { onDelete: 'cascade' }),
  minutesPerUnit: integer('minutes_per_unit').notNull(),
  maxCount: integer('max_count').notNull().default(1),
}, (t) => [
  primaryKey({ columns: [t.locationId, t.serviceId] }),
  check('location_services_minutes', sql`${t.minutesPerUnit} > 0`),
  check('location_services_max', sql`${t.maxCount} >= 1`),
]);

/**
 * A number per location that PostgreSQL raises in the committing transaction of every change that can change
 * its free times or its time page (bookings, closures, hours, counters, services, booking rules), by deferred
 * triggers (migration `availability_versions`). App instances cache availability under it
 * (lib/booking/availability-cache.ts): a version read after a commit always differs from one read before it.
 */
export const availabilityVersions = pgTable('availability_versions', {
  locationId: integer('location_id').primaryKey().references(() => locations.id, { onDelete: 'cascade' }),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
  /** Raised with `version` by every change except bookings: the office's data (hours, counters, services, rules) is cached under it. */
  configVersion: bigint('config_version', { mode: 'number' }).notNull().default(0),
  /** The transaction that raised it last: one raise per transaction, however many rows it changed. */
  bumpedIn: bigint('bumped_in', { mode: 'number' }).notNull().default(0),
});
