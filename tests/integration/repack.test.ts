import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { moveBookingsToCounters } from '@/db/queries/bookings';
import { activeBookingStatuses, bookings } from '@/db/schema';
import { findSlots } from '@/lib/booking/availability';
import { holdSlot } from '@/lib/booking/hold';
import { hashToken } from '@/lib/booking/secrets';
import { staffedCounters } from '@/lib/slots';
import { at, choose, mainOffice, occupy, openWednesday } from '../support/office';

const token = () => hashToken(randomUUID());

async function overlaps(): Promise<number> {
  const { rows } = await getDb().execute<{ n: number }>(sql`
    select count(*)::int as n from bookings a join bookings b on a.counter_id = b.counter_id and a.id < b.id and a.during && b.during
    where a.status in ('held','booked','checked_in','done','no_show') and b.status in ('held','booked','checked_in','done','no_show')`);
  return rows[0]!.n;
}

/** A booking placed directly on a counter; its id. */
async function place(office: Awaited<ReturnType<typeof mainOffice>>, counterId: number, start: Date, end: Date, status: 'booked' | 'checked_in' = 'booked') {
  await occupy(office, counterId, start, end);
  const [row] = await getDb()
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.counterId, counterId), sql`${bookings.during} = tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz)`, inArray(bookings.status, ['booked'])));
  if (status !== 'booked') await getDb().update(bookings).set({ status }).where(eq(bookings.id, row!.id));
  return row!.id;
}

const counterOf = async (id: number) => (await getDb().select({ counterId: bookings.counterId }).from(bookings).where(eq(bookings.id, id)))[0]!.counterId;

describe('re-packing counters for a hold', () => {
  it('books 40 minutes at 08:00 when A (08:00–08:20), B (08:20–08:40) and C (08:00–08:40) sit on three counters', async () => {
    const office = await mainOffice();
    const day = openWednesday(0);
    const [c1, c2, c3] = office.counterIds as [number, number, number];
    const a = await place(office, c1, at(day, '08:00'), at(day, '08:20'));
    const b = await place(office, c2, at(day, '08:20'), at(day, '08:40'));
    const c = await place(office, c3, at(day, '08:00'), at(day, '08:40'));
    const forty = choose(office, { anmeldung: 4 });

    const offered = await findSlots({ location: office, durationMinutes: 40, from: day.toISODate()!, to: day.toISODate()! });
    expect(offered.map((s) => s.start.getTime())).toContain(at(day, '08:00').getTime());
    const held = await holdSlot({ location: office, services: forty, start: at(day, '08:00'), tokenHash: token(), locale: 'de' });
    expect(held.ok).toBe(true);

    // A and B now share a counter; C kept its own; nobody overlaps, everyone is on a staffed counter.
    expect(await counterOf(a)).toBe(await counterOf(b));
    expect(await counterOf(c)).toBe(c3);
    expect(await overlaps()).toBe(0);
    // Two people at most at any moment, three counters: a third 40-minute appointment does not fit.
    const third = await holdSlot({ location: office, services: forty, start: at(day, '08:00'), tokenHash: token(), locale: 'de' });
    expect(third.ok).toBe(false);
  });

  it('never moves bookings that are checked in', async () => {
    const office = await mainOffice();
    const day = openWednesday(1);
    const [c1, c2, c3] = office.counterIds as [number, number, number];
    const a = await place(office, c1, at(day, '08:00'), at(day, '08:20'), 'checked_in');
    const b = await place(office, c2, at(day, '08:20'), at(day, '08:40'), 'checked_in');
    await place(office, c3, at(day, '08:00'), at(day, '08:40'));
    const offered = await findSlots({ location: office, durationMinutes: 40, from: day.toISODate()!, to: day.toISODate()! });
    expect(offered.map((s) => s.start.getTime())).not.toContain(at(day, '08:00').getTime());
    const held = await holdSlot({ location: office, services: choose(office, { anmeldung: 4 }), start: at(day, '08:00'), tokenHash: token(), locale: 'de' });
    expect(held.ok).toBe(false);
    expect([await counterOf(a), await counterOf(b)]).toEqual([c1, c2]);
  });

  it('lets many concurrent holds of mixed lengths re-pack one morning without two bookings overlapping on a counter', async () => {
    const office = await mainOffice();
    const day = openWednesday(2);
    const lengths = [{ anmeldung: 1 }, { anmeldung: 2 }, { personalausweis: 2 }, { anmeldung: 4 }, { reisepass: 3 }] as const;
    const attempt = (n: number) => {
      const minutes = 8 * 60 + 10 * ((n * 7) % 24);
      const start = at(day, `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);
      return holdSlot({ location: office, services: choose(office, lengths[n % lengths.length]!), start, tokenHash: token(), locale: 'de' });
    };
    // Waves of eight at once: all queue on the day's lock, within the test pool's connection timeout.
    const results = [];
    for (let wave = 0; wave < 6; wave++) results.push(...(await Promise.all(Array.from({ length: 8 }, (_, i) => attempt(wave * 8 + i)))));
    expect(results.filter((r) => r.ok).length).toBeGreaterThan(0);
    expect(await overlaps()).toBe(0);
    const staffing = { timeZone: office.timeZone, windows: office.windows, counterIds: office.counterIds };
    const rows = await getDb()
      .select({ counterId: bookings.counterId, during: bookings.during })
      .from(bookings)
      .where(and(eq(bookings.locationId, office.id), inArray(bookings.status, [...activeBookingStatuses]), sql`lower(${bookings.during}) > now()`));
    for (const row of rows) expect(staffedCounters(staffing, row.during.start, row.during.end)).toContain(row.counterId);
  });
});

describe('the exclusion constraint while counters are re-packed', () => {
  it('lets two bookings swap counters in one statement and still rejects a move onto a taken counter', async () => {
    const office = await mainOffice();
    const day = openWednesday(3);
    const [c1, c2] = office.counterIds as [number, number, number];
    const x = await place(office, c1, at(day, '09:00'), at(day, '09:30'));
    const y = await place(office, c2, at(day, '09:00'), at(day, '09:30'));
    await moveBookingsToCounters({ moves: [{ bookingId: x, counterId: c2 }, { bookingId: y, counterId: c1 }], tx: getDb() });
    expect([await counterOf(x), await counterOf(y)]).toEqual([c2, c1]);
    await expect(moveBookingsToCounters({ moves: [{ bookingId: x, counterId: c1 }], tx: getDb() })).rejects.toMatchObject({
      cause: expect.objectContaining({ code: '23P01', constraint: 'bookings_no_overlap_per_counter' }),
    });
  });
});
