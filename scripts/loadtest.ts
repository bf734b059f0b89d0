/**
 * `npm run loadtest`: HTTP load on the production build. Starts a throwaway PostgreSQL (embedded in a
 * temporary folder, or a fresh database on DATABASE_URL's server) with the demo data, two `next start`
 * instances on it, and drives them over loopback: one time page phase by phase, the health check (the
 * ceiling), a trivial dynamic page behind the same proxy (the framework floor), the time page under a rush
 * (also as a ratio of the floor), 500 clients racing through hold → details → confirm as the no-JavaScript
 * forms do, and a rush that starts a second before the office releases a new day.
 * Exits non-zero on any 5xx, a race request without an answer, a release that came early or not at all, or
 * overlapping active bookings on one counter. LOADTEST_CPU_PROF=<folder>: CPU profiles of both instances.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { freePort } from '../db/embedded';
import { prepareDatabase, type PreparedDatabase } from '../db/prepare';
import { ensureLocalAppSecret } from '../lib/secrets/local-app-secret';
import { parseForms, type ParsedForm } from './html-forms';

const LOCATION_SLUG = 'buergeramt-mitte';
const SERVICES = 'personalausweis:1';
const CEILING = { seconds: 10, connections: 50 };
const RUSH = { seconds: 10, connections: 100 };
const FLOOR = { seconds: 10, connections: 50 };
const RACE = { clients: 500, attemptsPerClient: 5, seconds: 20, pickAmong: 5 };
/** Every request of the race gives up after this long (counted as a connection error). */
const REQUEST_TIMEOUT_MS = 20_000;
/** Requests still in flight this long after the race's end are aborted (counted as connection errors). */
const RACE_GRACE_MS = 10_000;
const STARTUP_TIMEOUT_MS = 90_000;

// ---------------------------------------------------------------- autocannon (CommonJS, no bundled types)

type AutocannonResult = { requests: { total: number }; errors: number; timeouts: number; duration: number };
type AutocannonInstance = PromiseLike<AutocannonResult> & {
  on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void;
  stop(): void;
};
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string;
  connections: number;
  duration: number;
  timeout?: number;
  headers?: Record<string, string>;
}) => AutocannonInstance;

// ---------------------------------------------------------------- small helpers

/** Nearest-rank percentile of ascending `sorted`. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const ms = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(value < 10 ? 1 : 0));

/** A plain text table with a header rule; numeric-looking cells are right-aligned. */
function table(header: string[], rows: (string | number)[][]): string {
  const cells = rows.map((row) => row.map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]!.length)));
  const numeric = (s: string) => /^[-–\d.,% ]+$/.test(s);
  const line = (row: string[]) => '  ' + row.map((c, i) => (numeric(c) && c !== '' ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [line(header), '  ' + widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** Figures of one scenario or step: latencies, status classes and transport errors. */
class Tally {
  readonly latencies: number[] = [];
  ok = 0;
  /** Neither 2xx nor 3xx. */
  bad = 0;
  serverErrors = 0;
  /** Connection errors and timeouts: no status at all. */
  errors = 0;
  constructor(readonly label: string) {}
  record(status: number, elapsedMs: number) {
    this.latencies.push(elapsedMs);
    if (status >= 200 && status < 400) this.ok++;
    else this.bad++;
    if (status >= 500) this.serverErrors++;
  }
  row(seconds: number): (string | number)[] {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return [this.label, this.latencies.length, (this.latencies.length / seconds).toFixed(1), ms(percentile(sorted, 50)), ms(percentile(sorted, 95)), ms(percentile(sorted, 99)), this.bad, this.serverErrors, this.errors];
  }
}

// ---------------------------------------------------------------- lifecycle

const external = process.env.DATABASE_URL;
let tempDir: string | undefined;
let database: PreparedDatabase | undefined;
const servers: ChildProcess[] = [];
let cleaningUp: Promise<void> | undefined;

async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  if ((await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)])) === false) {
    server.kill('SIGKILL');
    await Promise.race([exited, sleep(5_000)]);
  }
}

function cleanup(): Promise<void> {
  cleaningUp ??= (async () => {
    await Promise.all(servers.map(stopServer));
    // stop() drops a fresh database on DATABASE_URL's server, or stops the embedded server.
    if (database) await Promise.race([database.stop().catch((error) => console.error('Cleaning up the load-test database failed:', error)), sleep(10_000)]);
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  })();
  return cleaningUp;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void cleanup().finally(() => process.exit(130)));
}

async function waitForHealth(base: string, server: ChildProcess, logFile: string) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break;
    try {
      const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2_000) : '';
  throw new Error(`${base} did not become healthy within ${STARTUP_TIMEOUT_MS / 1000} s (exit code ${server.exitCode}).\n${log}`);
}

// ---------------------------------------------------------------- scenarios

/** One autocannon run per instance in parallel; connections split evenly, figures summed. */
async function cannon(label: string, urls: string[], totalConnections: number, seconds: number): Promise<[Tally, number]> {
  const tally = new Tally(label);
  const started = performance.now();
  const results = await Promise.all(urls.map((url) => {
    const instance = autocannon({ url, connections: Math.ceil(totalConnections / urls.length), duration: seconds, timeout: 10 });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => tally.record(statusCode, responseTime));
    return instance;
  }));
  const elapsed = (performance.now() - started) / 1000;
  tally.errors = results.reduce((sum, r) => sum + r.errors + r.timeouts, 0);
  return [tally, elapsed];
}

type RaceTallies = Record<'time' | 'hold' | 'details' | 'contact' | 'review' | 'confirm', Tally>;

async function holdRace(bases: string[], day: string) {
  const steps: RaceTallies = {
    time: new Tally('race: GET time page'),
    hold: new Tally('race: POST hold (slot form)'),
    details: new Tally('race: GET details page'),
    contact: new Tally('race: POST contact form'),
    review: new Tally('race: GET review page'),
    confirm: new Tally('race: POST confirm form'),
  };
  const outcome = { held: 0, taken: 0, booked: 0, noStart: 0, abandoned: 0, unexpected: new Map<string, number>() };
  /** An answer the flow does not expect; a request that got no answer (timeout) only counts as abandoned. */
  const note = (what: string, answered: boolean) => {
    if (!answered) outcome.abandoned++;
    else outcome.unexpected.set(what, (outcome.unexpected.get(what) ?? 0) + 1);
  };
  const deadline = performance.now() + RACE.seconds * 1000;
  const abortAll = new AbortController();
  const hardStop = setTimeout(() => abortAll.abort(), RACE.seconds * 1000 + RACE_GRACE_MS);

  const client = async (n: number) => {
    const base = bases[n % bases.length]!;
    const origin = new URL(base).origin;
    // A distinct client address each, as real visitors have (the hold rate limit is per address).
    const forwarded = `10.77.${Math.floor(n / 250)}.${(n % 250) + 1}`;
    let cookie = '';
    const request = async (tally: Tally, url: string, init: RequestInit = {}): Promise<Response | null> => {
      const started = performance.now();
      try {
        const response = await fetch(url, {
          ...init,
          redirect: 'manual',
          signal: AbortSignal.any([AbortSignal.timeout(REQUEST_TIMEOUT_MS), abortAll.signal]),
          headers: { 'x-forwarded-for': forwarded, ...(cookie ? { cookie } : {}), ...(init.method === 'POST' ? { origin } : {}), ...init.headers },
        });
        const body = await response.text();
        tally.record(response.status, performance.now() - started);
        const set = response.headers.getSetCookie().find((c) => c.startsWith('amtstermin_hold='));
        if (set) cookie = set.split(';')[0]!;
        return Object.assign(response, { bodyText: body });
      } catch {
        tally.errors++;
        return null;
      }
    };
    const bodyOf = (response: Response) => (response as Response & { bodyText: string }).bodyText;
    const post = (tally: Tally, pageUrl: string, form: ParsedForm, extra: Record<string, string>) => {
      const data = new FormData();
      for (const [name, value] of form.hidden) data.append(name, value);
      for (const [name, value] of Object.entries(extra)) data.append(name, value);
      const target = form.action && !form.action.startsWith('javascript:') ? new URL(form.action, pageUrl).toString() : pageUrl;
      return request(tally, target, { method: 'POST', body: data });
    };
    const locationOf = (response: Response) => response.headers.get('location') ?? '';

    for (let attempt = 0; attempt < RACE.attemptsPerClient && performance.now() < deadline && !abortAll.signal.aborted; attempt++) {
      const timeUrl = `${base}/de/termin/zeit?standort=${LOCATION_SLUG}&leistungen=${encodeURIComponent(SERVICES)}&tag=${day}`;
      const page = await request(steps.time, timeUrl);
      if (!page || page.status !== 200) continue;
      const slotForm = parseForms(bodyOf(page)).find((f) => f.starts.length > 0);
      if (!slotForm) {
        outcome.noStart++;
        return;
      }
      const start = slotForm.starts[Math.floor(Math.random() * Math.min(RACE.pickAmong, slotForm.starts.length))]!;
      const held = await post(steps.hold, timeUrl, slotForm, { start });
      if (!held) {
        outcome.abandoned++;
        continue;
      }
      const heldAt = locationOf(held);
      if (held.status >= 300 && held.status < 400 && heldAt.includes('hinweis=vergeben')) {
        outcome.taken++;
        continue;
      }
      if (!(held.status >= 300 && held.status < 400 && /\/termin\/daten/.test(heldAt))) {
        note(`hold answered ${held.status} ${heldAt}`, true);
        continue;
      }
      outcome.held++;

      // Hold kept: contact details, review, confirm, as the no-JavaScript forms submit them.
      const detailsUrl = new URL(heldAt, base).toString();
      const details = await request(steps.details, detailsUrl);
      const contactForm = details && details.status === 200 ? parseForms(bodyOf(details)).find((f) => f.fields.has('email')) : undefined;
      if (!contactForm) return note(`details page ${details?.status} without contact form`, details !== null);
      const saved = await post(steps.contact, detailsUrl, contactForm, { name: `Last Test ${n.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)))}`, email: `load-${n}@example.invalid`, phone: '', consent: 'on' });
      const reviewAt = saved ? locationOf(saved) : '';
      if (!saved || !/\/termin\/pruefen/.test(reviewAt)) return note(`contact answered ${saved?.status} ${reviewAt}`, saved !== null);
      const reviewUrl = new URL(reviewAt, base).toString();
      const review = await request(steps.review, reviewUrl);
      const confirmForm = review && review.status === 200 ? parseForms(bodyOf(review)).find((f) => f.hidden.some(([name]) => name.startsWith('$ACTION'))) : undefined;
      if (!confirmForm) return note(`review page ${review?.status} without confirm form`, review !== null);
      const confirmed = await post(steps.confirm, reviewUrl, confirmForm, {});
      if (confirmed && /\/termin\/bestaetigung\?nummer=/.test(locationOf(confirmed))) outcome.booked++;
      else note(`confirm answered ${confirmed?.status} ${confirmed ? locationOf(confirmed) : ''}`, confirmed !== null);
      return;
    }
  };

  const started = performance.now();
  // A request whose abort never lands (a lost AbortSignal.any on Node 20) must not hang the run: after the
  // grace period the race ends, and clients still waiting count as not answered.
  let finished = 0;
  await Promise.race([
    Promise.all(Array.from({ length: RACE.clients }, (_, n) => client(n).finally(() => finished++))),
    sleep(RACE.seconds * 1000 + RACE_GRACE_MS + 5_000),
  ]);
  outcome.abandoned += RACE.clients - finished;
  clearTimeout(hardStop);
  return { steps, outcome, seconds: (performance.now() - started) / 1000 };
}

// ---------------------------------------------------------------- phases of one time page

const PHASE_RUNS = 100;

/** The data work of one time page, phase by phase, as the page and the proxy do it (app modules imported after DATABASE_URL is set). */
async function timePhases({ slug, services: servicesParam }: { slug: string; services: string }): Promise<[string, number, number][]> {
  const { hitRateLimit, hitRateLimitBatched } = await import('@/db/queries/rate-limits');
  const { loadLocationForBooking, loadClosures, loadBusyState } = await import('@/db/queries/availability');
  const { horizonEnd, localToday } = await import('@/lib/booking/availability');
  const { AvailabilityCache } = await import('@/lib/booking/availability-cache');
  const { parseChoiceParam, resolveChoice } = await import('@/lib/booking/choice');
  const { computeSlots, durationOf } = await import('@/lib/slots');
  const { DateTime } = await import('luxon');
  const location = (await loadLocationForBooking({ slug }))!;
  const durationMinutes = durationOf(resolveChoice(location.services, parseChoiceParam(servicesParam))!);
  const now = new Date();
  const [from, to] = [localToday(location, now), horizonEnd(location, now)];
  const rangeStart = DateTime.fromISO(from, { zone: location.timeZone }).startOf('day').toJSDate();
  const rangeEnd = DateTime.fromISO(to, { zone: location.timeZone }).plus({ days: 1 }).startOf('day').toJSDate();
  const { busy } = await loadBusyState({ locationId: location.id, from: rangeStart, to: rangeEnd, releaseDelayMinutes: 15 });
  const closures = await loadClosures({ locationId: location.id, from, to });
  const cache = new AvailabilityCache();
  await (await cache.snapshot()).findSlots({ location, durationMinutes, from, to, now });
  const phases: [string, () => Promise<unknown>][] = [
    ['proxy: rate-limit hit, one upsert per request (before)', () => hitRateLimit({ key: 'availability:phase', limit: 1e9, windowSeconds: 60 })],
    ['proxy: rate-limit hit, batched (after; alone = one upsert)', () => hitRateLimitBatched({ key: 'availability:phase', limit: 1e9, windowSeconds: 60 })],
    ['office load: loadLocationForBooking (5 queries, before)', () => loadLocationForBooking({ slug })],
    ['busy intervals + closures of 42 days (2 queries, before)', () => Promise.all([loadBusyState({ locationId: location.id, from: rangeStart, to: rangeEnd, releaseDelayMinutes: 15 }), loadClosures({ locationId: location.id, from, to })])],
    ['slot computation: computeSlots over 42 days (before)', async () => computeSlots({ timeZone: location.timeZone, windows: location.windows, closures, counterIds: location.counterIds, busy, durationMinutes, stepMinutes: location.slotStepMinutes, minLeadMinutes: location.minLeadMinutes, horizonDays: location.bookingHorizonDays, now: new Date(), from, to })],
    ['after: versions read + cached office + cached slots', async () => {
      const view = await cache.snapshot();
      const cached = (await view.location(slug))!;
      return view.findSlots({ location: cached, durationMinutes, from, to, now: new Date() });
    }],
  ];
  const result: [string, number, number][] = [];
  for (const [label, run] of phases) {
    const times: number[] = [];
    for (let i = 0; i < PHASE_RUNS; i++) {
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    result.push([label, percentile(times, 50), percentile(times, 95)]);
  }
  return result;
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  if (!existsSync('.next/BUILD_ID')) {
    console.log('No production build (.next/BUILD_ID is missing): running `next build` first.');
    const build = spawn(path.join('node_modules', '.bin', 'next'), ['build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    const code = await new Promise<number | null>((resolve) => build.once('exit', resolve));
    if (code !== 0 || !existsSync('.next/BUILD_ID')) throw new Error(`next build failed (exit code ${code})`);
  }
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'amtstermin-load-'));
  // Run as root, the embedded server runs as the `postgres` user, which must enter this folder.
  chmodSync(tempDir, 0o755);
  database = await prepareDatabase({
    externalUrl: external,
    dataDir: path.join(tempDir, 'pg'),
    preferredPort: 54360,
    database: 'amtstermin_load',
    freshDatabase: `amtstermin_load_${Date.now()}`,
  });

  // lib/env parses process.env once, on first import: set the URL before importing any app module.
  process.env.DATABASE_URL = database.url;
  const { getDb, closeDb } = await import('@/db/client');
  const { seedDemoData } = await import('@/db/seed');
  const { loadLocationForBooking } = await import('@/db/queries/availability');
  const { findSlots, horizonEnd, localToday } = await import('@/lib/booking/availability');
  const { durationOf } = await import('@/lib/slots');
  const { parseChoiceParam, resolveChoice } = await import('@/lib/booking/choice');
  let day: string;
  let dayStarts: number;
  let phases: [string, number, number][];
  try {
    await seedDemoData(getDb());
    const location = await loadLocationForBooking({ slug: LOCATION_SLUG });
    const services = location && resolveChoice(location.services, parseChoiceParam(SERVICES));
    if (!location || !services) throw new Error(`Seeded location ${LOCATION_SLUG} or ${SERVICES} not found`);
    const now = new Date();
    const slots = await findSlots({ location, durationMinutes: durationOf(services), from: localToday(location, now), to: horizonEnd(location, now), now });
    const perDay = new Map<string, number>();
    for (const slot of slots) perDay.set(slot.date, (perDay.get(slot.date) ?? 0) + 1);
    // The busiest weekday: the one with the most starts on offer (a long Thursday), the day a rush goes for.
    [day, dayStarts] = [...perDay].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? ['', 0];
    if (!day) throw new Error('No free start in the horizon');
    phases = await timePhases({ slug: LOCATION_SLUG, services: SERVICES });
  } finally {
    await closeDb();
  }

  const mailDir = path.join(tempDir, 'mail');
  mkdirSync(mailDir);
  const ports = [await freePort(), await freePort()];
  const bases = ports.map((port) => `http://127.0.0.1:${port}`);
  for (const [i, port] of ports.entries()) {
    const logFile = path.join(tempDir, `next-${i + 1}.log`);
    const log = createWriteStream(logFile);
    const startArgs = ['start', '-p', String(port), '-H', '127.0.0.1'];
    // LOADTEST_CPU_PROF=<folder>: each instance writes a V8 CPU profile there when it stops (README, "Load test").
    const profile = process.env.LOADTEST_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.LOADTEST_CPU_PROF)}`] : [];
    const server = spawn(profile.length ? process.execPath : path.join('node_modules', '.bin', 'next'), profile.length ? [...profile, path.join('node_modules', 'next', 'dist', 'bin', 'next'), ...startArgs] : startArgs, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: database.url,
        // Both instances must share it: a PIN or grant made by one is checked by the other.
        APP_SECRET: process.env.APP_SECRET ?? ensureLocalAppSecret(),
        APP_URL: bases[i],
        HOLDS_PER_CLIENT_PER_HOUR: '1000000',
        BOOKINGS_PER_CLIENT_PER_HOUR: '1000000',
        // One loopback address stands for thousands of citizens here; the per-address limits would measure themselves.
        AVAILABILITY_READS_PER_CLIENT_PER_MINUTE: '100000000',
        MAIL_DIR: mailDir,
        // Each virtual client is its own X-Forwarded-For address, as a reverse proxy would append it.
        TRUSTED_PROXY_HOPS: '1',
        IN_PROCESS_WORKER: 'true',
        NEXT_TELEMETRY_DISABLED: '1',
        // The framework floor, app/lasttest: a dynamic page behind the same proxy that does nothing itself.
        LOAD_TEST_FLOOR: 'true',
      },
    });
    // Both streams write to one file: neither may end it while the other still writes.
    server.stdout!.pipe(log, { end: false });
    server.stderr!.pipe(log, { end: false });
    servers.push(server);
  }
  await Promise.all(servers.map((server, i) => waitForHealth(bases[i]!, server, path.join(tempDir!, `next-${i + 1}.log`))));

  const check = new pg.Client({ connectionString: database.url });
  await check.connect();
  try {
    const [{ version }] = (await check.query<{ version: string }>('select version()')).rows as [{ version: string }];
    const cpus = os.cpus();
    console.log(
      `Machine: ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown model'}), Node ${process.version}, ` +
        `${version.split(' on ')[0]} (${database.embedded ? 'embedded, in a temporary folder' : "fresh database on DATABASE_URL's server"})`,
    );
    console.log(`Two \`next start\` instances: ${bases.join(', ')}; demo data; race and rush day ${day} (${dayStarts} free starts for ${SERVICES})`);

    const healthUrls = bases.map((b) => `${b}/api/health`);
    const floorUrls = bases.map((b) => `${b}/lasttest`);
    const timeUrls = bases.map((b) => `${b}/de/termin/zeit?standort=${LOCATION_SLUG}&leistungen=${encodeURIComponent(SERVICES)}&tag=${day}`);
    // Warm-up: first renders load modules and open pool connections.
    for (const url of [...healthUrls, ...floorUrls, ...timeUrls]) for (let i = 0; i < 10; i++) await (await fetch(url)).text();

    // One request at a time, nothing else running: what a single page costs end to end.
    const single = async (url: string) => {
      const times: number[] = [];
      for (let i = 0; i < PHASE_RUNS / 4; i++) {
        const started = performance.now();
        await (await fetch(url, { headers: { 'x-forwarded-for': '10.99.0.1' } })).text();
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b);
    };
    const floorAlone = await single(floorUrls[0]!);
    const timeAlone = await single(timeUrls[0]!);
    console.log(`\n0. One time page, phase by phase (sequential, unloaded; data work timed in this process on the same database, ${PHASE_RUNS} runs):`);
    console.log(table(['phase', 'p50 ms', 'p95 ms'], [
      ['whole request: floor page (proxy with nonce, Next.js, no work)', ms(percentile(floorAlone, 50)), ms(percentile(floorAlone, 95))],
      ['whole request: time page', ms(percentile(timeAlone, 50)), ms(percentile(timeAlone, 95))],
      ...phases.map(([label, p50, p95]) => [label, ms(p50), ms(p95)]),
    ]));

    const rows: (string | number)[][] = [];
    const tallies: Tally[] = [];
    console.log(`\n1. Ceiling: GET /api/health (one \`select 1\`), ${CEILING.connections} connections over both instances, ${CEILING.seconds} s`);
    const [ceiling, ceilingSeconds] = await cannon('ceiling: GET /api/health', healthUrls, CEILING.connections, CEILING.seconds);
    rows.push(ceiling.row(ceilingSeconds));
    tallies.push(ceiling);
    console.log(`2. Framework floor: GET /lasttest (a dynamic page doing nothing, behind the same proxy, without the locale layout), ${FLOOR.connections} connections, ${FLOOR.seconds} s`);
    const [floor, floorSeconds] = await cannon('floor: GET trivial dynamic page', floorUrls, FLOOR.connections, FLOOR.seconds);
    rows.push(floor.row(floorSeconds));
    tallies.push(floor);
    console.log(`3. Availability rush: GET /de/termin/zeit?…&tag=${day}, ${RUSH.connections} connections over both instances, ${RUSH.seconds} s`);
    const [rush, rushSeconds] = await cannon('rush: GET time page', timeUrls, RUSH.connections, RUSH.seconds);
    rows.push(rush.row(rushSeconds));
    tallies.push(rush);
    console.log(`4. Hold race: ${RACE.clients} clients on ${day}, up to ${RACE.attemptsPerClient} attempts each, ≤ ${RACE.seconds} s; every client that gets a hold enters its details and confirms`);
    const race = await holdRace(bases, day);
    for (const tally of Object.values(race.steps)) {
      rows.push(tally.row(race.seconds));
      tallies.push(tally);
    }

    // 5. The release second: the office releases the day the horizon reaches at the next full minute, and a
    // rush on that day's page starts a second before it. Without sharing, every request would compute anew.
    const { DateTime } = await import('luxon');
    let releaseAt = DateTime.now().setZone('Europe/Berlin').plus({ minutes: 1 }).startOf('minute');
    // Room for the "before" look even on a loaded machine (a page can take seconds while the race's last requests drain).
    if (releaseAt.toMillis() - Date.now() < 20_000) releaseAt = releaseAt.plus({ minutes: 1 });
    const [{ horizon }] = (await check.query<{ horizon: number }>(`update locations set release_time = $1, release_weekdays = '{1,2,3,4,5,6,7}' where slug = $2 returning booking_horizon_days as horizon`, [releaseAt.toFormat('HH:mm'), LOCATION_SLUG])).rows as [{ horizon: number }];
    const releasedDay = releaseAt.plus({ days: horizon }).toISODate()!;
    const releaseUrls = bases.map((b) => `${b}/de/termin/zeit?standort=${LOCATION_SLUG}&leistungen=${encodeURIComponent(SERVICES)}&tag=${releasedDay}`);
    // The page falls back to the first free day while the asked one is not bookable: count starts on that day only.
    const startsOn = async () =>
      (parseForms(await (await fetch(releaseUrls[0]!, { headers: { 'x-forwarded-for': '10.99.0.2' } })).text()).find((f) => f.starts.length > 0)?.starts ?? []).filter(
        (start) => DateTime.fromISO(start, { zone: 'Europe/Berlin' }).toISODate() === releasedDay,
      ).length;
    const startsBefore = await startsOn();
    const lookedBeforeRelease = Date.now() < releaseAt.toMillis();
    console.log(`5. Release second: ${releaseAt.toFormat('HH:mm:ss')} releases ${releasedDay}; ${RUSH.connections} connections on its page from a second before, ${RUSH.seconds} s`);
    await sleep(Math.max(0, releaseAt.toMillis() - 1_000 - Date.now()));
    const [releaseRush, releaseSeconds] = await cannon('release second: GET time page', releaseUrls, RUSH.connections, RUSH.seconds);
    rows.push(releaseRush.row(releaseSeconds));
    tallies.push(releaseRush);
    const startsAfter = await startsOn();

    console.log('\n' + table(['scenario / step', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'non-2xx/3xx', '5xx', 'no answer'], rows));
    const floorRate = floor.latencies.length / floorSeconds;
    const rushRate = rush.latencies.length / rushSeconds;
    console.log(`\n   time page under the rush: ${rushRate.toFixed(1)} req/s = ${(rushRate / floorRate).toFixed(2)} × the framework floor (${floorRate.toFixed(1)} req/s), ${(rushRate / (ceiling.latencies.length / ceilingSeconds)).toFixed(2)} × the health check`);
    const releaseOk = (startsBefore === 0 || !lookedBeforeRelease) && startsAfter > 0;
    console.log(`   release second: ${releasedDay} offered ${lookedBeforeRelease ? startsBefore : '(not seen: the page came after the release)'} starts before ${releaseAt.toFormat('HH:mm')} and ${startsAfter} after` + (releaseOk ? ' (ok)' : ' (UNEXPECTED)'));
    const { outcome } = race;
    console.log(`\n   race: ${race.seconds.toFixed(1)} s, ${outcome.held} holds, ${outcome.taken} taken by another client, ${outcome.booked} booked` +
      (outcome.noStart ? `, ${outcome.noStart} clients found no free start left` : '') +
      (outcome.abandoned ? `, ${outcome.abandoned} flows abandoned after a request got no answer within ${REQUEST_TIMEOUT_MS / 1000} s` : ''));
    for (const [what, count] of outcome.unexpected) console.log(`   UNEXPECTED: ${count} × ${what}`);

    const [{ overlaps }] = (await check.query<{ overlaps: number }>(`
      select count(*)::int as overlaps
        from bookings a
        join bookings b on a.counter_id = b.counter_id and a.id < b.id and a.during && b.during
       where a.status in ('held', 'booked', 'checked_in', 'done', 'no_show')
         and b.status in ('held', 'booked', 'checked_in', 'done', 'no_show')
         and not (a.status = 'held' and a.hold_expires_at <= now())
         and not (b.status = 'held' and b.hold_expires_at <= now())`)).rows as [{ overlaps: number }];
    const [{ booked }] = (await check.query<{ booked: number }>(`select count(*)::int as booked from bookings where status = 'booked'`)).rows as [{ booked: number }];
    console.log(`\n6. Overlapping active bookings on one counter: ${overlaps} ${overlaps === 0 ? '(ok)' : '(INVARIANT BROKEN)'}; ${booked} bookings 'booked' in the database`);

    const serverErrors = tallies.reduce((sum, t) => sum + t.serverErrors, 0);
    if (serverErrors > 0) {
      console.log(`\nFAILED: ${serverErrors} responses with status 5xx. Server log tails:`);
      for (let i = 0; i < servers.length; i++) console.log(readFileSync(path.join(tempDir, `next-${i + 1}.log`), 'utf8').slice(-3_000));
    }
    const unanswered = outcome.abandoned + race.steps.time.errors;
    if (unanswered > 0) console.log(`\nFAILED: ${unanswered} race requests got no answer.`);
    return serverErrors === 0 && overlaps === 0 && outcome.unexpected.size === 0 && unanswered === 0 && releaseOk ? 0 : 1;
  } finally {
    await check.end();
  }
}

let exitCode = 1;
try {
  const started = performance.now();
  exitCode = await main();
  console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
} finally {
  await cleanup();
}
process.exit(exitCode);
