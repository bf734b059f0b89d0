import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { generateBookingCode } from '@/lib/booking/secrets';
import { declineOffer } from '@/lib/waitlist/offers';
import { at, mainOffice } from '../support/office';
import { openDay, waitingWish } from '../support/waitlist';
import { localWorkers, otherInstance } from '../support/waitlist-workers';

const day = openDay(4, 1);
const TIMES = ['08:00', '08:10', '08:20', '08:30', '08:40', '08:50', '09:00', '09:10', '09:20', '09:30'];

describe('waitlist workers racing', () => {
  it('give each freed time to one wish and each wish one offer, with several workers in two instances', async () => {
    const office = await mainOffice();
    const db = getDb();
    // Every time fully booked; then the first counter's booking of each time is cancelled at once.
    const cancelled: number[] = [];
    for (const hhmm of TIMES) {
      for (const counterId of office.counterIds) {
        const start = at(day, hhmm);
        const { rows: [row] } = await db.execute<{ id: number }>(sql`
          insert into bookings (code, location_id, counter_id, during, status, email, name)
          values (${generateBookingCode()}, ${office.id}, ${counterId}, tstzrange(${start.toISOString()}::timestamptz, ${new Date(start.getTime() + 5 * 60_000).toISOString()}::timestamptz), 'booked', 'other@example.org', 'Other')
          returning id::int`);
        if (counterId === office.counterIds[0]) cancelled.push(row!.id);
      }
    }
    const wishes = [];
    for (let i = 0; i < 14; i++) wishes.push(await waitingWish({ office, day }));
    const other = otherInstance(3);
    await other.ready;
    await db.execute(sql`update bookings set status = 'cancelled', cancelled_at = now(), cancelled_by = 'citizen' where id = any(${`{${cancelled.join(',')}}`}::bigint[])`);

    // Two instances with three workers each; meanwhile this instance declines two offers as soon as they stand.
    const declining = (async () => {
      for (let declined = 0, tries = 0; declined < 2 && tries < 1000; tries++) {
        for (const wish of wishes.slice(0, 2)) if (await declineOffer({ wishId: wish.id })) declined++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const [{ swept }] = await Promise.all([other.done, localWorkers(3), declining]);
    await localWorkers(1);
    expect(swept).toBeGreaterThan(0);

    const { rows: held } = await db.execute<{ wish_id: number; start: string; counter_id: number }>(sql`
      select wish_id::int, lower(during)::text as start, counter_id from bookings where status = 'held' and wish_id is not null`);
    // Ten freed times, ten offers: each time to one wish, no wish twice.
    expect(held.length).toBe(TIMES.length);
    expect(new Set(held.map((h) => h.start)).size).toBe(TIMES.length);
    expect(new Set(held.map((h) => h.wish_id)).size).toBe(TIMES.length);
    // The two who declined never get their declined time again; the longest-waiting others got the rest, in order.
    const { rows: declinedRows } = await db.execute<{ wish_id: number; start: string }>(sql`
      select wish_id::int, lower(during)::text as start from bookings where status = 'expired' and wish_id is not null`);
    for (const d of declinedRows) expect(held.some((h) => h.wish_id === d.wish_id && h.start === d.start)).toBe(false);
    const served = new Set(held.map((h) => h.wish_id));
    const waitingOrder = wishes.map((w) => w.id);
    const lastServed = Math.max(...[...served].map((id) => waitingOrder.indexOf(id)));
    const skipped = waitingOrder.slice(0, lastServed).filter((id) => !served.has(id));
    expect(skipped.length).toBeLessThanOrEqual(2);
    // No counter is taken twice at one moment (the exclusion constraint, checked from outside).
    const { rows: [clash] } = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from bookings a join bookings b on a.id < b.id and a.counter_id = b.counter_id and a.during && b.during
      where a.status in ('held', 'booked') and b.status in ('held', 'booked') and (a.status <> 'held' or a.hold_expires_at > now()) and (b.status <> 'held' or b.hold_expires_at > now())`);
    expect(clash!.n).toBe(0);
  }, 180_000);
});
