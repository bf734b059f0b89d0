import 'server-only';
import { randomBytes } from 'node:crypto';
import { lt, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { appSecrets, spentChallenges } from '@/db/schema';

/** A secret shared by every app instance: made once, on first use, and kept in PostgreSQL. */
export async function sharedSecret({ name, tx = getDb() }: { name: string; tx?: DbOrTx }): Promise<string> {
  await tx.insert(appSecrets).values({ name, value: randomBytes(32).toString('base64url') }).onConflictDoNothing();
  const { rows } = await tx.execute<{ value: string }>(sql`select value from app_secrets where name = ${name}`);
  return rows[0]!.value;
}

/** Spends a solved challenge; false when it was spent before (a replayed solution). */
export async function spendChallenge({ signature, expiresAt, tx = getDb() }: { signature: string; expiresAt: Date; tx?: DbOrTx }): Promise<boolean> {
  const rows = await tx.insert(spentChallenges).values({ signature, expiresAt }).onConflictDoNothing().returning({ signature: spentChallenges.signature });
  return rows.length === 1;
}

/** Forgets spent challenges whose expiry passed: a replay of those fails on expiry anyway. */
export async function sweepSpentChallenges({ tx = getDb() }: { tx?: DbOrTx } = {}): Promise<void> {
  await tx.delete(spentChallenges).where(lt(spentChallenges.expiresAt, sql`now()`));
}
