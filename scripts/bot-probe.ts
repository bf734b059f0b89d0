/**
 * `npm run bot-probe`: how many appointments a booking bot gets in a minute from an office that asks for
 * the proof-of-work. Starts a throwaway PostgreSQL with the demo data (the Bürgeramt Mitte switched to
 * proof-of-work), serves the production build as `npm start` does (scripts/serve.ts, or `next start` on
 * a tree without it) with the default settings, and runs a bot: altcha-lib solves each challenge in Node,
 * every attempt comes with a new X-Forwarded-For address, a new cookie jar and a throwaway email, and
 * walks hold → details → review → confirm as the no-JavaScript forms submit them.
 * PROBE_SECONDS (60) and PROBE_WORKERS (2, one per core) change the run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { drizzle } from 'drizzle-orm/node-postgres';
import { DateTime } from 'luxon';
import pg from 'pg';
import { freePort } from '../db/embedded';
import { prepareDatabase } from '../db/prepare';
import * as schema from '../db/schema';
import { seedDemoData } from '../db/seed';
import { parseForms, type ParsedForm } from './html-forms';

const SECONDS = Number(process.env.PROBE_SECONDS ?? 60);
const WORKERS = Number(process.env.PROBE_WORKERS ?? 2);
const SLUG = 'buergeramt-mitte';
const SERVICES = 'beglaubigung:1';

type Outcome = 'booked' | 'no-start' | 'hold-refused' | 'hold-taken' | 'contact-failed' | 'confirm-refused' | 'error';

async function main() {
  if (!existsSync('.next/BUILD_ID')) throw new Error('No production build: run `npx next build` first.');
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'amtstermin-bot-'));
  chmodSync(tempDir, 0o755);
  const database = await prepareDatabase({ dataDir: path.join(tempDir, 'pg'), preferredPort: 54380, database: 'amtstermin_bot' });
  let server: ChildProcess | undefined;
  try {
    const pool = new pg.Pool({ connectionString: database.url });
    await seedDemoData(drizzle(pool, { schema, casing: 'snake_case' }));
    await pool.query('update locations set require_challenge = true where slug = $1', [SLUG]);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const mailDir = path.join(tempDir, 'mail');
    mkdirSync(mailDir);
    const serve = existsSync('scripts/serve.ts');
    const env = { ...process.env, NODE_ENV: 'production' as const, DATABASE_URL: database.url, APP_URL: base, MAIL_DIR: mailDir, PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' };
    server = serve
      ? spawn(path.join('node_modules', '.bin', 'tsx'), ['scripts/serve.ts'], { stdio: 'ignore', env })
      : spawn(path.join('node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', '127.0.0.1'], { stdio: 'ignore', env });
    for (let i = 0; ; i++) {
      if (i > 360) throw new Error('server did not become healthy');
      if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
      await sleep(250);
    }
    console.log(`Bot against ${serve ? 'scripts/serve.ts' : 'next start'} on ${base}, ${WORKERS} workers, ${SECONDS} s …`);

    const tally = new Map<Outcome, number>();
    const solveMs: number[] = [];
    const firstDay = DateTime.now().setZone('Europe/Berlin').plus({ days: 2 });
    let dayOffset = 0;
    let identity = 0;
    const deadline = performance.now() + SECONDS * 1000;

    const attempt = async (): Promise<Outcome> => {
      const n = identity++;
      const forwarded = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
      const jar = new Map<string, string>();
      const request = async (url: string, init: RequestInit = {}) => {
        const response = await fetch(url, {
          ...init,
          redirect: 'manual',
          headers: { 'x-forwarded-for': forwarded, cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(init.method === 'POST' ? { origin: base } : {}), ...init.headers },
        });
        for (const set of response.headers.getSetCookie()) {
          const [pair = '', ...attrs] = set.split(';');
          const [name = '', value = ''] = pair.split('=');
          if (!value || attrs.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim()))) jar.delete(name.trim());
          else jar.set(name.trim(), value);
        }
        return { response, body: await response.text() };
      };
      const post = (pageUrl: string, form: ParsedForm, extra: Record<string, string>) => {
        const data = new FormData();
        for (const [name, value] of form.hidden) data.append(name, value);
        for (const [name, value] of Object.entries(extra)) data.append(name, value);
        return request(pageUrl, { method: 'POST', body: data });
      };
      const location = (r: Response) => r.headers.get('location') ?? '';
      const failed = (step: string, r: Response, body: string): Outcome => {
        if (process.env.PROBE_DEBUG) console.log(step, r.status, location(r), body.slice(0, 300));
        return 'contact-failed';
      };

      let slotForm: ParsedForm | undefined;
      let timeUrl = '';
      for (; dayOffset < 60 && !slotForm; ) {
        timeUrl = `${base}/de/termin/zeit?standort=${SLUG}&leistungen=${encodeURIComponent(SERVICES)}&tag=${firstDay.plus({ days: dayOffset }).toISODate()}`;
        const page = await request(timeUrl);
        slotForm = page.response.status === 200 ? parseForms(page.body).find((f) => f.starts.length > 0) : undefined;
        if (!slotForm) dayOffset++;
      }
      if (!slotForm) return 'no-start';
      const extra: Record<string, string> = { start: slotForm.starts[n % Math.min(5, slotForm.starts.length)]! };
      const challengeAnswer = await request(`${base}/api/challenge?standort=${SLUG}`);
      if (challengeAnswer.response.status === 200) {
        const challenge = JSON.parse(challengeAnswer.body) as Challenge;
        const started = performance.now();
        const solution = await solveChallenge({ challenge, deriveKey });
        solveMs.push(performance.now() - started);
        extra.altcha = Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
      }
      const held = await post(timeUrl, slotForm, extra);
      if (location(held.response).includes('hinweis=vergeben')) return 'hold-taken';
      if (!/\/termin\/daten/.test(location(held.response))) return 'hold-refused';
      const detailsUrl = new URL(location(held.response), base).toString();
      const details = await request(detailsUrl);
      const contactForm = parseForms(details.body).find((f) => f.fields.has('email'));
      if (!contactForm) return failed('details', details.response, details.body);
      const saved = await post(detailsUrl, contactForm, { name: `Robo ${n.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)))}`, email: `bot-${n}-${Math.random().toString(36).slice(2, 8)}@throwaway.example`, phone: '', consent: 'on' });
      if (!/\/termin\/pruefen/.test(location(saved.response))) return failed('contact', saved.response, saved.body);
      const reviewUrl = new URL(location(saved.response), base).toString();
      const review = await request(reviewUrl);
      const confirmForm = parseForms(review.body).find((f) => f.hidden.some(([name]) => name.startsWith('$ACTION')));
      if (!confirmForm) return failed('review', review.response, review.body);
      const confirmed = await post(reviewUrl, confirmForm, {});
      return /\/termin\/bestaetigung\?nummer=/.test(location(confirmed.response)) ? 'booked' : 'confirm-refused';
    };

    const started = performance.now();
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (performance.now() < deadline) {
          const outcome = await attempt().catch(() => 'error' as const);
          tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const { rows } = await pool.query<{ n: number }>("select count(*)::int as n from bookings where status = 'booked' and source = 'online'");
    await pool.end();
    const sorted = solveMs.sort((a, b) => a - b);
    console.log(`\n${rows[0]!.n} bookings confirmed in ${elapsed.toFixed(1)} s (${((rows[0]!.n * 60) / elapsed).toFixed(1)} per minute)`);
    console.log(`attempts: ${[...tally].map(([k, v]) => `${k} ${v}`).join(', ')}`);
    if (sorted.length) console.log(`proof-of-work solved ${sorted.length}×, median ${(sorted[Math.floor(sorted.length / 2)]! / 1000).toFixed(2)} s`);
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await Promise.race([new Promise((resolve) => server!.once('exit', resolve)), sleep(10_000)]);
    }
    await database.stop();
    rmSync(tempDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
