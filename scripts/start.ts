/**
 * `npm start`: the whole app on one command. Starts an embedded PostgreSQL under .data/ unless
 * DATABASE_URL is set, applies migrations, seeds demo data once (embedded default or DEMO=true only),
 * builds when the sources changed, and serves the production build. Ctrl-C stops the web server and
 * PostgreSQL cleanly.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { prepareDatabase } from '../db/prepare';
import * as schema from '../db/schema';
import { DEMO_STAFF } from '../db/seed-staff';
import { prepareStartData, StartRefused } from '../db/start-data';
import { env } from '../lib/env';
import { ensureLocalAppSecret, LOCAL_APP_SECRET_FILE } from '../lib/secrets/local-app-secret';
import { seedDemoHistory } from '../db/seed-history';

const root = process.cwd();
const port = Number(process.env.PORT ?? 3000);
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
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

/** No staff account yet (a database of one's own without DEMO): how to make the first admin. */
function firstAdminHint(databaseUrl: string): string[] {
  const url = withoutPassword(databaseUrl);
  return [
    '  No staff account yet. Create the first admin (asks for a password):',
    `    DATABASE_URL=${url} npm run staff:create -- --email you@your-town.example --name "Your Name" --role admin`,
  ];
}

/** The database URL without its password, for printing. */
function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = 'PASSWORD';
  return parsed.toString();
}

async function main() {
  // The embedded default keeps its server secret next to its database; an external database needs APP_SECRET
  // from the operator (lib/env.ts refuses to serve in production without it), so both live in separate places.
  let appSecretSource = 'APP_SECRET';
  if (!process.env.APP_SECRET) {
    if (env.DATABASE_URL && env.NODE_ENV === 'production') throw new Error('APP_SECRET is required with DATABASE_URL (at least 32 bytes, e.g. `openssl rand -base64 48`); see README, "Configuration".');
    process.env.APP_SECRET = ensureLocalAppSecret();
    appSecretSource = LOCAL_APP_SECRET_FILE;
  }

  const database = await prepareDatabase({
    externalUrl: env.DATABASE_URL,
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
  // `next start` always serves in production mode, so an https APP_URL here is a public server.
  let data: Awaited<ReturnType<typeof prepareStartData>>;
  try {
    data = await prepareStartData(db, { embedded: database.embedded, demo: env.DEMO, production: true, appUrl });
  } catch (error) {
    if (!(error instanceof StartRefused)) throw error;
    console.error(`\n${error.message}\n`);
    await pool.end();
    return shutdown(1);
  }
  // A fresh demo database also gets a few weeks of past appointments, so the statistics have something to show.
  if (data.seeded && database.embedded) await seedDemoHistory(db);
  await pool.end();

  if (!buildIsCurrent()) {
    console.log('Building the app (first start or changed sources; takes a minute or two) …');
    const build = spawnSync(nextBin, ['build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (build.status !== 0) return shutdown(build.status ?? 1);
  }

  // Not `next start`: scripts/serve.ts puts the socket address where rate limits read it (TRUSTED_PROXY_HOPS=0).
  // `node --import tsx`, not the tsx wrapper: the wrapper does not pass SIGTERM on (see `npm run serve`).
  server = spawn(process.execPath, ['--import', 'tsx', '--import', './scripts/allow-server-only.mjs', path.join(root, 'scripts', 'serve.ts')], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, PORT: String(port), DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: '1', APP_URL: appUrl },
  });
  server.once('exit', (code) => void shutdown(code ?? 0));

  const mailDir = env.MAIL_DIR;
  console.log(
    [
      '',
      `  Amtstermin: http://localhost:${port}`,
      `  Database:   ${database.embedded ? `embedded PostgreSQL, data in .data/postgres${data.seeded ? ' (demo data seeded)' : ''}` : 'DATABASE_URL'}`,
      `  Secret:     ${appSecretSource}`,
      `  Mail:       ${env.SMTP_URL ? 'SMTP_URL' : `no SMTP_URL, mails are written as .eml files to ${mailDir}/`}`,
      ...(data.needsFirstAdmin ? firstAdminHint(database.url) : []),
      ...(data.demo && !data.needsFirstAdmin ? ['  Staff sign-in at /verwaltung (demo accounts):', ...DEMO_STAFF.map((u) => `    ${u.role.padEnd(6)} ${u.email.padEnd(28)} password: ${u.password}`)] : []),
      '  Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
