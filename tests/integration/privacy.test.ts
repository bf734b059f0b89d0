import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { erasePersonalData } from '@/db/queries/privacy';
import { bookings } from '@/db/schema';
import { generateBookingCode } from '@/lib/booking/secrets';
import { mainOffice } from '../support/office';
import { captureLogLines } from '../support/log-lines';

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
          staffNote: 'Kommt mit Betreuerin',
        })
        .returning({ id: bookings.id });
    const [[old], [recent]] = await Promise.all([insert(10, 0), insert(3, 1)]);

    expect(await erasePersonalData({ days: 7 })).toMatchObject({ bookings: 1 });
    expect(await erasePersonalData({ days: 7 })).toMatchObject({ bookings: 0 });

    const [erased] = await getDb().select().from(bookings).where(eq(bookings.id, old!.id));
    expect(erased).toMatchObject({ name: null, email: null, phone: null, staffNote: null, status: 'no_show' });
    expect(erased!.personalDataErasedAt).toBeInstanceOf(Date);
    const [kept] = await getDb().select().from(bookings).where(eq(bookings.id, recent!.id));
    expect(kept).toMatchObject({ name: 'Erika Mustermann', email: 'erika@example.org', staffNote: 'Kommt mit Betreuerin' });
    const { rows } = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from bookings where status = 'no_show'`);
    expect(rows[0]!.n).toBe(2);
  });
});

describe('client addresses', () => {
  it('are never stored or logged in clear, while the limits that count them still bite', async () => {
    const { verifyBookingPin } = await import('@/lib/booking/verify-pin');
    const { signIn } = await import('@/lib/auth/sign-in');
    const { seedDemoStaff, DEMO_STAFF } = await import('@/db/seed-staff');
    await mainOffice();
    await seedDemoStaff(getDb());
    const address = '198.51.100.77';
    const logged: string[] = [];
    const captured = captureLogLines();
    try {
      const answers = [];
      for (let i = 0; i < 21; i++) answers.push((await verifyBookingPin({ code: generateBookingCode(), pin: '654321', clientAddress: address })).status);
      // Twenty unknown numbers from one client, then its limit (counted under a pseudonym) refuses the next.
      expect(answers.slice(0, 20).every((a) => a === 'invalid')).toBe(true);
      expect(answers[20]).toBe('rate-limited');
      expect((await signIn({ email: DEMO_STAFF[0].email, password: 'not-the-password', clientAddress: address })).ok).toBe(false);
    } finally {
      captured.restore();
    }
    logged.push(...captured.lines.filter((line) => line.level === 'warn').map((line) => JSON.stringify(line)));
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) {
      expect(line).not.toContain(address);
      expect(line).not.toContain('654321');
    }
    // Every row of every table, as text: the address appears nowhere.
    const { rows: tables } = await getDb().execute<{ name: string }>(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
    for (const { name } of tables) {
      const { rows } = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(name)} t where t::text like ${`%${address}%`}`);
      expect(rows[0]!.n, name).toBe(0);
    }
  });
});

describe('rotating pseudonym keys', () => {
  it('differ from one period to the next, and keys older than the previous period are swept', async () => {
    const { rotatingSecret, sweepRotatingSecrets } = await import('@/db/queries/app-secrets');
    const hour = 3600_000;
    const now = Date.now();
    const [current, previous, old] = await Promise.all([0, 1, 3].map((ago) => rotatingSecret({ purpose: 'test-keys', periodSeconds: 3600, now: now - ago * hour })));
    expect(new Set([current, previous, old]).size).toBe(3);
    await sweepRotatingSecrets();
    const { rows } = await getDb().execute<{ name: string }>(sql`select name from app_secrets where name like 'rotating:test-keys:%' order by name`);
    const bucket = (ago: number) => `rotating:test-keys:3600:${Math.floor((now - ago * hour) / hour)}`;
    expect(rows.map((r) => r.name)).toEqual([bucket(1), bucket(0)]);
  });
});
