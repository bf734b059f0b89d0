import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { DateTime } from 'luxon';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { loadLocationForBooking } from '@/db/queries/availability';
import * as schema from '@/db/schema';
import { bookings, closures, locations } from '@/db/schema';
import { findSlots } from '@/lib/booking/availability';
import { AvailabilityCache } from '@/lib/booking/availability-cache';
import { holdSlot } from '@/lib/booking/hold';
import { hashToken } from '@/lib/booking/secrets';
import { at, choose, mainOffice, occupy, openWednesday } from '../support/office';

const token = () => hashToken(randomUUID());

// Two app instances: each its own pool and its own cache, as two `next start` processes behind a balancer.
const pools = [new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 }), new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 })];
const instances = pools.map((pool) => {
  const db = drizzle(pool, { schema, casing: 'snake_case' });
  return { db, cache: new AvailabilityCache(() => db) };
});
afterAll(async () => Promise.all(pools.map((pool) => pool.end())));

async function offered(cache: AvailabilityCache, day: DateTime, durationMinutes = 15): Promise<string[]> {
  const view = await cache.snapshot();
  const location = (await view.location('buergeramt-mitte'))!;
  const slots = await view.findSlots({ location, durationMinutes, from: day.toISODate()!, to: day.toISODate()!, now: new Date() });
  return slots.map((s) => s.start.toISOString());
}

describe('availability cache', () => {
  it('never offers a time that a hold committed through another instance took', async () => {
    const office = await mainOffice();
    const day = openWednesday(0);
    const start = at(day, '09:00');
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
    expect(await offered(a.cache, day)).toContain(start.toISOString());
    expect(await offered(b.cache, day)).toContain(start.toISOString());
    // Every counter taken at 09:00 by citizens served by the other instance (and by this one's pool).
    for (let i = 0; i < office.counterIds.length; i++) {
      const outcome = await holdSlot({ location: office, services: choose(office, { personalausweis: 1 }), start, tokenHash: token(), locale: 'de' });
      expect(outcome.ok).toBe(true);
    }
    expect(await offered(a.cache, day)).not.toContain(start.toISOString());
    expect(await offered(b.cache, day)).not.toContain(start.toISOString());
  });

  it('keeps serving the committed state while a change is uncommitted, and the new one from its commit on', async () => {
    const office = await mainOffice();
    const day = openWednesday(1);
    const start = at(day, '10:00');
    const cache = instances[0]!.cache;
    expect(await offered(cache, day)).toContain(start.toISOString());
    const client = await pools[1]!.connect();
    try {
      await client.query('begin');
      for (const counterId of office.counterIds) {
        await client.query(`insert into bookings (code, location_id, counter_id, during, status) values ($1, $2, $3, tstzrange($4, $5), 'booked')`, [
          `T${randomUUID().slice(0, 7).toUpperCase()}`,
          office.id,
          counterId,
          start.toISOString(),
          at(day, '10:30').toISOString(),
        ]);
      }
      const before = await cache.versions();
      expect(await offered(cache, day)).toContain(start.toISOString());
      await client.query('commit');
      const after = await cache.versions();
      expect(after.get(office.id)!.version).toBeGreaterThan(before.get(office.id)?.version ?? 0);
      expect(after.get(office.id)!.configVersion).toBe(before.get(office.id)?.configVersion ?? 0);
      expect(await offered(cache, day)).not.toContain(start.toISOString());
    } finally {
      client.release();
    }
  });

  it('offers a time again when the holds on it expire, without any write', async () => {
    const office = await mainOffice();
    const day = openWednesday(2);
    const start = at(day, '11:00');
    const cache = instances[1]!.cache;
    for (const counterId of office.counterIds) await occupy(office, counterId, start, at(day, '11:30'), 'held', new Date(Date.now() + 1_500));
    expect(await offered(cache, day)).not.toContain(start.toISOString());
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await offered(cache, day)).toContain(start.toISOString());
  });

  it('follows closures for every office, booking rules and opening hours', async () => {
    const office = await mainOffice();
    const day = openWednesday(3);
    const cache = instances[0]!.cache;
    expect((await offered(cache, day)).length).toBeGreaterThan(0);
    const [closure] = await getDb().insert(closures).values({ locationId: null, startsOn: day.toISODate()!, endsOn: day.toISODate()!, reason: { de: 'Test', en: 'Test' } }).returning();
    expect(await offered(cache, day)).toEqual([]);
    await getDb().delete(closures).where(eq(closures.id, closure!.id));
    expect((await offered(cache, day)).length).toBeGreaterThan(0);
    await getDb().update(locations).set({ slotStepMinutes: 30 }).where(eq(locations.id, office.id));
    expect((await offered(cache, day)).every((iso) => DateTime.fromISO(iso).minute % 30 === 0)).toBe(true);
    await getDb().update(locations).set({ slotStepMinutes: office.slotStepMinutes }).where(eq(locations.id, office.id));
    await getDb().execute(sql`update opening_hours set closes_at = '09:00' where location_id = ${office.id} and weekday = 3 and opens_at < '09:00'`);
    const early = await offered(cache, day);
    await getDb().execute(sql`update opening_hours set closes_at = w.closes_at from (values ${sql.join(office.windows.filter((w) => w.weekday === 3).map((w) => sql`(${w.opensAt}::time, ${w.closesAt}::time)`), sql`, `)}) as w(opens_at, closes_at) where location_id = ${office.id} and weekday = 3 and opening_hours.opens_at = w.opens_at`);
    expect(early.length).toBeGreaterThan(0);
    expect(early.every((iso) => DateTime.fromISO(iso, { zone: 'Europe/Berlin' }).hour < 9)).toBe(true);
    expect((await offered(cache, day)).some((iso) => DateTime.fromISO(iso, { zone: 'Europe/Berlin' }).hour >= 9)).toBe(true);
  });
});

describe('cancelled times', () => {
  it('come back at the first full quarter hour after the delay', async () => {
    const office = await mainOffice();
    const day = openWednesday(1);
    const start = at(day, '12:00');
    const nextQuarter = Math.ceil((Date.now() + 60_000) / 900_000) * 900_000;
    const place = async (cancelledAt: Date) => {
      await getDb().delete(bookings).where(eq(bookings.locationId, office.id));
      for (const counterId of office.counterIds) {
        await occupy(office, counterId, start, at(day, '12:30'));
        await getDb().update(bookings).set({ status: 'cancelled', cancelledAt }).where(eq(bookings.counterId, counterId));
      }
      return (await findSlots({ location: office, durationMinutes: 15, from: day.toISODate()!, to: day.toISODate()!, releaseDelayMinutes: 15 })).map((s) => s.start.toISOString());
    };
    // Delay ends a second before the next quarter hour: still held back until that quarter.
    expect(await place(new Date(nextQuarter - 15 * 60_000 - 1_000))).not.toContain(start.toISOString());
    // Delay ended on the last quarter hour: offered.
    expect(await place(new Date(nextQuarter - 30 * 60_000))).toContain(start.toISOString());
  });
});

describe('release schedule', () => {
  it('offers citizens a day from its release moment on, and staff before', async () => {
    await mainOffice();
    await getDb().update(locations).set({ releaseTime: '07:30', releaseWeekdays: [1, 2, 3, 4, 5, 6, 7] }).where(eq(locations.slug, 'buergeramt-mitte'));
    const office = (await loadLocationForBooking({ slug: 'buergeramt-mitte' }))!;
    const day = openWednesday(3);
    const release = day.minus({ days: office.bookingHorizonDays }).set({ hour: 7, minute: 30 });
    const slotsAt = (now: Date, respectRelease = true) => findSlots({ location: { ...office, minLeadMinutes: 0 }, durationMinutes: 15, from: day.toISODate()!, to: day.toISODate()!, now, respectRelease });
    expect(await slotsAt(release.minus({ seconds: 1 }).toJSDate())).toEqual([]);
    expect((await slotsAt(release.minus({ seconds: 1 }).toJSDate(), false)).length).toBeGreaterThan(0);
    expect((await slotsAt(release.toJSDate())).length).toBeGreaterThan(0);
  });
});
