import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

/**
 * Counts one hit for `key` in the current fixed window and says whether it is within `limit`.
 * The counter lives in PostgreSQL, so every app instance shares it.
 */
export async function hitRateLimit({ key, limit, windowSeconds, tx = getDb() }: { key: string; limit: number; windowSeconds: number; tx?: DbOrTx }): Promise<RateLimitResult> {
  const { rows } = await tx.execute<{ hits: number; retry_after: number }>(sql`
    with w as (select to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}) as start)
    insert into rate_limits (key, window_start, hits)
    select ${key}, w.start, 1 from w
    on conflict (key, window_start) do update set hits = rate_limits.hits + 1
    returning hits, ceil(extract(epoch from (window_start + make_interval(secs => ${windowSeconds}) - now())))::int as retry_after`);
  const row = rows[0]!;
  return { allowed: row.hits <= limit, retryAfterSeconds: Math.max(1, row.retry_after) };
}

/** Removes windows that ended more than a day ago. */
export async function sweepRateLimits({ tx = getDb() }: { tx?: DbOrTx } = {}): Promise<void> {
  await tx.execute(sql`delete from rate_limits where window_start < now() - interval '1 day'`);
}

/** The hits counted for `key` in the current window, without adding one. */
export async function readRateLimit({ key, windowSeconds, tx = getDb() }: { key: string; windowSeconds: number; tx?: DbOrTx }): Promise<{ hits: number; retryAfterSeconds: number }> {
  const { rows } = await tx.execute<{ hits: number | null; retry_after: number }>(sql`
    with w as (select to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}) as start)
    select (select hits from rate_limits r, w where r.key = ${key} and r.window_start = w.start) as hits,
           ceil(extract(epoch from ((select start from w) + make_interval(secs => ${windowSeconds}) - now())))::int as retry_after`);
  return { hits: rows[0]?.hits ?? 0, retryAfterSeconds: Math.max(1, rows[0]?.retry_after ?? windowSeconds) };
}
