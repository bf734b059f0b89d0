import { DrizzleQueryError } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { PgPreparedQuery } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { env, requireDatabaseUrl } from '@/lib/env';
import * as schema from './schema';
import { logFor } from '@/lib/log/logger';

const log = logFor('db');

export type Database = NodePgDatabase<typeof schema>;
/** A transaction handle; query functions accept it as `tx` so callers can compose them atomically. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DbOrTx = Database | Tx;

// One pool per process, created on first use so `next build` never needs a database.
// Kept on globalThis so dev-mode hot reloads do not open a new pool each time.
const globalForDb = globalThis as unknown as { amtsterminPool?: pg.Pool; amtsterminDb?: Database };

function newPool(max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: requireDatabaseUrl(),
    max,
    connectionTimeoutMillis: 5_000,
    // Startup parameters of every connection (0 leaves the server's setting): a runaway query or a transaction
    // left open cannot hold a connection and its locks for good.
    statement_timeout: env.DB_STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  });
  // An idle client that loses its connection (e.g. PostgreSQL restarts) must not crash the process.
  pool.on('error', (error) => log.error({ cause: error.message }, 'idle client error'));
  // A checked-out client whose server goes away emits 'error' between queries; unhandled, that would end the process.
  pool.on('connect', (client) => client.on('error', (error) => log.error({ cause: error.message }, 'client error')));
  return pool;
}

export function getPool(): pg.Pool {
  globalForDb.amtsterminPool ??= newPool(env.DB_POOL_MAX);
  return globalForDb.amtsterminPool;
}

/** A client on a small pool of its own, for single-statement reads that must not queue behind the main pool's transactions. */
export function createDb({ max }: { max: number }): Database {
  return drizzle(newPool(max), options);
}

const options = { schema, casing: 'snake_case' } as const;

/**
 * drizzle puts a failed query's parameters into the error's message and stack ("params: Erika,
 * erika@example.org, …"), and whoever logs the error (Next.js does, for any action that throws) writes a
 * citizen's data into the log, e.g. a contact form sent while PostgreSQL restarts. Every query error
 * keeps its SQL (placeholders only) and its cause here, and loses the parameters.
 */
function redactQueryParameters() {
  const prototype = PgPreparedQuery.prototype as unknown as { queryWithCache: (...args: unknown[]) => Promise<unknown>; amtsterminRedacted?: true };
  if (prototype.amtsterminRedacted) return;
  const original = prototype.queryWithCache;
  prototype.queryWithCache = async function (this: unknown, ...args: unknown[]) {
    try {
      return await original.apply(this, args);
    } catch (error) {
      if (error instanceof DrizzleQueryError) {
        const full = error.message;
        error.message = `Failed query: ${error.query}`;
        error.params = [];
        if (error.stack) error.stack = error.stack.replace(full, error.message);
      }
      throw error;
    }
  };
  prototype.amtsterminRedacted = true;
}
redactQueryParameters();

export function getDb(): Database {
  if (!globalForDb.amtsterminDb) {
    const pool = getPool();
    const db = drizzle(pool, options);
    // drizzle-orm 0.45 (node-postgres) sends BEGIN before the try/finally that releases the pooled client
    // (drizzle-team/drizzle-orm#6241): every transaction whose BEGIN meets a connection that PostgreSQL
    // dropped (a restart) kept its client checked out for good, and a few restarts left the pool empty.
    // So transactions check their client out here and always give it back, a broken one to be discarded.
    db.transaction = async (run, config) => {
      const client = await pool.connect();
      let broken: Error | undefined;
      const onError = (error: Error) => {
        broken = error;
      };
      client.on('error', onError);
      try {
        return await drizzle(client, options).transaction(run, config);
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    };
    globalForDb.amtsterminDb = db;
  }
  return globalForDb.amtsterminDb;
}

export async function closeDb(): Promise<void> {
  await globalForDb.amtsterminPool?.end();
  globalForDb.amtsterminPool = undefined;
  globalForDb.amtsterminDb = undefined;
}
