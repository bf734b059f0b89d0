import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';

/** The events counted in PostgreSQL, so that every instance's `/api/metrics` shows the same totals. */
export type CountedEvent = 'mails_queued' | 'holds_taken' | 'holds_refused' | 'bookings_confirmed' | 'mails_sent' | 'mails_failed' | 'rate_limit_refusals' | 'offers_made' | 'offers_accepted';

const SHARDS = 16;

/**
 * Adds one to `name` (with an optional `label` value). Call it with the transaction of the change it counts,
 * so the count exists exactly when the change commits. The shard is the server connection's, so concurrent
 * transactions each add to a row of their own instead of queueing on one.
 */
export async function countEvent({ name, label = '', by = 1, tx = getDb() }: { name: CountedEvent; label?: string; by?: number; tx?: DbOrTx }): Promise<void> {
  await tx.execute(sql`
    insert into metric_counts (name, label, shard, value) values (${name}, ${label}, pg_backend_pid() % ${SHARDS}, ${by})
    on conflict (name, label, shard) do update set value = metric_counts.value + ${by}`);
}

/** Every count, summed over its shards. */
export async function readEventCounts({ tx = getDb() }: { tx?: DbOrTx } = {}): Promise<{ name: CountedEvent; label: string; value: number }[]> {
  const { rows } = await tx.execute<{ name: CountedEvent; label: string; value: string }>(sql`
    select name, label, sum(value)::text as value from metric_counts group by name, label order by name, label`);
  return rows.map((r) => ({ name: r.name, label: r.label, value: Number(r.value) }));
}

/** The outbox as it stands: mails waiting (pending), given up (failed), and the age of the oldest waiting one. */
export async function readOutboxState({ tx = getDb() }: { tx?: DbOrTx } = {}): Promise<{ pending: number; failed: number; oldestPendingSeconds: number }> {
  const { rows } = await tx.execute<{ pending: number; failed: number; oldest: number | null }>(sql`
    select count(*) filter (where status = 'pending')::int as pending, count(*) filter (where status = 'failed')::int as failed,
      extract(epoch from now() - min(created_at) filter (where status = 'pending'))::float8 as oldest
    from outbox`);
  const row = rows[0]!;
  return { pending: row.pending, failed: row.failed, oldestPendingSeconds: row.oldest ?? 0 };
}
