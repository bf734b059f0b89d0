import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A free loopback port, as the operating system hands one out. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Waits until the instance at `url` answers its health check (60 s at most, or until it `exited`). */
export async function waitForHealth(url: string, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited()) throw new Error(`the instance at ${url} exited`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return;
    if (Date.now() > deadline) throw new Error(`the instance at ${url} did not answer within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Another `next start` of the same build on the e2e server's database, configured like the first one
 * (scripts/e2e-server.ts writes its settings to .data/e2e/server-env.json), the same server-actions key included.
 */
export async function startSecondInstance(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const shared = JSON.parse(readFileSync('.data/e2e/server-env.json', 'utf8')) as Record<string, string>;
  const server: ChildProcess = spawn(path.join('node_modules', '.bin', 'next'), ['start', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...shared, APP_URL: `http://localhost:${port}`, IN_PROCESS_WORKER: 'false' },
  });
  const url = `http://localhost:${port}`;
  await waitForHealth(url, () => server.exitCode !== null);
  return {
    url,
    stop: async () => {
      if (server.exitCode !== null) return;
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    },
  };
}
