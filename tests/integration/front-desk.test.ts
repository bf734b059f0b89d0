import { eq, sql } from 'drizzle-orm';
import jsQR from 'jsqr';
import pg from 'pg';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { bookings, staffUsers, visits } from '@/db/schema';
import { DEMO_STAFF, seedDemoStaff } from '@/db/seed-staff';
import type { StaffUser } from '@/lib/auth/staff-session';
import { composeMail } from '@/lib/mail/compose';
import { saveFrontDeskSettings } from '@/lib/front-desk/settings';
import { callNext, changeVisit, checkInAppointment, displayState, drawWalkInTicket, waitingRoom } from '@/lib/front-desk/desk';
import { book } from '../support/booked';
import { at, mainOffice, openWednesday } from '../support/office';

const day = openWednesday(3);
let office: Awaited<ReturnType<typeof mainOffice>>;
let clerk: StaffUser;

beforeAll(async () => {
  office = await mainOffice();
  await seedDemoStaff(getDb());
  const [row] = await getDb().select().from(staffUsers).where(eq(staffUsers.email, DEMO_STAFF[1].email));
  clerk = { id: row!.id, email: row!.email, name: row!.name, role: row!.role, locationId: row!.locationId };
});

const minutes = (date: Date, delta: number) => new Date(date.getTime() + delta * 60_000);
const tokenOf = async (id: number) => (await getDb().select({ token: bookings.checkInToken }).from(bookings).where(eq(bookings.id, id)))[0]!.token;

describe('kiosk check-in', () => {
  it('checks an appointment in by its number inside the window and gives the same number on a second try', async () => {
    const booking = await book({ day, hhmm: '08:00' });
    const now = minutes(at(day, '08:00'), -20);
    const first = await checkInAppointment({ locationId: office.id, code: booking.code.toLowerCase().replace('-', ''), now });
    expect(first).toMatchObject({ ok: true, ticket: { kind: 'appointment' } });
    const again = await checkInAppointment({ locationId: office.id, token: await tokenOf(booking.id), now: minutes(now, 1) });
    expect(again.ok && first.ok && again.ticket.label).toBe(first.ok && first.ticket.label);
    const [row] = await getDb().select().from(bookings).where(eq(bookings.id, booking.id));
    expect(row).toMatchObject({ status: 'checked_in', checkedInAt: now });
  });

  it('refuses too early, too late, an unknown number and another office’s kiosk', async () => {
    const booking = await book({ day, hhmm: '08:20' });
    expect(await checkInAppointment({ locationId: office.id, code: booking.code, now: minutes(at(day, '08:20'), -31) })).toEqual({ ok: false, reason: 'too-early' });
    expect(await checkInAppointment({ locationId: office.id, code: booking.code, now: minutes(at(day, '08:20'), 16) })).toEqual({ ok: false, reason: 'too-late' });
    expect(await checkInAppointment({ locationId: office.id, code: 'AAAA-2222', now: at(day, '08:20') })).toEqual({ ok: false, reason: 'not-found' });
    const [other] = await getDb().execute<{ id: number }>(sql`select id from locations where id <> ${office.id} order by id limit 1`).then((r) => r.rows);
    expect(await checkInAppointment({ locationId: other!.id, code: booking.code, now: at(day, '08:20') })).toEqual({ ok: false, reason: 'not-found' });
    const [row] = await getDb().select().from(bookings).where(eq(bookings.id, booking.id));
    expect(row!.status).toBe('booked');
  });

  it('gives a walk-in a number on a time booked through the hold path, occupying a counter', async () => {
    const now = at(day, '09:03');
    const result = await drawWalkInTicket({ locationId: office.id, serviceSlug: 'beglaubigung', now });
    expect(result).toMatchObject({ ok: true, ticket: { kind: 'walk_in' } });
    const [visit] = await getDb().select().from(visits).where(eq(visits.id, result.ok ? result.ticket.visitId : -1));
    const [booking] = await getDb().select().from(bookings).where(eq(bookings.id, visit!.bookingId));
    expect(booking).toMatchObject({ status: 'checked_in', source: 'staff', name: null });
    expect(booking!.during.start.getTime()).toBeGreaterThanOrEqual(now.getTime());
    expect(await drawWalkInTicket({ locationId: office.id, serviceSlug: 'no-such-service', now })).toEqual({ ok: false, reason: 'unknown-service' });
  });
});

describe('calling', () => {
  it('two clerks calling at once call two different people, and the display shows both numbers with their counters', async () => {
    const now = at(day, '10:00');
    const a = await book({ day, hhmm: '10:00' });
    const b = await book({ day, hhmm: '10:00' });
    for (const booking of [a, b]) expect((await checkInAppointment({ locationId: office.id, code: booking.code, now })).ok).toBe(true);
    const [c1, c2] = office.counterIds;
    const calls = await Promise.all([callNext({ actor: clerk, locationId: office.id, counterId: c1!, now }), callNext({ actor: clerk, locationId: office.id, counterId: c2!, now })]);
    const labels = calls.map((c) => (c.ok ? c.label : null));
    expect(labels.every((label) => label !== null)).toBe(true);
    expect(new Set(labels).size).toBe(2);
    const display = await displayState({ locationId: office.id, timeZone: office.timeZone, now });
    expect(display.calls.map((c) => c.label)).toEqual(expect.arrayContaining(labels));
    expect(JSON.stringify(display)).not.toContain('Erika');
  });

  it('fits a walk-in in after every two appointments and records call and end times', async () => {
    const now = at(day, '11:00');
    // Finish whoever is still at a counter from the tests before.
    const room0 = await waitingRoom({ locationId: office.id, timeZone: office.timeZone, walkInEvery: 2, now });
    for (const v of room0.serving) await changeVisit({ actor: clerk, visitId: v.id, step: 'done', now });
    for (const v of room0.waiting) await callNext({ actor: clerk, locationId: office.id, counterId: office.counterIds[2]!, visitId: v.id, now }).then(() => changeVisit({ actor: clerk, visitId: v.id, step: 'no-show', now }));
    const walkIn = await drawWalkInTicket({ locationId: office.id, serviceSlug: 'beglaubigung', now: minutes(now, -10) });
    const appointments = [await book({ day, hhmm: '11:00' }), await book({ day, hhmm: '11:10' }), await book({ day, hhmm: '11:20' })];
    for (const booking of appointments) expect((await checkInAppointment({ locationId: office.id, code: booking.code, now })).ok).toBe(true);
    const room = await waitingRoom({ locationId: office.id, timeZone: office.timeZone, walkInEvery: 2, now });
    const walkInLabel = walkIn.ok ? walkIn.ticket.label : '';
    // Calls so far today ended with an appointment streak of 2 (the two above) or were walk-ins; the rule decides where the walk-in sits.
    expect(room.waiting.map((v) => v.kind)).toContain('walk_in');
    expect(room.waiting.find((v) => v.label === walkInLabel)).toBeDefined();
    const counter = office.counterIds[0]!;
    const called: string[] = [];
    for (let i = 0; i < 4; i++) {
      const call = await callNext({ actor: clerk, locationId: office.id, counterId: counter, now: minutes(now, i * 5) });
      if (call.ok && call.label) called.push(call.label);
    }
    expect(called).toHaveLength(4);
    expect(called).toContain(walkInLabel);
    const walkInAt = called.indexOf(walkInLabel);
    expect(walkInAt).toBeLessThanOrEqual(2); // never behind more than two appointments
    expect(await callNext({ actor: clerk, locationId: office.id, counterId: counter, now: minutes(now, 25) })).toEqual({ ok: true, label: null });
    const [visit] = await getDb().select().from(visits).where(eq(visits.bookingId, appointments[0]!.id));
    expect(visit).toMatchObject({ status: 'done', checkedInAt: now });
    expect(visit!.calledAt).not.toBeNull();
    expect(visit!.endedAt!.getTime()).toBeGreaterThan(visit!.calledAt!.getTime());
    const [booking] = await getDb().select().from(bookings).where(eq(bookings.id, appointments[0]!.id));
    expect(booking!.status).toBe('done');
  });

  it('recalls, hands over to another counter and records a no-show; a clerk of another office is refused', async () => {
    const now = at(day, '12:00');
    const booking = await book({ day, hhmm: '12:10' });
    const ticket = await checkInAppointment({ locationId: office.id, code: booking.code, now });
    const visitId = ticket.ok ? ticket.ticket.visitId : -1;
    expect(await callNext({ actor: clerk, locationId: office.id, counterId: office.counterIds[1]!, visitId, now })).toMatchObject({ ok: true });
    expect(await changeVisit({ actor: clerk, visitId, step: 'recall', now: minutes(now, 1) })).toMatchObject({ ok: true });
    expect(await changeVisit({ actor: clerk, visitId, step: 'hand-over', counterId: office.counterIds[2]!, now: minutes(now, 2) })).toMatchObject({ ok: true });
    const [moved] = await getDb().select().from(visits).where(eq(visits.id, visitId));
    expect(moved).toMatchObject({ counterId: office.counterIds[2], calls: 3, status: 'called' });
    const stranger: StaffUser = { ...clerk, locationId: office.id + 1000 };
    expect(await changeVisit({ actor: stranger, visitId, step: 'done', now })).toEqual({ ok: false, reason: 'forbidden' });
    expect(await changeVisit({ actor: clerk, visitId, step: 'no-show', now: minutes(now, 3) })).toMatchObject({ ok: true });
    expect(await changeVisit({ actor: clerk, visitId, step: 'done', now: minutes(now, 4) })).toEqual({ ok: false, reason: 'stale' });
    const [row] = await getDb().select().from(bookings).where(eq(bookings.id, booking.id));
    expect(row!.status).toBe('no_show');
  });
});

describe('notifications', () => {
  it('announces a change when its transaction commits and never for a rollback', async () => {
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (m) => heard.push(m.payload ?? ''));
    await listener.query('LISTEN front_desk');
    try {
      const booking = await book({ day, hhmm: '12:20' });
      await getDb().execute(sql`update locations set check_in_early_minutes = 240 where id = ${office.id}`);
      // A check-in that fails inside its transaction (the visit number is taken by force) announces nothing.
      await getDb().execute(sql`alter table visits add constraint visits_test_refuse check (booking_id <> ${sql.raw(String(booking.id))}) not valid`);
      await expect(checkInAppointment({ locationId: office.id, code: booking.code, now: at(day, '12:00') })).rejects.toThrow();
      await getDb().execute(sql`alter table visits drop constraint visits_test_refuse`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(heard).toEqual([]);
      const [row] = await getDb().select().from(bookings).where(eq(bookings.id, booking.id));
      expect(row!.status).toBe('booked');
      expect((await checkInAppointment({ locationId: office.id, code: booking.code, now: at(day, '12:00') })).ok).toBe(true);
      await expect.poll(() => heard).toEqual([String(office.id)]);
    } finally {
      await getDb().execute(sql`update locations set check_in_early_minutes = 30 where id = ${office.id}`);
      await listener.end();
    }
  });
});

describe('QR code', () => {
  it('puts the booking’s check-in token (not the PIN) into the confirmation mail as an inline image', async () => {
    const booking = await book({ day, hhmm: '08:40' });
    const composed = await composeMail({ kind: 'booking-confirmed', bookingId: booking.id, pin: booking.pin });
    if (!('send' in composed)) throw new Error('no mail composed');
    const image = composed.send.images?.[0];
    expect(composed.send.html).toContain(`cid:${image?.cid}`);
    const png = PNG.sync.read(image!.content);
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(await tokenOf(booking.id));
    expect(decoded?.data).not.toContain(booking.pin);
    const checkIn = await checkInAppointment({ locationId: office.id, token: decoded!.data, now: at(day, '08:35') });
    expect(checkIn.ok).toBe(true);
  });
});

describe('front-desk rules', () => {
  it('lets an admin widen the check-in window and refuses a clerk', async () => {
    const booking = await book({ day, hhmm: '08:50' });
    const early = minutes(at(day, '08:50'), -45);
    expect(await checkInAppointment({ locationId: office.id, code: booking.code, now: early })).toEqual({ ok: false, reason: 'too-early' });
    await expect(saveFrontDeskSettings({ actor: clerk, locationId: office.id, settings: { checkInEarlyMinutes: 60, checkInLateMinutes: 15, walkInEvery: 2 } })).rejects.toThrow('forbidden');
    const [adminRow] = await getDb().select().from(staffUsers).where(eq(staffUsers.email, DEMO_STAFF[0].email));
    const admin: StaffUser = { id: adminRow!.id, email: adminRow!.email, name: adminRow!.name, role: adminRow!.role, locationId: adminRow!.locationId };
    try {
      expect(await saveFrontDeskSettings({ actor: admin, locationId: office.id, settings: { checkInEarlyMinutes: 60, checkInLateMinutes: 15, walkInEvery: 2 } })).toBe(true);
      expect((await checkInAppointment({ locationId: office.id, code: booking.code, now: early })).ok).toBe(true);
    } finally {
      await saveFrontDeskSettings({ actor: admin, locationId: office.id, settings: { checkInEarlyMinutes: 30, checkInLateMinutes: 15, walkInEvery: 2 } });
    }
  });
});
