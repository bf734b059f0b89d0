import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { staffUsers } from '@/db/schema';
import { DEMO_STAFF, seedDemoStaff } from '@/db/seed-staff';
import { saveWaitlistSettings } from '@/lib/admin/office-settings';
import { requireStaff, startStaffSession, StaffAccessError, type StaffUser } from '@/lib/auth/staff-session';
import { offerByHand, waitlistOverview } from '@/lib/waitlist/staff';
import { testCookies } from '../support/next-headers';
import { at, mainOffice } from '../support/office';
import { offers, openDay, waitingWish } from '../support/waitlist';

async function signInAs(email: string): Promise<StaffUser> {
  testCookies.clear();
  const [user] = await getDb().select().from(staffUsers).where(eq(staffUsers.email, email));
  await startStaffSession(user!.id);
  return requireStaff();
}

beforeAll(async () => {
  await mainOffice();
  await seedDemoStaff(getDb());
});

describe('the waitlist for staff', () => {
  it('shows the open demand by service, week and part of day, and nothing signed out', async () => {
    const office = await mainOffice();
    const day = openDay(4, 0);
    await waitingWish({ office, day, serviceSlug: 'fuehrungszeugnis', parts: ['morning'] });
    await waitingWish({ office, day, serviceSlug: 'fuehrungszeugnis' });
    testCookies.clear();
    await expect(waitlistOverview()).rejects.toBeInstanceOf(StaffAccessError);
    await signInAs(DEMO_STAFF[1].email);
    const mine = (await waitlistOverview()).find((o) => o.location.id === office.id)!;
    const service = office.services.find((s) => s.slug === 'fuehrungszeugnis')!;
    expect(mine.demand.filter((d) => d.serviceId === service.id)).toEqual([{ serviceId: service.id, week: day.startOf('week').toISODate(), morning: 2, afternoon: 1, wishes: 2 }]);
    expect(JSON.stringify(mine)).not.toContain('Max Mustermann');
  });

  it('lets a clerk offer a free time that fits by hand, once per wish', async () => {
    const office = await mainOffice();
    const day = openDay(4, 1);
    const wish = await waitingWish({ office, day, parts: ['morning'] });
    await signInAs(DEMO_STAFF[1].email);
    expect(await offerByHand({ locationId: office.id, wishId: wish.id, start: at(day, '14:00') })).toBeNull(); // afternoon
    const offer = await offerByHand({ locationId: office.id, wishId: wish.id, start: at(day, '10:20') });
    expect(offer).toMatchObject({ wishId: wish.id, start: at(day, '10:20') });
    expect(await offerByHand({ locationId: office.id, wishId: wish.id, start: at(day, '10:40') })).toBeNull();
    expect((await offers([wish.id])).map((o) => o.status)).toEqual(['held']);
    const { rows } = await getDb().execute<{ action: string }>(sql`select action from audit_log where action = 'waitlist-offer-by-hand' and entity_id = ${String(offer!.bookingId)}`);
    expect(rows).toHaveLength(1);
  });

  it('lets admins alone set how long an offer holds', async () => {
    const office = await mainOffice();
    const clerk = await signInAs(DEMO_STAFF[1].email);
    await expect(saveWaitlistSettings({ actor: clerk, locationId: office.id, settings: { waitlistOfferHours: 2, waitlistNewDayShare: 0 } })).rejects.toThrow('forbidden');
    const admin = await signInAs(DEMO_STAFF[0].email);
    expect(await saveWaitlistSettings({ actor: admin, locationId: office.id, settings: { waitlistOfferHours: 2, waitlistNewDayShare: 25 } })).toEqual({ ok: true });
    const day = openDay(4, 1);
    const wish = await waitingWish({ office, day });
    const offer = await offerByHand({ locationId: office.id, wishId: wish.id, start: at(day, '11:20') });
    const hours = (offer!.holdExpiresAt.getTime() - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(1.9);
    expect(hours).toBeLessThanOrEqual(2);
  });
});
