import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { hasPgBouncer, startPgBouncer } from '../support/pgbouncer';

// CI installs PgBouncer (.ci/run); elsewhere the test runs when Debian's pgbouncer is there.
const run = hasPgBouncer() || !!process.env.CI;

// This file's own database (tests/integration/fresh-database.ts), reached only through PgBouncer in transaction
// mode with fewer server connections than the app's pool: every transaction may land on another server session.
const direct = process.env.DATABASE_URL!;
const bouncer = run ? await startPgBouncer({ serverUrl: direct, poolSize: 3 }) : undefined;
if (bouncer) {
  process.env.DATABASE_URL = bouncer.url(decodeURIComponent(new URL(direct).pathname.slice(1)));
  process.env.DB_POOL_MAX = '20';
}
afterAll(async () => {
  const { closeDb } = await import('@/db/client');
  await closeDb();
  await bouncer?.stop();
});

const { sql } = await import('drizzle-orm');
const { getDb } = await import('@/db/client');
const { confirmHold, saveHoldContact } = await import('@/db/queries/bookings');
const { holdSlot } = await import('@/lib/booking/hold');
const { cancelBooking } = await import('@/lib/booking/cancel');
const { rescheduleBooking } = await import('@/lib/booking/reschedule');
const { generateToken, hashToken } = await import('@/lib/booking/secrets');
const { hashPin } = await import('@/lib/secrets/pin-hash');
const { GET: health } = await import('@/app/api/health/route');
const { book, verified } = await import('../support/booked');
const { at, choose, mainOffice, openWednesday } = await import('../support/office');

async function overlaps(): Promise<number> {
  const { rows } = await getDb().execute<{ n: number }>(sql`
    select count(*)::int as n from bookings a join bookings b on a.counter_id = b.counter_id and a.id < b.id and a.during && b.during
    where a.status in ('held','booked','checked_in','done','no_show') and b.status in ('held','booked','checked_in','done','no_show')
      and not (a.status = 'held' and a.hold_expires_at <= now()) and not (b.status = 'held' and b.hold_expires_at <= now())`);
  return rows[0]!.n;
}

describe.runIf(run)('through PgBouncer in transaction mode', () => {
  it('talks to PostgreSQL through PgBouncer, whose server connections carry the statement timeout', async () => {
    expect((await health()).status).toBe(200);
    const { rows } = await getDb().execute<{ port: string; timeout: string }>(sql`select current_setting('port') as port, current_setting('statement_timeout') as timeout`);
    expect(new URL(process.env.DATABASE_URL!).port).not.toBe(new URL(direct).port);
    expect(rows[0]!.timeout).toBe('15s');
  });

  it('gives 40 concurrent holds for one start to exactly as many citizens as counters are open (office-day lock per transaction)', async () => {
    const office = await mainOffice();
    const start = at(openWednesday(0), '10:00');
    const services = choose(office, { personalausweis: 1 });
    const results = await Promise.all(Array.from({ length: 40 }, () => holdSlot({ location: office, services, start, tokenHash: hashToken(randomUUID()), locale: 'de' })));
    expect(results.filter((r) => r.ok)).toHaveLength(office.counterIds.length);
    expect(await overlaps()).toBe(0);
  });

  it('confirms one hold once when two confirmations race, and caps bookings per address under the address lock', async () => {
    const office = await mainOffice();
    const day = openWednesday(1);
    const services = choose(office, { beglaubigung: 1 });
    const email = `race-${randomUUID()}@example.org`;
    const holds = [];
    for (const hhmm of ['08:00', '08:30', '09:00']) {
      const token = generateToken();
      const held = await holdSlot({ location: office, services, start: at(day, hhmm), tokenHash: hashToken(token), locale: 'de' });
      if (!held.ok) throw new Error('no hold');
      await saveHoldContact({ tokenHash: hashToken(token), contact: { name: 'Erika Mustermann', email, phone: null }, locale: 'de' });
      holds.push({ token, id: held.id });
    }
    const confirm = (h: { token: string; id: number }) => confirmHold({ tokenHash: hashToken(h.token), pinHash: hashPin({ scope: 'booking', id: h.id, pin: '123456' }), pinSealed: 'x', maxFutureBookingsPerEmail: 2 });
    const same = await Promise.all([confirm(holds[0]!), confirm(holds[0]!)]);
    expect(same.map((r) => r.status).sort()).toEqual(['already-confirmed', 'confirmed']);
    const others = await Promise.all([confirm(holds[1]!), confirm(holds[2]!)]);
    expect(others.map((r) => r.status).sort()).toEqual(['confirmed', 'limit-reached']);
  });

  it('cancels and reschedules with the PIN, one outcome each when two tries race', async () => {
    const day = openWednesday(2);
    const first = await book({ day, hhmm: '11:00' });
    const grant = await verified(first.code, first.pin);
    const cancelled = await Promise.all([cancelBooking({ code: first.code, grant }), cancelBooking({ code: first.code, grant })]);
    expect(cancelled.filter((o) => o.status === 'cancelled')).toHaveLength(1);

    const second = await book({ day, hhmm: '12:00' });
    const office = await mainOffice();
    const holdToken = generateToken();
    const held = await holdSlot({ location: office, services: choose(office, { beglaubigung: 1 }), start: at(day, '10:30'), tokenHash: hashToken(holdToken), locale: 'de' });
    expect(held.ok).toBe(true);
    const moveGrant = await verified(second.code, second.pin);
    const moved = await Promise.all([rescheduleBooking({ code: second.code, grant: moveGrant, holdToken }), rescheduleBooking({ code: second.code, grant: moveGrant, holdToken })]);
    expect(moved.map((o) => o.status).sort()).toEqual(['already-rescheduled', 'rescheduled']);
    expect(await overlaps()).toBe(0);
  });
});
