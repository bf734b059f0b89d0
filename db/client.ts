import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { requireDatabaseUrl } from '@/lib/env';
import * as schema from './schema';

export type Database = NodePgDatabase<typeof schema>;
/** A transaction handle; query functions accept it as `tx` so callers can compose them atomically. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DbOrTx = Database | Tx;

// One pool per process, created on first use so `next build` never needs a database.
// Kept on globalThis so dev-mode hot reloads do not open a new pool each time.
const globalForDb = globalThis as unknown as { amtsterminPool?: pg.Pool; amtsterminDb?: Database };

export function getPool(): pg.Pool {
  if (!globalForDb.amtsterminPool) {
    const pool = new pg.Pool({ connectionString: requireDatabaseUrl(), max: 10, connectionTimeoutMillis: 5_000 });
    // An idle client that loses its connection (e.g. PostgreSQL restarts) must not crash the process.
    pool.on('error', (error) => console.error('[db] idle client error:', error.message));
    // A checked-out client whose server goes away emits 'error' between queries; unhandled, that would end the process.
    pool.on('connect', (client) => client.on('error', (error) => console.error('[db] client error:', error.message)));
    globalForDb.amtsterminPool = pool;
  }
  return globalForDb.amtsterminPool;
}

export function getDb(): Database {
  globalForDb.amtsterminDb ??= drizzle(getPool(), { schema, casing: 'snake_case' });
  return globalForDb.amtsterminDb;
}

export async function closeDb(): Promise<void> {
  await globalForDb.amtsterminPool?.end();
  globalForDb.amtsterminPool = undefined;
  globalForDb.amtsterminDb = undefined;
}
