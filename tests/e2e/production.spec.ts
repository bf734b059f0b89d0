import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, request, test } from '@playwright/test';
import pg from 'pg';
import { BookingFlow } from './support/booking-flow';
import { openDay, uniqueEmail } from './support/dates';
import { NGINX, startNginx } from './support/nginx';
import { freePort } from './support/second-instance';

// README "Running in production", as it is run: nginx (TLS) → two `npm run serve` instances of this build →
// PostgreSQL, and one `npm run worker`. A database of its own on the e2e server's PostgreSQL, with the demo
// offices but no demo sign-ins (an https installation refuses to start with those).
const METRICS_TOKEN = 'production-test-metrics-token-0123456789';
const AVAILABILITY_LIMIT = 40;

type Proc = { child: ChildProcess; output: () => string };

function start(script: string, env: Record<string, string>): Proc {
  // What `npm run serve` / `npm run worker` run, without npm in between, so a signal reaches the process itself.
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', './scripts/allow-server-only.mjs', script], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

const jsonLines = (text: string) => text.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);

function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

test('nginx, two instances of one build and a separate worker: booking, proxy headers, rate limits by nginx\'s address, metrics, and an instance killed mid-run', async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== 'de', 'runs once');
  test.skip(!existsSync(NGINX) && !process.env.CI, 'nginx is not installed (apt-get install nginx)');
  test.setTimeout(240_000);

  const shared = JSON.parse(readFileSync('.data/e2e/server-env.json', 'utf8')) as Record<string, string>;
  const serverUrl = new URL(shared.DATABASE_URL!);
  const name = `amtstermin_ops_${Date.now()}`;
  const adminUrl = Object.assign(new URL(serverUrl), { pathname: '/postgres' }).toString();
  const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'amtstermin-production-'));
  chmodSync(dir, 0o755);
  const mailDir = path.join(dir, 'mail');
  const [port, portA, portB] = [await freePort(), await freePort(), await freePort()];
  const base = `https://localhost:${port}`;
  const procs: Proc[] = [];
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
  const db = new pg.Client({ connectionString: databaseUrl });
  try {
    const seeded = spawnSync(process.execPath, ['--import', 'tsx', '--import', './scripts/allow-server-only.mjs', 'tests/e2e/support/seed-offices.ts', databaseUrl], { encoding: 'utf8' });
    expect(seeded.status, seeded.stderr).toBe(0);
    await db.connect();

    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      APP_SECRET: shared.APP_SECRET!,
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: shared.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY!,
      APP_URL: base,
      TRUSTED_PROXY_HOPS: '1',
      IN_PROCESS_WORKER: 'false',
      METRICS_TOKEN,
      MAIL_DIR: mailDir,
      CHALLENGE_WORK: '20000',
      AVAILABILITY_READS_PER_CLIENT_PER_MINUTE: String(AVAILABILITY_LIMIT),
      SHUTDOWN_GRACE_MS: '5000',
      NEXT_TELEMETRY_DISABLED: '1',
    };
    const a = start('scripts/serve.ts', { ...env, PORT: String(portA) });
    const b = start('scripts/serve.ts', { ...env, PORT: String(portB) });
    const worker = start('scripts/worker.ts', env);
    procs.push(a, b, worker);
    for (const [proc, p] of [[a, portA], [b, portB]] as const) {
      await expect.poll(async () => {
        if (proc.child.exitCode !== null) throw new Error(`instance exited:\n${proc.output()}`);
        return fetch(`http://127.0.0.1:${p}/api/health`).then((r) => r.status, () => 0);
      }, { timeout: 90_000 }).toBe(200);
    }
    nginx = await startNginx({ port, upstreams: [portA, portB], dir: path.join(dir, 'nginx') });
    const api = await request.newContext({ baseURL: base, ignoreHTTPSErrors: true });

    // HSTS and the CSP come from the app and survive the proxy; the request id is nginx's.
    const home = await api.get('/de');
    expect(home.status()).toBe(200);
    expect(home.headers()['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(home.headers()['content-security-policy']).toContain("script-src 'self' 'nonce-");
    expect(home.headers()['x-request-id']).toMatch(/^[0-9a-f]{32}$/);

    // A citizen books through nginx in Chromium.
    const context = await browser.newContext({ baseURL: base, ignoreHTTPSErrors: true, locale: 'de-DE' });
    const page = await context.newPage();
    const flow = new BookingFlow(page, 'de');
    await flow.chooseServices({ certificate: 1 });
    await flow.openDay(openDay(4, 3));
    await flow.reserve('10:00');

    // One instance dies (SIGKILL) between the hold and the confirmation, while requests keep coming.
    const during: Promise<number>[] = [];
    const load = setInterval(() => during.push(api.get('/de/termin').then((r) => r.status(), () => 0)), 25);
    await new Promise((resolve) => setTimeout(resolve, 300));
    a.child.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 700));
    clearInterval(load);
    expect(await Promise.all(during)).toEqual(during.map(() => 200));

    await flow.fillContact({ name: 'Erika Mustermann', email: uniqueEmail('production') });
    const { code } = await flow.confirm();
    await context.close();

    // No booking and no mail lost: the booking is there once, and the separate worker sent its confirmation.
    const { rows: booked } = await db.query<{ status: string }>('select status from bookings where code = $1', [code]);
    expect(booked.map((r) => r.status)).toEqual(['booked']);
    await expect.poll(() => (existsSync(mailDir) ? readdirSync(mailDir).filter((f) => f.endsWith(`-booking-confirmed-${code}.eml`)).length : 0), { timeout: 30_000 }).toBe(1);
    expect((await db.query<{ n: number }>('select count(*)::int as n from outbox')).rows[0]!.n).toBe(0);

    // Rate limits count the address nginx appended: a client writing its own X-Forwarded-For is still one client.
    const statuses: number[] = [];
    for (let i = 0; i < AVAILABILITY_LIMIT + 5; i++) {
      const r = await api.get(`/de/termin/zeit?leistungen=meldebescheinigung:1&tag=${openDay(4, 3).toISODate()}`, { headers: { 'X-Forwarded-For': `203.0.113.${i}` }, maxRedirects: 0 });
      statuses.push(r.status());
    }
    expect(statuses).toContain(429);

    // Metrics through nginx: without the token nothing; with it, the booking just made and the refusals above.
    expect((await api.get('/api/metrics')).status()).toBe(401);
    const metrics = await (await api.get('/api/metrics', { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    expect(sample(metrics, 'amtstermin_bookings_confirmed_total{source="online"}')).toBe(1);
    expect(sample(metrics, 'amtstermin_holds_taken_total{source="online"}')).toBe(1);
    expect(sample(metrics, 'amtstermin_outbox_sent_total{outcome="sent"}')).toBe(1);
    expect(sample(metrics, 'amtstermin_outbox_pending')).toBe(0);
    expect(sample(metrics, 'amtstermin_rate_limit_refusals_total{limit="availability"}')).toBeGreaterThanOrEqual(5);
    expect(metrics).toMatch(/^amtstermin_http_request_duration_seconds_count\{route="\/\[locale\]\/termin\/zeit",method="GET",status="200"\} \d+/m);
    expect(metrics).not.toContain('203.0.113.');

    // One JSON log line per request, with nginx's request id, route, status and duration; no address, no booking number.
    // The instance's own warm-up requests at start (lib/http/warm-up.ts) did not pass nginx; every other one did.
    const lines = jsonLines(b.output()).filter((l) => l.msg === 'request' && !String(l.requestId).startsWith('warm-up-'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatchObject({ component: 'http', requestId: expect.stringMatching(/^[0-9a-f]{32}$/), route: expect.any(String), status: expect.any(Number), durationMs: expect.any(Number) });
    for (const proc of [b, worker]) {
      expect(proc.output()).not.toContain('127.0.0.1,');
      expect(proc.output()).not.toContain('203.0.113.');
      expect(proc.output()).not.toContain('Erika');
    }
    await api.dispose();
  } finally {
    const running = procs.map(({ child }) => child).filter((child) => child.exitCode === null && child.signalCode === null);
    await Promise.all(running.map((child) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')))));
    await nginx?.stop();
    await db.end().catch(() => {});
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists "${name}" with (force)`);
    await cleanup.end();
    rmSync(dir, { recursive: true, force: true });
  }
});
