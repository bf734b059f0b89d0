import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, date, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { locations } from './locations';
import { services } from './services';
import { tstzrange } from './types';

/**
 * A wish's life: `unconfirmed` until the citizen follows the mail link (gone after 24 h), `waiting` in the
 * queue (offers are bookings with `wish_id` in status `held`, so "has an offer" is read from there), then
 * `fulfilled` (an offer was accepted), `withdrawn` by the citizen, or `expired` (unconfirmed, or its last day passed).
 */
export const wishStatus = pgEnum('wish_status', ['unconfirmed', 'waiting', 'fulfilled', 'withdrawn', 'expired']);

export type WishPart = 'morning' | 'afternoon';

/** A citizen's standing wish for an appointment (Terminwunsch): served in order of confirmation. */
export const wishes = pgTable('waitlist_wishes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  code: text('code').notNull().unique(),
  pinHash: text('pin_hash').notNull(),
  /** Hash of the token in the confirmation link; null once confirmed. */
  confirmTokenHash: text('confirm_token_hash').unique(),
  status: wishStatus('status').notNull().default('unconfirmed'),
  /** The wish's offices as sorted ids ("1,4"): one open wish per mailbox and office group. */
  officeGroup: text('office_group').notNull(),
  earliestDate: date('earliest_date').notNull(),
  latestDate: date('latest_date').notNull(),
  /** ISO weekdays (1 = Monday) the citizen can come. */
  weekdays: smallint('weekdays').array().notNull(),
  parts: text('parts').array().$type<WishPart[]>().notNull(),
  locale: text('locale').notNull().default('de'),
  name: text('name'),
  email: text('email'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Queue order: the longest-waiting wish is the one confirmed first. */
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  personalDataErasedAt: timestamp('personal_data_erased_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('waitlist_wishes_one_open_per_mailbox')
    .on(sql`regexp_replace(lower(${t.email}), '[+][^@]*@', '@')`, t.officeGroup)
    .where(sql`${t.status} in ('unconfirmed', 'waiting')`),
  index('waitlist_wishes_queue_idx').on(t.status, t.confirmedAt, t.id),
  check('waitlist_wishes_dates', sql`${t.earliestDate} <= ${t.latestDate}`),
  check('waitlist_wishes_choices', sql`cardinality(${t.weekdays}) > 0 and cardinality(${t.parts}) > 0`),
]);

export const wishLocations = pgTable('waitlist_wish_locations', {
  wishId: bigint('wish_id', { mode: 'number' }).notNull().references(() => wishes.id, { onDelete: 'cascade' }),
  locationId: integer('location_id').notNull().references(() => locations.id),
}, (t) => [primaryKey({ columns: [t.wishId, t.locationId] }), index('waitlist_wish_locations_location_idx').on(t.locationId)]);

export const wishServices = pgTable('waitlist_wish_services', {
  wishId: bigint('wish_id', { mode: 'number' }).notNull().references(() => wishes.id, { onDelete: 'cascade' }),
  serviceId: integer('service_id').notNull().references(() => services.id),
  count: integer('count').notNull(),
}, (t) => [primaryKey({ columns: [t.wishId, t.serviceId] }), check('waitlist_wish_services_count', sql`${t.count} >= 1`)]);

/**
 * Queue of "offer the free times in office X during [start, end)" jobs, written by a trigger in the same
 * transaction as the event that freed the time (cancellation, given-up hold or offer), by the admin changes
 * that add capacity, and once per newly released day (`new_days`), and claimed by the waitlist worker with
 * FOR UPDATE SKIP LOCKED.
 */
export const waitlistSweeps = pgTable('waitlist_sweeps', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  locationId: integer('location_id').notNull().references(() => locations.id, { onDelete: 'cascade' }),
  during: tstzrange('during').notNull(),
  runAfter: timestamp('run_after', { withTimezone: true }).notNull().defaultNow(),
  /** Newly released days (not yet public): the waitlist takes the office's share of them (`offerNewDays`), not all. */
  newDays: boolean('new_days').notNull().default(false),
}, (t) => [index('waitlist_sweeps_run_after_idx').on(t.runAfter)]);

/** Anonymous counts kept when wishes are erased: per office, week, service and outcome. */
export const waitlistDemand = pgTable('waitlist_demand', {
  locationId: integer('location_id').notNull().references(() => locations.id, { onDelete: 'cascade' }),
  week: date('week').notNull(),
  serviceId: integer('service_id').notNull().references(() => services.id),
  outcome: wishStatus('outcome').notNull(),
  wishes: integer('wishes').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.locationId, t.week, t.serviceId, t.outcome] })]);
