import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { locations } from '@/db/schema';

export type ReminderKind = 'first' | 'second';
export type DueReminder = { bookingId: number; kind: ReminderKind; startsAt: Date };

/** The longest reminder an office may set (the schema's check): two weeks. Bounds the scan of bookings. */
export const MAX_REMINDER_HOURS = 336;

/**
 * Takes the one lock that serialises reminder claims across all workers and instances, for this transaction;
 * false when another worker is claiming right now (it will claim what is due, this one may skip its round).
 * Correctness does not rest on it (the ledger's key does), it only keeps concurrent claims from queueing up.
 */
export async function tryLockReminderClaim({ tx }: { tx: DbOrTx }): Promise<boolean> {
  const result = await tx.execute<{ locked: boolean }>(sql`select pg_try_advisory_xact_lock(hashtext('amtstermin:reminders')) as locked`);
  return result.rows[0]?.locked === true;
}

/**
 * Writes the ledger rows of every reminder due at `now` and returns the ones written by this call; a reminder
 * already in the ledger (claimed by any worker, in any earlier round) is not returned again.
 *
 * Due: the booking is booked and starts after `now`, the office's reminder point (start minus its hours) is
 * reached, and the booking was made before that point (a booking made or moved later already got a mail
 * that tells everything). After an outage in which both points passed, only the second (closer) one is sent.
 */
export async function claimDueReminders({ now, limit = 500, tx }: { now: Date; limit?: number; tx: DbOrTx }): Promise<DueReminder[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const result = await tx.execute<{ booking_id: string; kind: ReminderKind; starts_at: Date | string }>(sql`
    insert into booking_reminders (booking_id, kind, starts_at)
    select b.id, r.kind, lower(b.during)
    from bookings b
    join locations l on l.id = b.location_id
    cross join lateral (values ('first'::reminder_kind, l.reminder_hours), ('second'::reminder_kind, l.second_reminder_hours)) as r(kind, hours)
    where b.status = 'booked'
      and b.during && tstzrange(${at}, ${at} + make_interval(hours => ${MAX_REMINDER_HOURS + 1}))
      and lower(b.during) > ${at}
      and r.hours is not null
      and lower(b.during) - make_interval(hours => r.hours) <= ${at}
      and coalesce(b.confirmed_at, b.created_at) < lower(b.during) - make_interval(hours => r.hours)
      and not exists (select 1 from booking_reminders x where x.booking_id = b.id and x.kind = r.kind and x.starts_at = lower(b.during))
      and not (r.kind = 'first' and l.second_reminder_hours is not null and lower(b.during) - make_interval(hours => l.second_reminder_hours) <= ${at})
    order by b.id, r.kind
    limit ${limit}
    on conflict do nothing
    returning booking_id, kind, starts_at`);
  return result.rows.map((row) => ({ bookingId: Number(row.booking_id), kind: row.kind, startsAt: new Date(row.starts_at) }));
}

/** An office's reminder hours; the table's check refuses a second reminder that is not closer than the first. */
export async function updateReminderSettings({ locationId, reminderHours, secondReminderHours, tx }: { locationId: number; reminderHours: number | null; secondReminderHours: number | null; tx: DbOrTx }) {
  await tx.update(locations).set({ reminderHours, secondReminderHours }).where(eq(locations.id, locationId));
}

export type ReminderFigures = { reminded: number; changedAfter: number };

/**
 * Anonymous effect of the reminders of one office: how many appointments got a reminder queued since `since`, and
 * how many of them the citizen then cancelled or moved (the time went back to others). Counts only, from the
 * ledger and booking statuses, which survive the erasure of personal data.
 */
export async function reminderFigures({ locationId, since, tx }: { locationId: number; since: Date; tx: DbOrTx }): Promise<ReminderFigures> {
  const result = await tx.execute<ReminderFigures>(sql`
    with reminded as (
      select r.booking_id, min(r.enqueued_at) as first_at from booking_reminders r join bookings b on b.id = r.booking_id
      where b.location_id = ${locationId} and r.enqueued_at >= ${since.toISOString()}::timestamptz group by r.booking_id)
    select count(*)::int as reminded,
      (count(*) filter (where b.cancelled_by in ('citizen', 'rescheduled') and b.cancelled_at >= reminded.first_at))::int as "changedAfter"
    from reminded join bookings b on b.id = reminded.booking_id`);
  return result.rows[0] ?? { reminded: 0, changedAfter: 0 };
}
