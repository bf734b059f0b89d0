import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from '@/db/embedded';
import { migrateDatabase } from '@/db/migrate';
import { freeLoopbackPort, sleep, withDeadline } from '../support/faults';

// The call displays' feed (one LISTEN connection per instance) while PostgreSQL restarts. Its own embedded
// server, as in fault-postgres-restart.test.ts; the app's modules are imported once it runs.

let tempDir = '';
let dataDir = '';
let port = 0;
let server: RunningPostgres | undefined;
let live: typeof import('@/lib/front-desk/live');

beforeAll(async () => {
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'amtstermin-fault-feed-'));
  chmodSync(tempDir, 0o755);
  dataDir = path.join(tempDir, 'pg');
  port = await freeLoopbackPort();
  server = await startEmbeddedPostgres({ dataDir, preferredPort: port });
  await ensureDatabase(server.url('postgres'), 'amtstermin_feed');
  await migrateDatabase(server.url('amtstermin_feed'));
  process.env.DATABASE_URL = server.url('amtstermin_feed');
  live = await import('@/lib/front-desk/live');
}, 120_000);

afterAll(async () => {
  try {
    await live?.closeFrontDeskFeed();
  } finally {
    await server?.stop();
    rmSync(tempDir, { recursive: true, force: true });
  }
}, 60_000);

async function notify(locationId: number) {
  const client = new pg.Client({ connectionString: server!.url('amtstermin_feed') });
  await client.connect();
  await client.query(`select pg_notify('front_desk', $1)`, [String(locationId)]);
  await client.end();
}

it('hears changes, and after PostgreSQL restarts reconnects by itself, asks every stream to resend its state and hears again', async () => {
  const heard: number[] = [];
  const unsubscribe = live.frontDeskFeed().subscribe((locationId) => heard.push(locationId));
  await expect.poll(() => live.frontDeskFeed().connected, { timeout: 10_000 }).toBe(true);
  await notify(7);
  await expect.poll(() => heard).toEqual([7]);

  await server!.stop();
  server = undefined;
  await expect.poll(() => live.frontDeskFeed().connected, { timeout: 10_000 }).toBe(false);
  await sleep(1_000); // a few reconnect attempts fail meanwhile
  server = await withDeadline(startEmbeddedPostgres({ dataDir, preferredPort: port }), 60_000, 'restarting PostgreSQL');

  // -1: the resend after a reconnect (notifications sent while it was down are lost; the state is not).
  await expect.poll(() => heard, { timeout: 15_000 }).toContain(-1);
  await notify(8);
  await expect.poll(() => heard, { timeout: 5_000 }).toContain(8);
  unsubscribe();
}, 120_000);
