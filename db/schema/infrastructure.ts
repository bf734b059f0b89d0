import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { staffUsers } from './staff';

export const outboxStatus = pgEnum('outbox_status', ['pending', 'sent', 'failed']);

/** Mails to send, written in the same transaction as the change they report (exactly-once effects). */
export const outbox = pgTable('outbox', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: text('kind').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  status: outboxStatus('status').notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  lastError: text('last_error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
}, (t) => [index('outbox_pending_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`)]);

/** Who did what to which booking or setting. */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorId: integer('actor_id').references(() => staffUsers.id),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  details: jsonb('details').$type<Record<string, unknown>>(),
}, (t) => [index('audit_log_at_idx').on(t.at)]);

/** Fixed-window counters shared by every app instance; rows older than their window are swept. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').notNull(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.key, t.windowStart] })]);

/** Proof-of-work solutions already spent on a hold: each solves exactly one, until its challenge expires. */
export const spentChallenges = pgTable('spent_challenges', {
  signature: text('signature').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [index('spent_challenges_expires_idx').on(t.expiresAt)]);

/**
 * Short-lived keys every app instance must share and that must be forgotten later (pseudonyms for rate-limit
 * keys and log lines, rotated daily and swept). Nothing that protects PINs, grants or challenges: that is APP_SECRET.
 */
export const appSecrets = pgTable('app_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Event counts every instance adds to (holds taken and refused, bookings confirmed, mails sent and given up,
 * rate-limit refusals), so `/api/metrics` on any instance shows the same totals. A count is spread over a few
 * shards (by server connection) so that concurrent transactions rarely wait on one row; the metric is the sum.
 */
export const metricCounts = pgTable('metric_counts', {
  name: text('name').notNull(),
  label: text('label').notNull().default(''),
  shard: smallint('shard').notNull(),
  value: bigint('value', { mode: 'number' }).notNull().default(0),
}, (t) => [primaryKey({ columns: [t.name, t.label, t.shard] })]);
