import 'server-only';
import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { rotatingSecret } from './app-secrets';
import { countEvent } from './metric-counts';

/** The longest window any limit uses; rows older than that count for nothing and are swept. */
export const LONGEST_WINDOW_SECONDS = 3600;

/**
 * What is stored for a limit's key: an HMAC under a key that changes every hour, so client addresses,
 * email addresses and booking numbers never reach the table in clear, and rows of a past hour cannot be
 * linked to anyone once that hour's key is swept. Every window lies within one hour (60, 900 and 3600
 * seconds divide it), so a window always sees the same key.
 */
export async function pseudonym(key: string, { periodSeconds = LONGEST_WINDOW_SECONDS } = {}): Promise<string> {
  const secret = await rotatingSecret({ purpose: 'rate-limit-keys', periodSeconds });
  return createHmac('sha256', secret).update(key).digest('base64url');
}

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

/**
 * Counts one hit for `key` in the current fixed window and says whether it is within `limit`.
 * The counter lives in PostgreSQL, so every app instance shares it.
 */
export async function hitRateLimit({ key: clear, limit, windowSeconds, tx = getDb() }: { key: string; limit: number; windowSeconds: number; tx?: DbOrTx }): Promise<RateLimitResult> {
  if (LONGEST_WINDOW_SECONDS % windowSeconds !== 0) throw new RangeError(`A rate-limit window of ${windowSeconds} s must divide ${LONGEST_WINDOW_SECONDS} s`);
  const key = await pseudonym(clear);
  const { rows } = await tx.execute<{ hits: number; retry_after: number }>(sql`
    with w as (select to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}) as start)
    insert into rate_limits (key, window_start, hits)
    select ${key}, w.start, 1 from w
    on conflict (key, window_start) do update set hits = rate_limits.hits + 1
    returning hits, ceil(extract(epoch from (window_start + make_interval(secs => ${windowSeconds}) - now())))::int as retry_after`);
  const row = rows[0]!;
  // The kind of limit only (the key's first word: hold, pin, login, availability, …), never whom it counts.
  if (row.hits > limit) await countEvent({ name: 'rate_limit_refusals', label: clear.split(':')[0]!, tx });
  return { allowed: row.hits <= limit, retryAfterSeconds: Math.max(1, row.retry_after) };
}

/** Removes windows that have certainly ended: nothing about a client is kept longer than its limit needs. */
export async function sweepRateLimits({ tx = getDb() }: { tx?: DbOrTx } = {}): Promise<void> {
  await tx.execute(sql`delete from rate_limits where window_start < now() - make_interval(secs => ${LONGEST_WINDOW_SECONDS})`);
}

/** The hits counted for `key` in the current window, without adding one. */
export async function readRateLimit({ key: clear, windowSeconds, tx = getDb() }: { key: string; windowSeconds: number; tx?: DbOrTx }): Promise<{ hits: number; retryAfterSeconds: number }> {
  const key = await pseudonym(clear);
  const { rows } = await tx.execute<{ hits: number | null; retry_after: number }>(sql`
    with w as (select to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}) as start)
    select (select hits from rate_limits r, w where r.key = ${key} and r.window_start = w.start) as hits,
           ceil(extract(epoch from ((select start from w) + make_interval(secs => ${windowSeconds}) - now())))::int as retry_after`);
  return { hits: rows[0]?.hits ?? 0, retryAfterSeconds: Math.max(1, rows[0]?.retry_after ?? windowSeconds) };
}
