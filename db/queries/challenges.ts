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

/** Whether the active location `slug` asks for a proof-of-work before holds: one light query for the challenge route. */
export async function locationRequiresChallenge({ slug, tx = getDb() }: { slug: string; tx?: DbOrTx }): Promise<boolean> {
  const [row] = await tx.select({ requireChallenge: locations.requireChallenge }).from(locations).where(and(eq(locations.slug, slug), eq(locations.active, true)));
  return row?.requireChallenge ?? false;
}
