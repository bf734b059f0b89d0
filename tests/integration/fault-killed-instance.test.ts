import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { findSlots } from '@/lib/booking/availability';
import { confirmHold } from '@/db/queries/bookings';
import { bookings, outbox } from '@/db/schema';
import type { LocationForBooking } from '@/db/queries/availability';
import { holdSlot } from '@/lib/booking/hold';
import { hashToken } from '@/lib/booking/secrets';
import { enqueueMail } from '@/lib/mail/outbox';
import { withDeadline } from '../support/faults';
import { at, choose, mainOffice, occupy, openWednesday } from '../support/office';

// Another app instance, a real process on this file's database, is killed with SIGKILL in the middle of a
// request: no finally block, no rollback from the app, only what PostgreSQL does when a client vanishes.

const root = path.resolve(import.meta.dirname, '../..');
const children = new Set<ChildProcess>();
let office: LocationForBooking;

beforeAll(async () => {
  office = await mainOffice();
});

afterEach(async () => {
  // Whatever happened in the test, no instance outlives it.
  await Promise.all([...children].map(kill));
});

type Instance = { child: ChildProcess; next: (event: string) => Promise<Record<string, unknown>> };

/** Starts an instance in `mode` (see tests/support/booking-instance.ts) and reads its reports. */
function startInstance(mode: string, args: { start: Date; counts: Record<string, number>; tokenHash: string; email?: string; attempts?: { start: string; counts: Record<string, number> }[] }): Instance {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', './scripts/allow-server-only.mjs', 'tests/support/booking-instance.ts', mode, JSON.stringify({ email: `killed-${randomUUID()}@example.org`, ...args, start: args.start.toISOString() })],
    { cwd: root, env: { ...process.env }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  children.add(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const events: Record<string, unknown>[] = [];
  const waiting: (() => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    events.push(JSON.parse(line) as Record<string, unknown>);
    waiting.splice(0).forEach((wake) => wake());
  });
  const exited = once(child, 'exit');
  const next = async (event: string) => {
    const seen = () => events.find((e) => e.event === event || e.event === 'failed');
    const check = () => {
      const found = seen();
      if (found?.event === 'failed') throw new Error(`the instance failed: ${String(found.error)}`);
      return found;
    };
    // tsx compiles the app on start; generous for a busy 2-core machine.
    return withDeadline(
      (async () => {
        for (;;) {
          const found = check();
          if (found) return found;
          await Promise.race([new Promise<void>((resolve) => waiting.push(resolve)), exited.then(() => undefined)]);
          if (child.exitCode !== null && !check()) throw new Error(`the instance exited (${child.exitCode}) before "${event}": ${stderr}`);
        }
      })(),
      90_000,
      `the instance's "${event}"`,
    );
  };
  return { child, next };
}

async function kill(child: ChildProcess) {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }
  children.delete(child);
}

const advisoryLocks = async () =>
  (
    await getDb().execute<{ n: number }>(sql`
      select count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid
      where l.locktype = 'advisory' and l.granted and a.datname = current_database()`)
  ).rows[0]!.n;

const rowOf = async (tokenHash: string) => (await getDb().select().from(bookings).where(eq(bookings.holdTokenHash, tokenHash)))[0];

/** What the clock does to a hold after its minutes: PostgreSQL's now() decides expiry, so move the expiry instead of waiting. */
const letHoldRunOut = (tokenHash: string) => getDb().update(bookings).set({ holdExpiresAt: sql`now() - interval '1 second'` }).where(eq(bookings.holdTokenHash, tokenHash));

const offered = async (start: Date, durationMinutes: number) => {
  const day = openWednesday(0).toISODate()!;
  return (await findSlots({ location: office, durationMinutes, from: day, to: day })).some((s) => s.start.getTime() === start.getTime());
};

const anotherCitizenHolds = (start: Date) =>
  withDeadline(holdSlot({ location: office, services: choose(office, { personalausweis: 1 }), start, tokenHash: hashToken(randomUUID()), locale: 'de' }), 15_000, 'a hold on the same day');

describe('an app instance killed mid-request', () => {
  it('leaves nothing of a hold it was writing and frees the day for the next holder at once', async () => {
    const start = at(openWednesday(0), '08:00');
    const tokenHash = hashToken(randomUUID());
    const instance = startInstance('pause-in-hold', { start, counts: { personalausweis: 1 }, tokenHash });
    await instance.next('paused');
    // Stopped inside the transaction: it holds the day's advisory lock, and its row is not visible to anyone.
    expect(await advisoryLocks()).toBe(1);
    expect(await rowOf(tokenHash)).toBeUndefined();

    await kill(instance.child);

    // PostgreSQL sees the connection close, rolls the transaction back and drops the lock.
    await expect.poll(advisoryLocks, { timeout: 15_000, interval: 100 }).toBe(0);
    expect(await rowOf(tokenHash)).toBeUndefined();
    const { rows } = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from bookings b where b.status = 'held' and not exists (select 1 from booking_services s where s.booking_id = b.id)`);
    expect(rows[0]!.n).toBe(0);
    // The same start on the same day is free and holdable (the advisory lock would make this wait forever).
    expect((await anotherCitizenHolds(start)).ok).toBe(true);
  }, 120_000);

  it('keeps an orphaned hold blocking its slot only until it expires, then offers the slot again', async () => {
    const start = at(openWednesday(0), '09:00');
    const [c1, c2] = office.counterIds as [number, number, number];
    // Two of three counters are booked, so the orphaned hold on the third blocks the start alone.
    await occupy(office, c1, start, at(openWednesday(0), '09:30'));
    await occupy(office, c2, start, at(openWednesday(0), '09:30'));
    const tokenHash = hashToken(randomUUID());
    const instance = startInstance('hold-and-wait', { start, counts: { personalausweis: 1 }, tokenHash });
    const held = await instance.next('held');
    await kill(instance.child);

    const orphan = (await rowOf(tokenHash))!;
    expect(orphan).toMatchObject({ status: 'held', code: held.code });
    // The hold carries its own end, whoever is left to release it.
    expect(orphan.holdExpiresAt!.getTime() - orphan.createdAt.getTime()).toBeLessThanOrEqual(office.holdMinutes * 60_000 + 1_000);
    const minutes = choose(office, { personalausweis: 1 }).reduce((sum, s) => sum + s.minutesPerUnit * s.count, 0);
    expect(await offered(start, minutes)).toBe(false);
    expect((await anotherCitizenHolds(start)).ok).toBe(false);

    await letHoldRunOut(tokenHash);

    expect(await offered(start, minutes)).toBe(true);
    expect((await anotherCitizenHolds(start)).ok).toBe(true);
    expect((await rowOf(tokenHash))!.status).toBe('expired');
    // Too late for the killed instance's citizen to confirm it.
    expect((await confirmHold({ tokenHash, pinHash: 'x', pinSealed: 'y', maxFutureBookingsPerEmail: 2 })).status).toBe('expired');
  }, 120_000);

  it('leaves a hold, not a booking without its mail, when killed while confirming; a retry elsewhere books once', async () => {
    const start = at(openWednesday(0), '10:00');
    const tokenHash = hashToken(randomUUID());
    const instance = startInstance('pause-in-confirm', { start, counts: { beglaubigung: 1 }, tokenHash });
    await instance.next('paused');
    // Inside the confirming transaction: it holds the lock on the citizen's address.
    expect(await advisoryLocks()).toBe(1);
    await kill(instance.child);

    // The booked status was written in the killed transaction, the mail not yet: PostgreSQL keeps neither.
    await expect.poll(advisoryLocks, { timeout: 15_000, interval: 100 }).toBe(0);
    const row = (await rowOf(tokenHash))!;
    expect(row).toMatchObject({ status: 'held', pinHash: null, confirmedAt: null });
    const mails = () => getDb().select().from(outbox).where(sql`(${outbox.payload} ->> 'bookingId')::bigint = ${row.id}`);
    expect(await mails()).toHaveLength(0);

    // The citizen's browser sends the form again and another instance answers: booked once, one mail.
    const retry = () =>
      withDeadline(
        confirmHold({
          tokenHash,
          pinHash: 'hash',
          pinSealed: 'sealed',
          maxFutureBookingsPerEmail: 2,
          afterConfirm: async (tx, booking) => {
            await enqueueMail(tx, { kind: 'booking-confirmed', bookingId: booking.id, pin: '654321' });
          },
        }),
        15_000,
        'the retried confirmation',
      );
    expect((await retry()).status).toBe('confirmed');
    expect((await retry()).status).toBe('already-confirmed');
    expect(await mails()).toHaveLength(1);
  }, 120_000);
});

describe('two app instances re-packing one morning at once', () => {
  it('leave no two active bookings overlapping on one counter', async () => {
    const day = openWednesday(1);
    const lengths: Record<string, number>[] = [{ anmeldung: 1 }, { anmeldung: 2 }, { personalausweis: 2 }, { anmeldung: 4 }, { reisepass: 3 }];
    const attempts = (offset: number) =>
      Array.from({ length: 30 }, (_, n) => {
        const minutes = 8 * 60 + 10 * ((n * 7 + offset) % 24);
        return { start: at(day, `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`).toISOString(), counts: lengths[(n + offset) % lengths.length]! };
      });
    const raced = await Promise.all(
      [0, 3].map((offset) => startInstance('race', { start: at(day, '08:00'), counts: {}, tokenHash: hashToken(randomUUID()), attempts: attempts(offset) }).next('raced')),
    );
    expect(raced.reduce((sum, r) => sum + Number(r.held), 0)).toBeGreaterThan(0);
    const { rows } = await getDb().execute<{ n: number }>(sql`
      select count(*)::int as n from bookings a join bookings b on a.counter_id = b.counter_id and a.id < b.id and a.during && b.during
      where a.status in ('held','booked','checked_in','done','no_show') and b.status in ('held','booked','checked_in','done','no_show')`);
    expect(rows[0]!.n).toBe(0);
  }, 180_000);
});
