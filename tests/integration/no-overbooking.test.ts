import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { bookings, counters, locations } from '@/db/schema';

const at = (hhmm: string) => new Date(`2030-03-04T${hhmm}:00+01:00`);
let seq = 0;

async function office() {
  const db = getDb();
  const [location] = await db
    .insert(locations)
    .values({ slug: `office-${++seq}`, mode: 'booking', name: { de: 'Amt', en: 'Office' }, street: 'Marktplatz 1', postalCode: '70000', city: 'Musterstadt' })
    .returning();
  const rows = await db.insert(counters).values([1, 2].map((n) => ({ locationId: location!.id, name: `Schalter ${n}` }))).returning();
  return { locationId: location!.id, counterIds: rows.map((c) => c.id) };
}

function booking(locationId: number, counterId: number, from: string, to: string, status: 'booked' | 'held' | 'cancelled' = 'booked') {
  return getDb()
    .insert(bookings)
    .values({
      code: `T${++seq}${Math.random().toString(36).slice(2, 8)}`,
      locationId,
      counterId,
      during: { start: at(from), end: at(to) },
      status,
      holdExpiresAt: status === 'held' ? new Date(Date.now() + 60_000) : null,
    });
}

const violation = (promise: Promise<unknown>) =>
  expect(promise).rejects.toMatchObject({ cause: expect.objectContaining({ code: '23P01', constraint: 'bookings_no_overlap_per_counter' }) });

describe('the exclusion constraint on bookings', () => {
  it('rejects a second active booking that overlaps on the same counter', async () => {
    const { locationId, counterIds } = await office();
    await booking(locationId, counterIds[0]!, '09:00', '09:30');
    await violation(booking(locationId, counterIds[0]!, '09:20', '09:40'));
    await violation(booking(locationId, counterIds[0]!, '09:00', '09:30', 'held'));
  });

  it('allows back-to-back bookings and the same time on another counter', async () => {
    const { locationId, counterIds } = await office();
    await booking(locationId, counterIds[0]!, '09:00', '09:30');
    await booking(locationId, counterIds[0]!, '09:30', '10:00');
    await booking(locationId, counterIds[1]!, '09:00', '09:30');
    const rows = await getDb().select().from(bookings).where(eq(bookings.locationId, locationId));
    expect(rows).toHaveLength(3);
  });

  it('lets a cancelled booking free its time', async () => {
    const { locationId, counterIds } = await office();
    await booking(locationId, counterIds[0]!, '11:00', '11:20', 'cancelled');
    await booking(locationId, counterIds[0]!, '11:00', '11:20');
  });

  it('holds even when many writers race for one counter', async () => {
    const { locationId, counterIds } = await office();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => booking(locationId, counterIds[1]!, '14:00', '14:15')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });
});
