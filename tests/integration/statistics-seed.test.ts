import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { seedDemoHistory } from '@/db/seed-history';
import { mainOffice } from '../support/office';

describe('demo history', () => {
  it('fills past weeks with used, missed and cancelled appointments and rolls them up into the statistics', async () => {
    await mainOffice();
    const now = new Date('2026-11-20T10:00:00Z');
    const { bookings } = await seedDemoHistory(getDb(), { now });
    expect(bookings).toBeGreaterThan(500);
    expect(await seedDemoHistory(getDb(), { now })).toEqual({ bookings: 0 });
    const { rows: outcomes } = await getDb().execute<{ outcome: string; n: number }>(sql`select outcome, sum(appointments)::int as n from stats_appointments group by 1 order by 1`);
    const byOutcome = Object.fromEntries(outcomes.map((r) => [r.outcome, r.n]));
    expect(byOutcome).toMatchObject({ used: expect.any(Number), no_show: expect.any(Number), cancelled_citizen: expect.any(Number), cancelled_staff: expect.any(Number), cancelled_closure: expect.any(Number) });
    expect(Object.values(byOutcome).reduce((a, b) => a + b, 0)).toBe(bookings);
    const { rows: [open] } = await getDb().execute<{ minutes: number }>(sql`select sum(counter_minutes)::int as minutes from stats_open_minutes`);
    expect(open!.minutes).toBeGreaterThan(10_000);
    const { rows: [erased] } = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from bookings where name is not null and upper(during) < ${now}::timestamptz - interval '8 days'`);
    expect(erased!.n).toBe(0);
  });
});
