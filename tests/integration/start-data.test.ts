import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { locations, staffUsers } from '@/db/schema';
import { DEMO_STAFF } from '@/db/seed-staff';
import { prepareStartData, StartRefused } from '@/db/start-data';
import { hashSecret } from '@/lib/auth/password';

// What `npm start` does to the database before it serves (scripts/start.ts). The tests run in order on one database.
const counts = async () => ({
  staff: (await getDb().select().from(staffUsers)).length,
  locations: (await getDb().select().from(locations)).length,
});

afterAll(() => closeDb());

describe('npm start on a database', () => {
  it('seeds neither demo data nor the demo accounts on a DATABASE_URL of its own, and asks for the first admin', async () => {
    const result = await prepareStartData(getDb(), { embedded: false, production: true, appUrl: 'https://termine.musterstadt.example' });
    expect(result).toEqual({ demo: false, seeded: false, needsFirstAdmin: true });
    expect(await counts()).toEqual({ staff: 0, locations: 0 });
  });

  it('leaves out the demo on the embedded database too when DEMO=false', async () => {
    expect(await prepareStartData(getDb(), { embedded: true, demo: false, production: true, appUrl: 'http://localhost:3000' })).toMatchObject({ demo: false, needsFirstAdmin: true });
    expect(await counts()).toEqual({ staff: 0, locations: 0 });
  });

  it('seeds the demo with DEMO=true on a DATABASE_URL (and by default on the embedded one), served over http', async () => {
    expect(await prepareStartData(getDb(), { embedded: false, demo: true, production: true, appUrl: 'http://localhost:3000' })).toEqual({ demo: true, seeded: true, needsFirstAdmin: false });
    const { staff, locations: offices } = await counts();
    expect(staff).toBe(DEMO_STAFF.length);
    expect(offices).toBeGreaterThan(0);
    expect(await prepareStartData(getDb(), { embedded: true, production: true, appUrl: 'http://localhost:3000' })).toEqual({ demo: true, seeded: false, needsFirstAdmin: false });
  });

  it('refuses a production start on https while a demo password signs in, naming the account and what to do', async () => {
    const start = () => prepareStartData(getDb(), { embedded: false, production: true, appUrl: 'https://termine.musterstadt.example' });
    const refusal = await start().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StartRefused);
    expect((refusal as Error).message).toContain('admin@musterstadt.example, clerk@musterstadt.example');
    expect((refusal as Error).message).toContain('npm run staff:create');
    // Not in development.
    await expect(prepareStartData(getDb(), { embedded: false, production: false, appUrl: 'https://termine.musterstadt.example' })).resolves.toMatchObject({ demo: false });

    // The clerk's password changed, the admin deactivated: nothing published signs in any more.
    await getDb().update(staffUsers).set({ passwordHash: await hashSecret('a password of the town') }).where(eq(staffUsers.email, DEMO_STAFF[1].email));
    await expect(start()).rejects.toThrow(/admin@musterstadt\.example still works/);
    await getDb().update(staffUsers).set({ active: false }).where(eq(staffUsers.email, DEMO_STAFF[0].email));
    await expect(start()).resolves.toEqual({ demo: false, seeded: false, needsFirstAdmin: false });
  });
});
