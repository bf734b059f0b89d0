import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../db/embedded';

/** Debian's PgBouncer (`apt-get install pgbouncer`), or PGBOUNCER_PATH. */
export const PGBOUNCER = process.env.PGBOUNCER_PATH ?? '/usr/sbin/pgbouncer';
export const hasPgBouncer = () => existsSync(PGBOUNCER);

/**
 * The PgBouncer configuration of README "Running in production" for the PostgreSQL at `serverUrl`: transaction
 * pooling, every database of that server reachable under its own name, the app's statement timeouts set on each
 * server connection (PgBouncer does not pass them on as startup parameters, so they are ignored there).
 */
export function pgBouncerConfig({ serverUrl, port, dir, poolSize }: { serverUrl: string; port: number; dir: string; poolSize: number }): string {
  const server = new URL(serverUrl);
  const user = decodeURIComponent(server.username);
  return [
    '[databases]',
    `* = host=${server.hostname} port=${server.port || 5432} user=${user}${server.password ? ` password=${decodeURIComponent(server.password)}` : ''} connect_query='SET statement_timeout = 15000; SET idle_in_transaction_session_timeout = 30000'`,
    '',
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    'unix_socket_dir =',
    'pool_mode = transaction',
    `default_pool_size = ${poolSize}`,
    'max_client_conn = 200',
    'auth_type = trust',
    `auth_file = ${path.join(dir, 'userlist.txt')}`,
    'ignore_startup_parameters = extra_float_digits,statement_timeout,idle_in_transaction_session_timeout',
    'server_reset_query =',
    'log_connections = 0',
    'log_disconnections = 0',
    '',
  ].join('\n');
}

/**
 * PgBouncer in transaction mode on a free loopback port in front of `serverUrl`'s PostgreSQL, started as the
 * current user, or as `postgres` when that is root (PgBouncer refuses to run as root). `url(database)` is how
 * the app reaches a database through it.
 */
export async function startPgBouncer({ serverUrl, poolSize = 4 }: { serverUrl: string; poolSize?: number }): Promise<{ url: (database: string) => string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'amtstermin-pgbouncer-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const server = new URL(serverUrl);
  writeFileSync(path.join(dir, 'userlist.txt'), `"${decodeURIComponent(server.username)}" ""\n`, { mode: 0o644 });
  writeFileSync(path.join(dir, 'pgbouncer.ini'), pgBouncerConfig({ serverUrl, port, dir, poolSize }), { mode: 0o644 });
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? 'runuser' : PGBOUNCER;
  const args = asRoot ? ['-u', 'postgres', '--', PGBOUNCER, path.join(dir, 'pgbouncer.ini')] : [path.join(dir, 'pgbouncer.ini')];
  const child: ChildProcess = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 10_000;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`PgBouncer did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: (database) => {
      const url = new URL(serverUrl);
      url.port = String(port);
      url.pathname = `/${database}`;
      return url.toString();
    },
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}
