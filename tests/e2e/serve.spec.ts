import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { freePort, waitForHealth } from './support/second-instance';

// `npm run serve` on the e2e build and database: one instance as a load balancer would run several.
test('npm run serve finishes a running request on SIGTERM, takes no new one, and exits cleanly', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'de', 'runs once');
  test.setTimeout(120_000);
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const shared = JSON.parse(readFileSync('.data/e2e/server-env.json', 'utf8')) as Record<string, string>;
  // What `npm run serve` runs, without npm in between, so the signal reaches the server itself.
  const serve = spawn(process.execPath, ['--import', 'tsx', '--import', './scripts/allow-server-only.mjs', 'scripts/serve.ts'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...shared, PORT: String(port), APP_URL: url, IN_PROCESS_WORKER: 'false', SHUTDOWN_GRACE_MS: '20000' },
  });
  let output = '';
  serve.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  serve.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => serve.once('exit', (code) => resolve(code)));
  try {
    await waitForHealth(url, () => serve.exitCode !== null);
    expect((await fetch(`${url}/de`)).status).toBe(200);

    // A request still arriving (a slow upload): its headers are in, its body is not.
    const answer = new Promise<number>((resolve, reject) => {
      const request = http.request(`${url}/de/termin/daten`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked', origin: url } }, (response) => {
        response.resume().on('end', () => resolve(response.statusCode!));
      });
      request.on('error', reject);
      request.write('name=');
      setTimeout(() => {
        serve.kill('SIGTERM');
        // New connections are refused once the instance stops taking requests.
        setTimeout(() => {
          void fetch(`${url}/api/health`).then(
            () => reject(new Error('a new request was taken after SIGTERM')),
            () => request.end('Erika'),
          );
        }, 1_000);
      }, 1_000);
    });
    expect(await answer).toBeLessThan(500);
    expect(await exited).toBe(0);
    // One JSON line per event (pino).
    expect(output).toMatch(/"component":"serve".*"msg":"stopped"/);
  } finally {
    if (serve.exitCode === null) serve.kill('SIGKILL');
  }
});
