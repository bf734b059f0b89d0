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

type PendingHit = { key: string; windowSeconds: number; limit: number; resolve: (result: RateLimitResult) => void; reject: (error: unknown) => void };

/**
 * `hitRateLimit` for a read path that a rush hammers (the proxy's limit on availability pages): the hits that
 * arrive while one write is running go to PostgreSQL together in the next single statement, instead of one
 * upsert per request queuing for the pool. Exactly as strict: every hit is counted, shared by all instances,
 * and each caller learns the count its own hit reached.
 */
export function hitRateLimitBatched({ key, limit, windowSeconds }: { key: string; limit: number; windowSeconds: number }): Promise<RateLimitResult> {
  if (LONGEST_WINDOW_SECONDS % windowSeconds !== 0) return Promise.reject(new RangeError(`A rate-limit window of ${windowSeconds} s must divide ${LONGEST_WINDOW_SECONDS} s`));
  return new Promise((resolve, reject) => {
    batch.pending.push({ key, windowSeconds, limit, resolve, reject });
    if (!batch.running) {
      batch.running = true;
      setImmediate(flushHits);
    }
  });
}

const batch: { pending: PendingHit[]; running: boolean } = { pending: [], running: false };

async function flushHits(): Promise<void> {
  const hits = batch.pending.splice(0);
  try {
    for (const windowSeconds of new Set(hits.map((h) => h.windowSeconds))) {
      const group = hits.filter((h) => h.windowSeconds === windowSeconds);
      try {
        const keys = await Promise.all(group.map((h) => pseudonym(h.key)));
        const counts = new Map<string, number>();
        for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
        const { rows } = await getDb().execute<{ key: string; hits: number; retry_after: number }>(sql`
          with w as (select to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}) as start),
               input as (select * from unnest(${sql.param([...counts.keys()])}::text[], ${sql.param([...counts.values()])}::int[]) as i(key, n))
          insert into rate_limits (key, window_start, hits)
          select input.key, w.start, input.n from input, w
          on conflict (key, window_start) do update set hits = rate_limits.hits + excluded.hits
          returning key, hits, ceil(extract(epoch from (window_start + make_interval(secs => ${windowSeconds}) - now())))::int as retry_after`);
        // Each caller's hit is one of the n this batch added to the key: the first sees the count before them plus one.
        const reached = new Map(rows.map((r) => [r.key, { next: r.hits - counts.get(r.key)! + 1, retryAfterSeconds: Math.max(1, r.retry_after) }]));
        const refusedByKind = new Map<string, number>();
        const results = group.map((hit, i) => {
          const row = reached.get(keys[i]!)!;
          const allowed = row.next++ <= hit.limit;
          const kind = hit.key.split(':')[0]!;
          if (!allowed) refusedByKind.set(kind, (refusedByKind.get(kind) ?? 0) + 1);
          return { allowed, retryAfterSeconds: row.retryAfterSeconds };
        });
        // Refusals counted for the metrics like hitRateLimit's (by kind of limit only); a failed count refuses nobody.
        await Promise.all([...refusedByKind].map(([label, by]) => countEvent({ name: 'rate_limit_refusals', label, by }))).catch(() => {});
        group.forEach((hit, i) => hit.resolve(results[i]!));
      } catch (error) {
        for (const hit of group) hit.reject(error);
      }
    }
  } finally {
    if (batch.pending.length > 0) setImmediate(flushHits);
    else batch.running = false;
  }
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
