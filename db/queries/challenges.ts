import 'server-only';
import { and, eq, lt, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { locations, spentChallenges } from '@/db/schema';

/** Spends a solved challenge; false when it was spent before (a replayed solution). */
export async function spendChallenge({ signature, expiresAt, tx = getDb() }: { signature: string; expiresAt: Date; tx?: DbOrTx }): Promise<boolean> {
  const rows = await tx.insert(spentChallenges).values({ signature, expiresAt }).onConflictDoNothing().returning({ signature: spentChallenges.signature });
  return rows.length === 1;
}

/** Forgets spent challenges whose expiry passed: a replay of those fails on expiry anyway. */
export async function sweepSpentChallenges({ tx = getDb() }: { tx?: DbOrTx } = {}): Promise<void> {
  await tx.delete(spentChallenges).where(lt(spentChallenges.expiresAt, sql`now()`));
}

/** The proof-of-work the active location `slug` asks for before holds (its own effort, or null for the default), or null when it asks none: one light query for the challenge route. */
export async function challengeSettingsFor({ slug, tx = getDb() }: { slug: string; tx?: DbOrTx }): Promise<{ work: number | null } | null> {
  const [row] = await tx.select({ requireChallenge: locations.requireChallenge, work: locations.challengeWork }).from(locations).where(and(eq(locations.slug, slug), eq(locations.active, true)));
  return row?.requireChallenge ? { work: row.work } : null;
}
