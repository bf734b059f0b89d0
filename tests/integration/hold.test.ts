import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { confirmHold, saveHoldContact } from '@/db/queries/bookings';
import { hitRateLimit } from '@/db/queries/rate-limits';
import { holdSlot } from '@/lib/booking/hold';
import { hashToken } from '@/lib/booking/secrets';
import { at, choose, mainOffice, openWednesday, occupy } from '../support/office';

const token = () => hashToken(randomUUID());

async function overlaps(): Promise<number> {
  const { rows } = await getDb().execute<{ n: number }>(sql`
    select count(*)::int as n from bookings a join bookings b on a.counter_id = b.counter_id and a.id < b.id and a.during && b.during
    where a.status in ('held','booked','checked_in','done','no_show') and b.status in ('held','booked','checked_in','done','no_show')
      and not (a.status = 'held' and a.hold_expires_at <= now()) and not (b.status = 'held' and b.hold_expires_at <= now())`);
  return rows[0]!.n;
}

describe('holding a slot', () => {
  it('gives 50 concurrent holds for one start to exactly as many citizens as counters are open', async () => {
    const office = await mainOffice();
    const start = at(openWednesday(0), '09:00');
    const services = choose(office, { personalausweis: 1 });
    const results = await Promise.all(Array.from({ length: 50 }, () => holdSlot({ location: office, services, start, tokenHash: token(), locale: 'de' })));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.reason === 'taken')).toHaveLength(47);
    expect(await overlaps()).toBe(0);
  });

  it('lets only one of two overlapping starts have the last free counter', async () => {
    const office = await mainOffice();
    const day = openWednesday(1);
    const [c1, c2, c3] = office.counterIds as [number, number, number];
    await occupy(office, c1, at(day, '10:00'), at(day, '11:00'));
    await occupy(office, c2, at(day, '10:00'), at(day, '11:00'));
    const services = choose(office, { reisepass: 1, meldebescheinigung: 1 }); // 20 minutes
    const [a, b] = await Promise.all([
      holdSlot({ location: office, services, start: at(day, '10:00'), tokenHash: token(), locale: 'de' }),
      holdSlot({ location: office, services, start: at(day, '10:10'), tokenHash: token(), locale: 'de' }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    expect(await overlaps()).toBe(0);
    void c3;
  });

  it('does not offer a start where only a shorter gap is free', async () => {
    const office = await mainOffice();
    const day = openWednesday(2);
    for (const counterId of office.counterIds) {
      await occupy(office, counterId, at(day, '08:00'), at(day, '09:00'));
      await occupy(office, counterId, at(day, '09:10'), at(day, '12:30'));
    }
    const long = await holdSlot({ location: office, services: choose(office, { personalausweis: 1 }), start: at(day, '09:00'), tokenHash: token(), locale: 'de' });
    expect(long.ok).toBe(false);
    const short = await holdSlot({ location: office, services: choose(office, { meldebescheinigung: 2 }), start: at(day, '09:00'), tokenHash: token(), locale: 'de' });
    expect(short.ok).toBe(true);
  });

  it('is not blocked by holds that have expired', async () => {
    const office = await mainOffice();
    const day = openWednesday(3);
    const start = at(day, '11:00');
    const end = at(day, '11:15');
    for (const counterId of office.counterIds) await occupy(office, counterId, start, end, 'held', new Date(Date.now() - 1_000));
    const result = await holdSlot({ location: office, services: choose(office, { personalausweis: 1 }), start, tokenHash: token(), locale: 'de' });
    expect(result.ok).toBe(true);
    const { rows } = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from bookings where status = 'expired'`);
    expect(rows[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it('refuses a start outside opening hours or before the lead time', async () => {
    const office = await mainOffice();
    const services = choose(office, { personalausweis: 1 });
    const evening = await holdSlot({ location: office, services, start: at(openWednesday(0), '19:00'), tokenHash: token(), locale: 'de' });
    expect(evening.ok).toBe(false);
    const soon = await holdSlot({ location: office, services, start: new Date(Date.now() + 5 * 60_000), tokenHash: token(), locale: 'de' });
    expect(soon.ok).toBe(false);
  });
});

describe('confirming a hold', () => {
  const contact = (email: string) => ({ name: 'Erika Mustermann', email, phone: null });

  async function heldBooking(dayOffset: number, hhmm: string, email: string) {
    const office = await mainOffice();
    const tokenHash = token();
    const result = await holdSlot({ location: office, services: choose(office, { beglaubigung: 1 }), start: at(openWednesday(dayOffset), hhmm), tokenHash, locale: 'de' });
    expect(result.ok).toBe(true);
    await saveHoldContact({ tokenHash, contact: contact(email), locale: 'de' });
    return tokenHash;
  }

  it('books once even when confirmed twice', async () => {
    const tokenHash = await heldBooking(1, '08:00', `twice-${randomUUID()}@example.org`);
    const args = { tokenHash, pinHash: 'x', pinSealed: 'y', maxFutureBookingsPerEmail: 2 };
    const [first, second] = await Promise.all([confirmHold(args), confirmHold(args)]);
    expect([first.status, second.status].sort()).toEqual(['already-confirmed', 'confirmed']);
  });

  it('refuses a hold that ran out', async () => {
    const tokenHash = await heldBooking(1, '08:10', `late-${randomUUID()}@example.org`);
    await getDb().execute(sql`update bookings set hold_expires_at = now() - interval '1 second' where hold_token_hash = ${tokenHash}`);
    expect((await confirmHold({ tokenHash, pinHash: 'x', pinSealed: 'y', maxFutureBookingsPerEmail: 2 })).status).toBe('expired');
  });

  it('caps future bookings per email address, whatever its case', async () => {
    const email = `cap-${randomUUID()}@example.org`;
    for (const [day, hhmm] of [[1, '08:20'], [3, '08:30']] as const) {
      const tokenHash = await heldBooking(day, hhmm, email);
      expect((await confirmHold({ tokenHash, pinHash: 'x', pinSealed: 'y', maxFutureBookingsPerEmail: 2 })).status).toBe('confirmed');
    }
    const third = await heldBooking(0, '08:40', email.toUpperCase());
    expect((await confirmHold({ tokenHash: third, pinHash: 'x', pinSealed: 'y', maxFutureBookingsPerEmail: 2 })).status).toBe('limit-reached');
  });
});

describe('the PostgreSQL rate limit', () => {
  it('allows up to the limit in a window, then asks to retry later', async () => {
    const key = `test:${randomUUID()}`;
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await hitRateLimit({ key, limit: 2, windowSeconds: 60 }));
    expect(results.map((r) => r.allowed)).toEqual([true, true, false]);
    expect(results[2]!.retryAfterSeconds).toBeGreaterThan(0);
    expect(results[2]!.retryAfterSeconds).toBeLessThanOrEqual(60);
  });
});
