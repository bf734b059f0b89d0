import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { testCookies } from '../support/next-headers';

// Configuration is read on the first import of '@/lib/env'.
process.env.APP_URL = 'https://termine.musterstadt.example';
const { closeDb, getDb } = await import('@/db/client');
const { staffUsers } = await import('@/db/schema');
const { DEMO_STAFF, seedDemoStaff } = await import('@/db/seed-staff');
const { currentStaff, startStaffSession } = await import('@/lib/auth/staff-session');

afterAll(() => closeDb());

describe('the staff session cookie when the app is on https', () => {
  it('is a __Host- cookie: Secure, Path=/, no Domain, so no subdomain or http page can set it', async () => {
    await seedDemoStaff(getDb());
    const [admin] = await getDb().select().from(staffUsers).where(eq(staffUsers.email, DEMO_STAFF[0].email));
    testCookies.clear();
    await startStaffSession(admin!.id);
    expect(testCookies.entries().map(([name]) => name)).toEqual(['__Host-amtstermin_staff']);
    expect(testCookies.options('__Host-amtstermin_staff')).toMatchObject({ secure: true, path: '/', httpOnly: true, sameSite: 'strict' });
    expect(testCookies.options('__Host-amtstermin_staff')?.domain).toBeUndefined();
    expect(await currentStaff()).toMatchObject({ email: DEMO_STAFF[0].email });
  });
});
