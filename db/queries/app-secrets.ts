import 'server-only';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { appSecrets } from '@/db/schema';

/**
 * A secret shared by every app instance: made once, on first use, and kept in PostgreSQL. Only for keys whose
 * point is to be deleted later (see `rotatingSecret`); lasting secrets come from APP_SECRET (lib/secrets).
 */
export async function sharedSecret({ name, tx = getDb() }: { name: string; tx?: DbOrTx }): Promise<string> {
  await tx.insert(appSecrets).values({ name, value: randomBytes(32).toString('base64url') }).onConflictDoNothing();
  const { rows } = await tx.execute<{ value: string }>(sql`select value from app_secrets where name = ${name}`);
  return rows[0]!.value;
}

const cache = new Map<string, Promise<string>>();

/** `sharedSecret`, read once per process (a failed read is tried again next time). */
function cachedSecret(name: string): Promise<string> {
  let secret = cache.get(name);
  if (!secret) {
    secret = sharedSecret({ name }).catch((error: unknown) => {
      cache.delete(name);
      throw error;
    });
    cache.set(name, secret);
    // Rotating names come and go; a process keeps only the latest few.
    if (cache.size > 16) cache.delete(cache.keys().next().value!);
  }
  return secret;
}

/**
 * A shared secret that is replaced every `periodSeconds`: what it protected becomes unlinkable once the
 * old one is swept, even for whoever later reads a dump of the database.
 */
export function rotatingSecret({ purpose, periodSeconds, now = Date.now() }: { purpose: string; periodSeconds: number; now?: number }): Promise<string> {
  return cachedSecret(`rotating:${purpose}:${periodSeconds}:${Math.floor(now / 1000 / periodSeconds)}`);
}

/** Deletes rotating secrets older than their previous period. */
export async function sweepRotatingSecrets({ tx = getDb() }: { tx?: DbOrTx } = {}): Promise<void> {
  await tx.execute(sql`
    delete from app_secrets
    where name like 'rotating:%'
      and split_part(name, ':', 4)::bigint < floor(extract(epoch from now()) / split_part(name, ':', 3)::bigint) - 1`);
}
