/**
 * The server behind the Playwright tests: a throwaway PostgreSQL (or a fresh database on DATABASE_URL),
 * migrated and seeded, and the production build on E2E_PORT. Its database URL goes to
 * .data/e2e/database-url so tests can look into the database.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { prepareDatabase } from '../db/prepare';
import * as schema from '../db/schema';
import { seedDemoData } from '../db/seed';
import { seedDemoHistory } from '../db/seed-history';
import { seedDemoStaff } from '../db/seed-staff';
import { ensureLocalAppSecret } from '../lib/secrets/local-app-secret';
import { startSmtpSink } from './e2e-smtp-sink';

const port = process.env.E2E_PORT ?? '3100';
const external = process.env.DATABASE_URL;
const tempDir = external ? undefined : mkdtempSync(path.join(os.tmpdir(), 'amtstermin-e2e-'));
if (tempDir) chmodSync(tempDir, 0o755);

const database = await prepareDatabase({
  externalUrl: external,
  dataDir: tempDir ? path.join(tempDir, 'pg') : '',
  preferredPort: 54340,
  database: 'amtstermin_e2e',
  freshDatabase: `amtstermin_e2e_${Date.now()}`,
});
const pool = new pg.Pool({ connectionString: database.url });
const db = drizzle(pool, { schema, casing: 'snake_case' });
await seedDemoData(db);
await seedDemoStaff(db);
await seedDemoHistory(db);
await pool.end();

// Every mail goes over real SMTP to a sink on loopback that files it in MAIL_DIR, as the file transport would.
const smtp = await startSmtpSink('.data/e2e/mail');

// What every instance of this test server shares; a test may start a second instance with it
// (tests/e2e/support/second-instance.ts), so the server-actions key is one of its own, as in production.
const shared = {
  DATABASE_URL: database.url,
  NEXT_TELEMETRY_DISABLED: '1',
  MAIL_DIR: '.data/e2e/mail',
  SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
  HOLDS_PER_CLIENT_PER_HOUR: '10000',
  BOOKINGS_PER_CLIENT_PER_HOUR: '10000',
  // Playwright's requests come from one loopback address; tests write X-Forwarded-For as a proxy would.
  TRUSTED_PROXY_HOPS: '1',
  AVAILABILITY_READS_PER_CLIENT_PER_MINUTE: '100000',
  CHALLENGE_WORK: '20000',
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  APP_SECRET: process.env.APP_SECRET ?? ensureLocalAppSecret(),
};
mkdirSync('.data/e2e', { recursive: true });
writeFileSync('.data/e2e/database-url', database.url);
writeFileSync('.data/e2e/server-env.json', JSON.stringify(shared), { mode: 0o600 });

const server = spawn(path.join('node_modules', '.bin', 'next'), ['start', '-p', port], {
  stdio: 'inherit',
  env: { ...process.env, ...shared, APP_URL: `http://localhost:${port}` },
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  if (server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  await Promise.race([Promise.all([database.stop(), smtp.stop()]), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
server.once('exit', () => void stop());
