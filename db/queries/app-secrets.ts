import 'server-only';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { appSecrets } from '@/db/schema';

/** A secret shared by every app instance: made once, on first use, and kept in PostgreSQL. */
export async function sharedSecret({ name, tx = getDb() }: { name: string; tx?: DbOrTx }): Promise<string> {
  await tx.insert(appSecrets).values({ name, value: randomBytes(32).toString('base64url') }).onConflictDoNothing();
  const { rows } = await tx.execute<{ value: string }>(sql`select value from app_secrets where name = ${name}`);
  return rows[0]!.value;
}
