/**
 * `npm start`: the whole app on one command. Starts an embedded PostgreSQL under .data/ unless
 * DATABASE_URL is set, applies migrations, seeds demo data once, builds when the sources changed,
 * and serves the production build. Ctrl-C stops the web server and PostgreSQL cleanly.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { prepareDatabase } from '../db/prepare';
import * as schema from '../db/schema';
import { seedDemoData } from '../db/seed';
import { seedDemoHistory } from '../db/seed-history';
import { DEMO_STAFF, seedDemoStaff } from '../db/seed-staff';

const root = process.cwd();
const port = Number(process.env.PORT ?? 3000);
const nextBin = path.join(root, 'node_modules', '.bin', 'next');
const SOURCE_DIRS = ['app', 'components', 'lib', 'db', 'emails', 'messages'];
const SOURCE_FILES = ['next.config.ts', 'proxy.ts', 'package.json', 'tsconfig.json'];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

function buildIsCurrent(): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return false;
  const sources = Math.max(...[...SOURCE_DIRS, ...SOURCE_FILES].map((e) => newestMtime(path.join(root, e))));
  return statSync(buildId).mtimeMs > sources;
}

async function main() {
  const database = await prepareDatabase({
    externalUrl: process.env.DATABASE_URL,
    dataDir: '.data/postgres',
    preferredPort: 54320,
    database: 'amtstermin',
  });

  let server: ChildProcess | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server!.once('exit', resolve));
    }
    // A Ctrl-C reaches PostgreSQL too; don't wait forever for a server that already stopped.
    await Promise.race([database.stop(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  const pool = new pg.Pool({ connectionString: database.url });
  const db = drizzle(pool, { schema, casing: 'snake_case' });
  const { seeded } = await seedDemoData(db);
  await seedDemoStaff(db);
  // A fresh demo database also gets a few weeks of past appointments, so the statistics have something to show.
  if (seeded && database.embedded) await seedDemoHistory(db);
  await pool.end();

  if (!buildIsCurrent()) {
    console.log('Building the app (first start or changed sources; takes a minute or two) …');
    const build = spawnSync(nextBin, ['build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (build.status !== 0) return shutdown(build.status ?? 1);
  }

  server = spawn(nextBin, ['start', '-p', String(port)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: '1', APP_URL: process.env.APP_URL ?? `http://localhost:${port}` },
  });
  server.once('exit', (code) => void shutdown(code ?? 0));

  const mailDir = process.env.MAIL_DIR ?? '.data/mail';
  console.log(
    [
      '',
      `  Amtstermin: http://localhost:${port}`,
      `  Database:   ${database.embedded ? `embedded PostgreSQL, data in .data/postgres${seeded ? ' (demo data seeded)' : ''}` : 'DATABASE_URL'}`,
      `  Mail:       ${process.env.SMTP_URL ? 'SMTP_URL' : `no SMTP_URL, mails are written as .eml files to ${mailDir}/`}`,
      '  Staff sign-in at /verwaltung (demo accounts):',
      ...DEMO_STAFF.map((u) => `    ${u.role.padEnd(6)} ${u.email.padEnd(28)} password: ${u.password}`),
      '  Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
