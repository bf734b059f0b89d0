import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from '@/db/embedded';
import { migrateDatabase } from '@/db/migrate';
import { bookings } from '@/db/schema';
import { freeLoopbackPort, isConnectionError, sleep, withDeadline } from '../support/faults';

// PostgreSQL is stopped and started again while citizens keep booking. This file runs its own embedded
// server (its own data dir and port) so the restarts never touch the server the other test files share,
// also when the suite runs against DATABASE_URL. The app's modules read DATABASE_URL on first import,
// so they are imported (dynamically) only once this server is up.

async function loadApp() {
  const [client, queries, hold, outbox, secrets, password, office, health, drizzle] = await Promise.all([
    import('@/db/client'),
    import('@/db/queries/bookings'),
    import('@/lib/booking/hold'),
    import('@/lib/mail/outbox'),
    import('@/lib/booking/secrets'),
    import('@/lib/auth/password'),
    import('../support/office'),
    import('@/app/api/health/route'),
    import('drizzle-orm'),
  ]);
  return { ...client, ...queries, ...hold, ...outbox, ...secrets, ...password, ...office, healthGet: health.GET, sql: drizzle.sql, inArray: drizzle.inArray };
}

type App = Awaited<ReturnType<typeof loadApp>>;
type Phase = 'before' | 'outage' | 'after';
/** One citizen's try at booking; `startedIn` is the phase when the first query was sent. */
type Attempt = { startedIn: Phase; tokenHash: string; result: 'booked' | 'taken' | 'not-booked' | 'error'; step: 'hold' | 'contact' | 'confirm'; error?: unknown };

let tempDir: string | undefined;
let dataDir = '';
let port = 0;
let server: RunningPostgres | undefined;
let app: App;
let office: Awaited<ReturnType<App['mainOffice']>>;

beforeAll(async () => {
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'amtstermin-fault-pg-'));
  // Run as root, PostgreSQL runs as the `postgres` user, which must be able to enter the folder.
  chmodSync(tempDir, 0o755);
  dataDir = path.join(tempDir, 'pg');
  port = await freeLoopbackPort();
  server = await startEmbeddedPostgres({ dataDir, preferredPort: port });
  await ensureDatabase(server.url('postgres'), 'amtstermin_fault');
  await migrateDatabase(server.url('amtstermin_fault'));
  process.env.DATABASE_URL = server.url('amtstermin_fault');
  app = await loadApp();
  office = await app.mainOffice();
}, 120_000);

afterAll(async () => {
  try {
    // pool.end() waits for every checked-out client; a leaked one must not keep PostgreSQL running.
    await withDeadline(app?.closeDb() ?? Promise.resolve(), 10_000, 'closing the pool');
  } finally {
    await server?.stop();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}, 60_000);

/** Stops PostgreSQL: a fast shutdown (what a restart by the operator does) or an immediate one (a crash: no checkpoint, recovery from WAL on the next start). */
async function stopPostgres(how: 'fast shutdown' | 'crash') {
  const running = server!;
  server = undefined;
  if (how === 'crash') {
    // SIGQUIT to the postmaster is PostgreSQL's immediate shutdown; stop() then only waits for it to exit.
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGQUIT');
  }
  await running.stop();
}

async function startPostgres() {
  server = await startEmbeddedPostgres({ dataDir, preferredPort: port });
  // The app's pool keeps its URL: the server must come back on the same port.
  expect(server.port).toBe(port);
}

/**
 * Citizens booking one after the other, as the online flow does (hold, contact, confirm with the mail
 * queued in the confirming transaction), until `stop` is set. Each call has a deadline: a hang fails the test.
 */
function bookingStream({ citizens, starts, phase }: { citizens: number; starts: Date[]; phase: () => Phase }) {
  const attempts: Attempt[] = [];
  let stop = false;
  const serviceChoices = [app.choose(office, { personalausweis: 1 }), app.choose(office, { meldebescheinigung: 1, beglaubigung: 1 })];

  async function citizen(id: number) {
    for (let n = 0; !stop; n++) {
      const startedIn = phase();
      const tokenHash = app.hashToken(randomUUID());
      const attempt: Attempt = { startedIn, tokenHash, result: 'error', step: 'hold' };
      try {
        const held = await withDeadline(
          app.holdSlot({ location: office, services: serviceChoices[n % 2]!, start: starts[Math.floor(Math.random() * starts.length)]!, tokenHash, locale: 'de' }),
          30_000,
          'holdSlot',
        );
        if (!held.ok) {
          attempt.result = 'taken';
          continue;
        }
        attempt.step = 'contact';
        const contact = { name: 'Erika Mustermann', email: `fault-${id}-${n}-${randomUUID()}@example.org`, phone: null };
        await withDeadline(app.saveHoldContact({ tokenHash, contact, locale: 'de' }), 30_000, 'saveHoldContact');
        attempt.step = 'confirm';
        const pin = app.generatePin();
        const pinHash = await app.hashSecret(pin);
        const result = await withDeadline(
          app.confirmHold({
            tokenHash,
            pinHash,
            pinSealed: 'sealed',
            maxFutureBookingsPerEmail: 2,
            afterConfirm: async (tx, booking) => {
              await app.enqueueMail(tx, { kind: 'booking-confirmed', bookingId: booking.id, pin });
            },
          }),
          30_000,
          'confirmHold',
        );
        attempt.result = result.status === 'confirmed' ? 'booked' : 'not-booked';
      } catch (error) {
        attempt.error = error;
        // While PostgreSQL is down every call fails at once; do not spin.
        await sleep(100);
      } finally {
        attempts.push(attempt);
      }
    }
  }

  const running = Promise.all(Array.from({ length: citizens }, (_, id) => citizen(id)));
  return {
    attempts,
    booked: (p: Phase) => attempts.filter((a) => a.startedIn === p && a.result === 'booked').length,
    finish: async () => {
      stop = true;
      await running;
    },
  };
}

/** The free starts of the 15-minute choice on the given Wednesdays, as the time page offers them. */
async function offeredStarts(days: number[]): Promise<Date[]> {
  const { findSlots } = await import('@/lib/booking/availability');
  const starts: Date[] = [];
  for (const index of days) {
    const day = app.openWednesday(index).toISODate()!;
    starts.push(...(await findSlots({ location: office, durationMinutes: 15, from: day, to: day })).map((s) => s.start));
  }
  return starts;
}

/** Everything that must hold after any interruption: no booking is half-written, nothing overlaps. */
async function expectNoHalfWrittenBookings() {
  const db = app.getDb();
  const { sql } = app;
  const count = async (query: ReturnType<typeof sql>) => (await db.execute<{ n: number }>(query)).rows[0]!.n;

  // A booking is whole: contact, PIN hash, confirmation time, services that add up to its length, and exactly one confirmation mail.
  expect(
    await count(sql`
      select count(*)::int as n from bookings b
      where b.status = 'booked' and (
        b.pin_hash is null or b.pin_sealed is null or b.confirmed_at is null or b.email is null or b.name is null
        or coalesce((select sum(s.count * s.minutes_per_unit) from booking_services s where s.booking_id = b.id), 0)
           <> extract(epoch from upper(b.during) - lower(b.during)) / 60
        or (select count(*) from outbox o where o.kind = 'booking-confirmed' and (o.payload ->> 'bookingId')::bigint = b.id) <> 1)`),
    'booked rows that are not whole',
  ).toBe(0);
  // No mail for a confirmation that did not commit.
  expect(
    await count(sql`
      select count(*)::int as n from outbox o left join bookings b on b.id = (o.payload ->> 'bookingId')::bigint
      where o.kind = 'booking-confirmed' and b.status is distinct from 'booked'`),
    'confirmation mails without a booking',
  ).toBe(0);
  // A hold is whole too (its services were written with it), and it runs out by itself within the hold time.
  expect(
    await count(sql`
      select count(*)::int as n from bookings b join locations l on l.id = b.location_id
      where b.status = 'held' and (
        not exists (select 1 from booking_services s where s.booking_id = b.id)
        or b.hold_expires_at is null or b.hold_expires_at > now() + make_interval(mins => l.hold_minutes))`),
    'held rows without services or without a bounded expiry',
  ).toBe(0);
  expect(
    await count(sql`
      select count(*)::int as n from bookings a join bookings b on a.counter_id = b.counter_id and a.id < b.id and a.during && b.during
      where a.status in ('held','booked') and b.status in ('held','booked')
        and not (a.status = 'held' and a.hold_expires_at <= now()) and not (b.status = 'held' and b.hold_expires_at <= now())`),
    'overlapping bookings',
  ).toBe(0);
}

describe('PostgreSQL restarting while citizens book', () => {
  for (const [how, days] of [
    ['fast shutdown', [0, 1]],
    ['crash', [2, 3]],
  ] as const) {
    it(`fails calls cleanly during a ${how}, books again with the same pool afterwards, and leaves no half-written booking`, async () => {
      let phase: Phase = 'before';
      const pool = app.getPool();
      const stream = bookingStream({ citizens: 6, starts: await offeredStarts([...days]), phase: () => phase });
      try {
        await expect.poll(() => stream.booked('before'), { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(5);

        phase = 'outage';
        await stopPostgres(how);
        const failedBefore = stream.attempts.filter((a) => a.error).length;
        // Long enough that every citizen runs into the outage, several times.
        await expect.poll(() => stream.attempts.filter((a) => a.error).length - failedBefore, { timeout: 30_000, interval: 100 }).toBeGreaterThanOrEqual(12);
        await sleep(2_000);
        const health = await app.healthGet();
        expect(health.status).toBe(503);

        await startPostgres();
        phase = 'after';
        await expect.poll(() => stream.booked('after'), { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(5);
        expect((await app.healthGet()).status).toBe(200);
      } finally {
        await stream.finish();
      }

      // No app restart: the same pool serves on, having replaced its broken connections, and none is
      // leaked (checked out for good, e.g. by a transaction whose BEGIN failed): the pool would run dry.
      expect(app.getPool()).toBe(pool);
      expect({ checkedOut: pool.totalCount - pool.idleCount, waiting: pool.waitingCount }).toEqual({ checkedOut: 0, waiting: 0 });

      const failures = stream.attempts.filter((a) => a.error);
      expect(failures.length).toBeGreaterThan(0);
      // Every failure is the database being unreachable, reported as a rejected promise (the page shows the
      // translated error page, `app/[locale]/error.tsx`); nothing hangs (deadlines) and nothing crashes the process.
      const unexpected = failures.filter((a) => !isConnectionError(a.error));
      expect(unexpected.map((a) => String((a.error as Error)?.stack ?? a.error))).toEqual([]);
      // Once PostgreSQL is back, nothing fails any more.
      expect(stream.attempts.filter((a) => a.startedIn === 'after' && a.error).map((a) => String(a.error))).toEqual([]);

      // What a citizen was told is booked is booked, also across a crash.
      const statusOf = (tokens: string[]) => app.getDb().select({ status: bookings.status }).from(bookings).where(app.inArray(bookings.holdTokenHash, tokens));
      const booked = stream.attempts.filter((a) => a.result === 'booked').map((a) => a.tokenHash);
      expect((await statusOf(booked)).filter((r) => r.status === 'booked')).toHaveLength(booked.length);
      // A call that failed wrote all or nothing: no row, a whole hold, or (confirm committed, answer lost) a whole booking.
      for (const { status } of await statusOf(failures.map((a) => a.tokenHash))) expect(['held', 'booked']).toContain(status);
      await expectNoHalfWrittenBookings();
    }, 240_000);
  }
});
