import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { erasePersonalData } from '@/db/queries/privacy';
import { bookings } from '@/db/schema';
import { generateBookingCode } from '@/lib/booking/secrets';
import { mainOffice } from '../support/office';

describe('personal data erasure', () => {
  it('erases contact data a set number of days after the appointment and keeps the statistics', async () => {
    const office = await mainOffice();
    const day = 24 * 60 * 60 * 1000;
    const insert = (daysAgo: number, counter: number) =>
      getDb()
        .insert(bookings)
        .values({
          code: generateBookingCode(),
          locationId: office.id,
          counterId: office.counterIds[counter]!,
          during: { start: new Date(Date.now() - daysAgo * day), end: new Date(Date.now() - daysAgo * day + 15 * 60_000) },
          status: 'no_show',
          name: 'Erika Mustermann',
          email: 'erika@example.org',
          phone: '0711 123456',
        })
        .returning({ id: bookings.id });
    const [[old], [recent]] = await Promise.all([insert(10, 0), insert(3, 1)]);

    expect(await erasePersonalData({ days: 7 })).toMatchObject({ bookings: 1 });
    expect(await erasePersonalData({ days: 7 })).toMatchObject({ bookings: 0 });

    const [erased] = await getDb().select().from(bookings).where(eq(bookings.id, old!.id));
    expect(erased).toMatchObject({ name: null, email: null, phone: null, status: 'no_show' });
    expect(erased!.personalDataErasedAt).toBeInstanceOf(Date);
    const [kept] = await getDb().select().from(bookings).where(eq(bookings.id, recent!.id));
    expect(kept).toMatchObject({ name: 'Erika Mustermann', email: 'erika@example.org' });
    const { rows } = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from bookings where status = 'no_show'`);
    expect(rows[0]!.n).toBe(2);
  });
});
