import { count, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { closures, locations, services, staffUsers } from '@/db/schema';
import { seedDemoData } from '@/db/seed';
import { DEMO_STAFF, seedDemoStaff } from '@/db/seed-staff';
import { verifySecret } from '@/lib/auth/password';

describe('demo data', () => {
  it('seeds the offices, services in both languages, holidays and staff once', async () => {
    const db = getDb();
    expect(await seedDemoData(db, { now: new Date('2026-11-28T10:00:00Z') })).toEqual({ seeded: true });
    await seedDemoStaff(db);
    expect(await seedDemoData(db)).toEqual({ seeded: false });
    await seedDemoStaff(db);

    const offices = await db.select().from(locations);
    expect(offices.map((l) => l.mode).sort()).toEqual(['booking', 'request', 'request']);
    const catalogue = await db.select().from(services);
    expect(catalogue.length).toBeGreaterThanOrEqual(7);
    for (const service of catalogue) {
      expect(service.name.de).not.toBe('');
      expect(service.name.en).not.toBe('');
      expect(service.name.en).not.toBe(service.name.de);
    }
    const holidays = await db.select({ startsOn: closures.startsOn }).from(closures).where(isNull(closures.locationId));
    expect(holidays.map((h) => h.startsOn)).toEqual(expect.arrayContaining(['2026-12-25', '2027-01-06', '2027-03-26']));

    const [{ staff }] = (await db.select({ staff: count() }).from(staffUsers)) as [{ staff: number }];
    expect(staff).toBe(DEMO_STAFF.length);
    const [admin] = await db.select().from(staffUsers).limit(1);
    expect(admin!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifySecret(admin!.passwordHash, DEMO_STAFF[0].password)).toBe(true);
  });
});
