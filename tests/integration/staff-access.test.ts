import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { cancelBookingByStaffAction, setBookingStatusAction } from '@/app/[locale]/verwaltung/actions';
import { bookForCitizenAction, moveBookingByStaffAction } from '@/app/[locale]/verwaltung/buchen/actions';
import { getDb } from '@/db/client';
import { bookingServices, bookings, locations, outbox, staffUsers } from '@/db/schema';
import { DEMO_STAFF, seedDemoStaff } from '@/db/seed-staff';
import { hashSecret } from '@/lib/auth/password';
import { signIn } from '@/lib/auth/sign-in';
import { requireStaff, startStaffSession, StaffAccessError } from '@/lib/auth/staff-session';
import { loadLocationForBooking } from '@/db/queries/availability';
import { parseChoiceParam, resolveChoice } from '@/lib/booking/choice';
import { dayPlanFor } from '@/lib/staff/day-plan';
import { bookForCitizen } from '@/lib/staff/walk-in';
import { moveBookingForCitizen } from '@/lib/staff/move-booking';
import { testCookies } from '../support/next-headers';
import { at, mainOffice, occupy, openWednesday } from '../support/office';

const form = (fields: Record<string, string | number>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, String(v));
  return data;
};

let slot = 0;

/** A booked appointment at the main office, each test on its own quarter hour. */
async function aBooking() {
  const office = await mainOffice();
  await seedDemoStaff(getDb());
  const start = new Date(at(openWednesday(0), '08:00').getTime() + slot++ * 15 * 60_000);
  await occupy(office, office.counterIds[0]!, start, new Date(start.getTime() + 15 * 60_000));
  const [row] = await getDb().select().from(bookings).where(sql`lower(${bookings.during}) = ${start.toISOString()}::timestamptz`);
  await getDb().update(bookings).set({ email: 'citizen@example.org', name: 'Erika' }).where(eq(bookings.id, row!.id));
  return { office, bookingId: row!.id };
}

async function signInAs(email: string) {
  const [user] = await getDb().select().from(staffUsers).where(eq(staffUsers.email, email));
  await startStaffSession(user!.id);
}

const statusOf = async (id: number) => (await getDb().select({ status: bookings.status }).from(bookings).where(eq(bookings.id, id)))[0]!.status;

const redirectedToSignIn = (promise: Promise<unknown>) =>
  expect(promise).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/verwaltung\?abgemeldet=1/) });

describe('staff actions check the session themselves', () => {
  beforeEach(() => testCookies.clear());

  it('refuse every staff action without a session and change nothing', async () => {
    const { bookingId } = await aBooking();
    await redirectedToSignIn(setBookingStatusAction(form({ locale: 'de', bookingId, status: 'checked_in' })));
    await redirectedToSignIn(cancelBookingByStaffAction(form({ locale: 'de', bookingId, reason: 'Krankheit' })));
    const walkIn = form({ locale: 'de', location: 'buergeramt-mitte', services: 'beglaubigung:1', start: at(openWednesday(1), '08:00').toISOString(), name: 'Walter', email: '', phone: '' });
    await redirectedToSignIn(bookForCitizenAction({ ok: false, values: {} }, walkIn));
    expect(await statusOf(bookingId)).toBe('booked');
    expect(await getDb().select().from(bookings).where(eq(bookings.source, 'staff'))).toHaveLength(0);
    expect(await getDb().select().from(outbox).where(sql`${outbox.payload}->>'bookingId' = ${String(bookingId)}`)).toHaveLength(0);
  });

  it('refuse a forged or stale session cookie', async () => {
    const { bookingId } = await aBooking();
    (await (await import('next/headers')).cookies()).set('amtstermin_staff', randomUUID());
    await redirectedToSignIn(setBookingStatusAction(form({ locale: 'de', bookingId, status: 'no_show' })));
    expect(await statusOf(bookingId)).toBe('booked');
  });

  it('let a clerk check in a booking of their own office, audited', async () => {
    const { bookingId } = await aBooking();
    await signInAs(DEMO_STAFF[1].email);
    await expect(setBookingStatusAction(form({ locale: 'de', bookingId, status: 'checked_in' }))).rejects.toMatchObject({ digest: expect.stringContaining('hinweis=ok') });
    expect(await statusOf(bookingId)).toBe('checked_in');
    const { rows } = await getDb().execute<{ action: string }>(sql`select action from audit_log where entity = 'booking' and entity_id = ${String(bookingId)}`);
    expect(rows.map((r) => r.action)).toEqual(['booking-checked_in']);
  });

  it('refuse a clerk of another office with the day plan and a translated notice, not an unhandled error', async () => {
    const { bookingId } = await aBooking();
    const [branch] = await getDb().select().from(locations).where(eq(locations.slug, 'ortschaft-hochdorf'));
    await getDb().insert(staffUsers).values({ email: 'hochdorf@musterstadt.example', name: 'Branch Clerk', role: 'clerk', locationId: branch!.id, passwordHash: await hashSecret('x') });
    await signInAs('hochdorf@musterstadt.example');
    // An unhandled StaffAccessError ended in a bare `500 text/plain` for a form posted without JavaScript.
    const refusedWith = /^NEXT_REDIRECT;.*\/verwaltung\?.*hinweis=forbidden/;
    await expect(cancelBookingByStaffAction(form({ locale: 'de', bookingId, reason: 'Krankheit' }))).rejects.toMatchObject({ digest: expect.stringMatching(refusedWith) });
    await expect(setBookingStatusAction(form({ locale: 'de', bookingId, status: 'no_show' }))).rejects.toMatchObject({ digest: expect.stringMatching(refusedWith) });
    await expect(moveBookingForCitizen({ actor: await requireStaff(), bookingId, start: at(openWednesday(2), '09:30') })).resolves.toEqual({ ok: false, reason: 'forbidden' });
    const main = (await loadLocationForBooking({ slug: 'buergeramt-mitte' }))!;
    const services = resolveChoice(main.services, parseChoiceParam('beglaubigung:1'))!;
    const walkIn = { location: main, services, start: at(openWednesday(2), '10:00'), contact: { name: 'Walter', email: null, phone: null }, locale: 'de' as const };
    await expect(bookForCitizen({ actor: await requireStaff(), ...walkIn })).resolves.toEqual({ ok: false, reason: 'forbidden' });
    expect(await statusOf(bookingId)).toBe('booked');
    await expect(dayPlanFor({ actor: await requireStaff(), location: { id: (await mainOffice()).id, timeZone: 'Europe/Berlin' }, date: '2030-01-01' })).rejects.toBeInstanceOf(StaffAccessError);
  });

  it('refuse admin-only checks for a clerk', async () => {
    await aBooking();
    await signInAs(DEMO_STAFF[1].email);
    await expect(requireStaff({ role: 'admin' })).rejects.toMatchObject({ reason: 'forbidden' });
    testCookies.clear();
    await signInAs(DEMO_STAFF[0].email);
    await expect(requireStaff({ role: 'admin' })).resolves.toMatchObject({ role: 'admin' });
  });

  it('cancel on behalf with a reason and queue the citizen mail in the same transaction', async () => {
    const { bookingId } = await aBooking();
    await signInAs(DEMO_STAFF[1].email);
    await expect(cancelBookingByStaffAction(form({ locale: 'de', bookingId, reason: 'Kurzfristige Schließung' }))).rejects.toMatchObject({ digest: expect.stringContaining('hinweis=ok') });
    expect(await statusOf(bookingId)).toBe('cancelled');
    const mails = await getDb().select().from(outbox).where(sql`${outbox.payload}->>'bookingId' = ${String(bookingId)}`);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: 'booking-cancelled', payload: { bookingId, reason: 'Kurzfristige Schließung' } });
  });
});

describe('moving a booking for the citizen', () => {
  beforeEach(() => testCookies.clear());

  it('refuses without a session, and moves in one transaction with one rescheduling mail for a clerk', async () => {
    const { bookingId, office } = await aBooking();
    const certification = office.services.find((s) => s.slug === 'beglaubigung')!;
    await getDb().insert(bookingServices).values({ bookingId, serviceId: certification.id, count: 1, minutesPerUnit: certification.minutesPerUnit });
    const newStart = at(openWednesday(2), '08:30');
    await redirectedToSignIn(moveBookingByStaffAction({ ok: false, values: {} }, form({ locale: 'de', bookingId, start: newStart.toISOString() })));
    expect(await statusOf(bookingId)).toBe('booked');
    await expect(moveBookingForCitizen({ actor: null, bookingId, start: newStart })).rejects.toBeInstanceOf(StaffAccessError);

    await signInAs(DEMO_STAFF[1].email);
    const result = await moveBookingByStaffAction({ ok: false, values: {} }, form({ locale: 'de', bookingId, start: newStart.toISOString() }));
    expect(result).toMatchObject({ ok: true });
    expect(await statusOf(bookingId)).toBe('cancelled');
    const [moved] = await getDb().select().from(bookings).where(eq(bookings.rescheduledFromId, bookingId));
    expect(moved).toMatchObject({ status: 'booked', locationId: office.id, email: 'citizen@example.org', name: 'Erika' });
    expect(moved!.during.start.toISOString()).toBe(newStart.toISOString());
    const mails = await getDb().select().from(outbox).where(sql`${outbox.payload}->>'previousBookingId' = ${String(bookingId)}`);
    expect(mails.map((m) => m.kind)).toEqual(['booking-rescheduled']);
    expect(await getDb().select().from(outbox).where(sql`${outbox.kind} = 'booking-cancelled' and ${outbox.payload}->>'bookingId' = ${String(bookingId)}`)).toHaveLength(0);
  });
});

describe('staff sign-in', () => {
  it('answers the same for an unknown account and a wrong password, then refuses that client after five failures on the account', async () => {
    await mainOffice();
    await seedDemoStaff(getDb());
    const address = `198.51.100.${Math.floor(Math.random() * 200)}`;
    const unknown = await signIn({ email: 'nobody@musterstadt.example', password: 'x', clientAddress: address });
    const wrong = await signIn({ email: DEMO_STAFF[0].email, password: 'wrong', clientAddress: address });
    expect(unknown).toEqual(wrong);
    for (let i = 0; i < 4; i++) await signIn({ email: DEMO_STAFF[0].email, password: 'wrong', clientAddress: address });
    const locked = await signIn({ email: DEMO_STAFF[0].email, password: DEMO_STAFF[0].password, clientAddress: address });
    expect(locked).toMatchObject({ ok: false, reason: 'rate-limited' });
  });

  it('never shuts a staff member out: wrong passwords from elsewhere leave their own address its try', async () => {
    await mainOffice();
    await seedDemoStaff(getDb());
    const clerk = DEMO_STAFF[1];
    const attacker = `203.0.113.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < 5; i++) await signIn({ email: clerk.email, password: 'guess', clientAddress: attacker });
    expect(await signIn({ email: clerk.email, password: clerk.password, clientAddress: attacker })).toMatchObject({ reason: 'rate-limited' });
    expect(await signIn({ email: clerk.email, password: clerk.password, clientAddress: '192.0.2.10' })).toMatchObject({ ok: true });

    // Many addresses together throttle the account: each further address gets one wrong try per window …
    for (let i = 0; i < 20; i++) await signIn({ email: clerk.email, password: 'guess', clientAddress: `203.0.113.${i}` });
    const [row] = await getDb().select().from(staffUsers).where(eq(staffUsers.email, clerk.email));
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await signIn({ email: clerk.email, password: 'guess', clientAddress: '198.18.0.1' })).toMatchObject({ reason: 'invalid' });
    expect(await signIn({ email: clerk.email, password: 'guess', clientAddress: '198.18.0.1' })).toMatchObject({ reason: 'rate-limited' });
    // … and the clerk still signs in from an address whose try is unused.
    expect(await signIn({ email: clerk.email, password: clerk.password, clientAddress: '192.0.2.10' })).toMatchObject({ ok: true });
    expect(await signIn({ email: clerk.email, password: 'typo', clientAddress: '192.0.2.11' })).toMatchObject({ reason: 'invalid' });
    expect(await signIn({ email: clerk.email, password: clerk.password, clientAddress: '192.0.2.11' })).toMatchObject({ reason: 'rate-limited' });
  });

  it('signs in with the right password as often as needed: only failures count toward the limits', async () => {
    await mainOffice();
    await seedDemoStaff(getDb());
    for (let i = 0; i < 7; i++) {
      expect(await signIn({ email: DEMO_STAFF[1].email.toUpperCase(), password: DEMO_STAFF[1].password, clientAddress: '192.0.2.50' })).toMatchObject({ ok: true });
    }
  });
});
