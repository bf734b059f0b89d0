import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cancelBookingByStaffAction, setBookingStatusAction } from '@/app/[locale]/verwaltung/actions';
import { bookForCitizenAction, moveBookingByStaffAction } from '@/app/[locale]/verwaltung/buchen/actions';
import { createTranslator } from 'next-intl';
import { getDb } from '@/db/client';
import { listRecentAudit } from '@/db/queries/admin-audit';
import { bookingServices, bookings, locations, outbox, staffUsers } from '@/db/schema';
import { DEMO_STAFF, seedDemoStaff } from '@/db/seed-staff';
import { auditSentence } from '@/lib/admin/audit-sentence';
import { hashSecret } from '@/lib/auth/password';
import { signIn } from '@/lib/auth/sign-in';
import { requireStaff, startStaffSession, StaffAccessError } from '@/lib/auth/staff-session';
import { loadLocationForBooking } from '@/db/queries/availability';
import { parseChoiceParam, resolveChoice } from '@/lib/booking/choice';
import { bookForCitizen } from '@/lib/staff/walk-in';
import { changeBookingStatus, saveStaffNote } from '@/lib/staff/booking-actions';
import { dayPlanFor, searchFor } from '@/lib/staff/day-plan';
import { moveBookingForCitizen } from '@/lib/staff/move-booking';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
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
  return requireStaff();
}

const startOf = async (id: number) => (await getDb().select({ during: bookings.during }).from(bookings).where(eq(bookings.id, id)))[0]!.during.start;

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

  it('let a clerk check in a booking of their own office on its day, audited', async () => {
    const { bookingId } = await aBooking();
    await signInAs(DEMO_STAFF[1].email);
    await expect(setBookingStatusAction(form({ locale: 'de', bookingId, status: 'checked_in' }))).rejects.toMatchObject({ digest: expect.stringContaining('hinweis=not-today') });
    expect(await statusOf(bookingId)).toBe('booked');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(await startOf(bookingId));
      await expect(setBookingStatusAction(form({ locale: 'de', bookingId, status: 'checked_in' }))).rejects.toMatchObject({ digest: expect.stringContaining('hinweis=ok') });
    } finally {
      vi.useRealTimers();
    }
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

describe('desk steps are checked in the data layer, whatever the page shows', () => {
  beforeEach(() => testCookies.clear());
  const minutes = (date: Date, n: number) => new Date(date.getTime() + n * 60_000);
  const talheimClerk = async () => {
    const [branch] = await getDb().select().from(locations).where(eq(locations.slug, 'ortschaft-talheim'));
    await getDb().insert(staffUsers).values({ email: 'talheim@musterstadt.example', name: 'Branch Clerk', role: 'clerk', locationId: branch!.id, passwordHash: await hashSecret('x') }).onConflictDoNothing();
    return signInAs('talheim@musterstadt.example');
  };
  const auditOf = async (id: number) =>
    (await getDb().execute<{ action: string; details: unknown }>(sql`select action, details from audit_log where entity = 'booking' and entity_id = ${String(id)} order by id`)).rows;

  it('refuses arrival on another day, no-show before the start and done before arrival, changing nothing', async () => {
    const { bookingId } = await aBooking();
    const actor = await signInAs(DEMO_STAFF[1].email);
    const start = await startOf(bookingId);
    expect(await changeBookingStatus({ actor, bookingId, status: 'checked_in', now: minutes(start, -13 * 24 * 60) })).toEqual({ ok: false, reason: 'not-today' });
    expect(await changeBookingStatus({ actor, bookingId, status: 'no_show', now: minutes(start, -208) })).toEqual({ ok: false, reason: 'not-started' });
    expect(await changeBookingStatus({ actor, bookingId, status: 'done', now: minutes(start, 5) })).toEqual({ ok: false, reason: 'invalid-transition' });
    expect(await statusOf(bookingId)).toBe('booked');
    expect(await auditOf(bookingId)).toEqual([]);
  });

  it('undoes arrival, done and no-show, each audited with where it came from', async () => {
    const { bookingId } = await aBooking();
    const actor = await signInAs(DEMO_STAFF[1].email);
    const now = minutes(await startOf(bookingId), 3);
    const steps = [['checked_in', 'booked'], ['done', 'checked_in'], ['checked_in', 'done'], ['booked', 'checked_in'], ['no_show', 'booked'], ['booked', 'no_show']] as const;
    for (const [status, from] of steps) expect(await changeBookingStatus({ actor, bookingId, from, status, now })).toEqual({ ok: true });
    expect(await statusOf(bookingId)).toBe('booked');
    expect((await auditOf(bookingId)).map((a) => a.action)).toEqual(['booking-checked_in', 'booking-done', 'booking-status-undone', 'booking-status-undone', 'booking-no_show', 'booking-status-undone']);
    expect((await auditOf(bookingId))[2]!.details).toEqual({ from: 'done', to: 'checked_in' });
  });

  it('writes the desk steps into the audit log as sentences with the booking number, no ids or JSON', async () => {
    const { bookingId } = await aBooking();
    const actor = await signInAs(DEMO_STAFF[1].email);
    const now = minutes(await startOf(bookingId), 1);
    await changeBookingStatus({ actor, bookingId, status: 'checked_in', now });
    await changeBookingStatus({ actor, bookingId, status: 'booked', now });
    const [row] = await getDb().select({ code: bookings.code }).from(bookings).where(eq(bookings.id, bookingId));
    const entries = (await listRecentAudit({ limit: 50 })).filter((e) => e.entityId === String(bookingId));
    for (const locale of ['de', 'en'] as const) {
      const messages = locale === 'de' ? de : en;
      const t = createTranslator({ locale, messages, namespace: 'Admin.audit' });
      const labels = { status: (s: string) => messages.Staff.status[s as 'booked'], role: (r: string) => r, weekday: (n: number) => String(n) };
      const sentences = entries.map((e) => { const { key, values } = auditSentence(e, locale, labels); return t(`sentences.${key}`, values); });
      expect(sentences).toEqual(
        locale === 'de'
          ? [`Termin ${row!.code}: „angekommen“ zurückgenommen, jetzt „gebucht“.`, `Ankunft zu Termin ${row!.code} vermerkt.`]
          : [`Appointment ${row!.code}: “arrived” undone, now “booked”.`, `Arrival recorded for appointment ${row!.code}.`],
      );
    }
  });

  it('refuses a step from a status the clerk no longer sees (a second click, another desk)', async () => {
    const { bookingId } = await aBooking();
    const actor = await signInAs(DEMO_STAFF[1].email);
    const now = minutes(await startOf(bookingId), 1);
    expect(await changeBookingStatus({ actor, bookingId, from: 'booked', status: 'checked_in', now })).toEqual({ ok: true });
    expect(await changeBookingStatus({ actor, bookingId, from: 'booked', status: 'checked_in', now })).toEqual({ ok: false, reason: 'stale' });
    expect(await changeBookingStatus({ actor, bookingId, from: 'checked_in', status: 'booked', now })).toEqual({ ok: true });
    expect(await changeBookingStatus({ actor, bookingId, from: 'checked_in', status: 'booked', now })).toEqual({ ok: false, reason: 'stale' });
  });

  it('keeps an internal note on the card, audited without its text, and refuses a clerk of another office', async () => {
    const { bookingId, office } = await aBooking();
    const actor = await signInAs(DEMO_STAFF[1].email);
    expect(await saveStaffNote({ actor, bookingId, note: 'Bringt Dolmetscherin mit' })).toEqual({ ok: true });
    const plan = await dayPlanFor({ actor, location: { id: office.id, timeZone: office.timeZone }, date: openWednesday(0).toISODate()! });
    expect(plan.bookings.find((b) => b.id === bookingId)).toMatchObject({ staffNote: 'Bringt Dolmetscherin mit' });
    expect(await auditOf(bookingId)).toEqual([{ action: 'booking-note', details: null }]);
    testCookies.clear();
    const other = await talheimClerk();
    expect(await saveStaffNote({ actor: other, bookingId, note: 'x' })).toEqual({ ok: false, reason: 'forbidden' });
  });

  it('searches by number, name, email and phone in the offices the clerk may see, naming the office of each hit', async () => {
    const { bookingId } = await aBooking();
    const phone = `+49 711 ${Math.floor(Math.random() * 1e7)}`;
    await getDb().update(bookings).set({ email: 'Such.Mich@Example.org', phone, name: 'Erika Suchbar' }).where(eq(bookings.id, bookingId));
    const actor = await signInAs(DEMO_STAFF[1].email);
    const [row] = await getDb().select({ code: bookings.code }).from(bookings).where(eq(bookings.id, bookingId));
    for (const query of [row!.code, 'suchbar', 'such.mich@example', phone.replace(/ /g, '-').replace('+49-', '')]) {
      const hits = await searchFor({ actor, query });
      expect(hits.map((h) => h.id), query).toContain(bookingId);
      expect(hits.find((h) => h.id === bookingId)!.location).toMatchObject({ slug: 'buergeramt-mitte', name: { de: 'Bürgeramt Musterstadt-Mitte' } });
    }
    testCookies.clear();
    const other = await talheimClerk();
    expect(await searchFor({ actor: other, query: 'suchbar' })).toEqual([]);
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
