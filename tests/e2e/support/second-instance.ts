import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A free loopback port, as the operating system hands one out. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
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
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`second instance exited with ${server.exitCode}`);
    const ready = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error('second instance did not answer within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    stop: async () => {
      if (server.exitCode !== null) return;
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    },
  };
}
