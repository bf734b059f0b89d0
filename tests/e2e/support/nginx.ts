import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Debian's nginx (`apt-get install nginx`), or NGINX_PATH. */
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/**
 * The README's site file (deploy/nginx-amtstermin.conf) with this run's loopback port, upstream ports and a
 * self-signed certificate for localhost; everything else as an installation uses it.
 */
export function siteConfig({ port, upstreams, dir }: { port: number; upstreams: number[]; dir: string }): string {
  const site = readFileSync('deploy/nginx-amtstermin.conf', 'utf8');
  const servers = upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join('\n');
  const replaced = site
    .replace(/( {4}server 127\.0\.0\.1:\d+ max_fails=1 fail_timeout=10s;\n)+/, `${servers}\n`)
    .replace('listen 443 ssl;', `listen 127.0.0.1:${port} ssl;`)
    .replace('server_name termine.musterstadt.example;', 'server_name localhost;')
    .replace('/etc/ssl/certs/termine.musterstadt.example.pem', path.join(dir, 'cert.pem'))
    .replace('/etc/ssl/private/termine.musterstadt.example.key', path.join(dir, 'key.pem'));
  for (const part of [`listen 127.0.0.1:${port}`, servers, path.join(dir, 'cert.pem')]) {
    if (!replaced.includes(part)) throw new Error(`deploy/nginx-amtstermin.conf changed shape: "${part}" not substituted`);
  }
  return replaced;
}

/**
 * nginx in the foreground on a loopback port with everything (pid, logs, temp files) in `dir`; as the
 * `postgres` user when run as root (as the embedded PostgreSQL and PgBouncer are), so no worker runs as root.
 */
export async function startNginx({ port, upstreams, dir }: { port: number; upstreams: number[]; dir: string }): Promise<{ stop: () => Promise<void>; errorLog: () => string }> {
  mkdirSync(dir, { recursive: true });
  // Run as root, nginx runs as `postgres`, which must reach this folder (the folders above it: see the caller).
  chmodSync(dir, 0o777);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
  chmodSync(path.join(dir, 'key.pem'), 0o644);
  writeFileSync(path.join(dir, 'site.conf'), siteConfig({ port, upstreams, dir }));
  const temp = (name: string) => path.join(dir, name);
  writeFileSync(path.join(dir, 'nginx.conf'), [
    'daemon off;',
    'worker_processes 1;',
    `pid ${temp('nginx.pid')};`,
    `error_log ${temp('error.log')} warn;`,
    'events { worker_connections 512; }',
    'http {',
    '  access_log off;',
    `  client_body_temp_path ${temp('body')};`,
    `  proxy_temp_path ${temp('proxy')};`,
    `  fastcgi_temp_path ${temp('fastcgi')};`,
    `  uwsgi_temp_path ${temp('uwsgi')};`,
    `  scgi_temp_path ${temp('scgi')};`,
    `  include ${temp('site.conf')};`,
    '}',
    '',
  ].join('\n'));
  const asRoot = process.getuid?.() === 0;
  const args = ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', temp('error.log')];
  const child: ChildProcess = asRoot ? spawn('runuser', ['-u', 'postgres', '--', NGINX, ...args], { stdio: ['ignore', 'ignore', 'pipe'] }) : spawn(NGINX, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const errorLog = () => {
    try {
      return stderr + readFileSync(temp('error.log'), 'utf8');
    } catch {
      return stderr;
    }
  };
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${errorLog()}`);
    const up = await fetch(`http://127.0.0.1:${port}/`).then(() => true, (error: { cause?: { code?: string } }) => error.cause?.code !== 'ECONNREFUSED');
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`nginx did not start: ${errorLog()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    errorLog,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // nginx's fast shutdown; runuser passes the signal on.
      await new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')));
    },
  };
}
