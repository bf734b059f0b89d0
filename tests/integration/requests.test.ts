import { and, eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { verify as argon2Verify } from '@node-rs/argon2';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { submitRequestAction } from '@/app/[locale]/termin/anfrage/actions';
import { confirmRequestAction, declineRequestAction } from '@/app/[locale]/verwaltung/anfragen/actions';
import { getDb } from '@/db/client';
import { loadLocationForBooking, type LocationForBooking } from '@/db/queries/availability';
import { appointmentRequests, auditLog, bookings, outbox, requestServices, staffUsers } from '@/db/schema';
import { DEMO_STAFF, seedDemoStaff } from '@/db/seed-staff';
import { hashSecret } from '@/lib/auth/password';
import { startStaffSession, StaffAccessError } from '@/lib/auth/staff-session';
import { composeMail } from '@/lib/mail/compose';
import { currentReceipt } from '@/lib/requests/receipt';
import { confirmRequest, declineRequest, openRequestsFor } from '@/lib/requests/staff';
import { submitRequest } from '@/lib/requests/submit';
import { withdrawRequest } from '@/lib/requests/withdraw';
import { verifyPin } from '@/lib/secrets/pin-hash';
import { publicHolidaysBadenWuerttemberg } from '@/lib/holidays/baden-wuerttemberg';
import { testCookies } from '../support/next-headers';
import { mainOffice } from '../support/office';

// Passes through, counted: the receipt page must not run argon2 (or any PIN check) for whatever a cookie says.
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const original = await importOriginal<typeof import('@node-rs/argon2')>();
  return { ...original, verify: vi.fn(original.verify) };
});

let hochdorf: LocationForBooking;
let emailSeq = 0;
const uniqueEmail = () => `anfrage-${++emailSeq}-${Date.now()}@example.org`;

/** The `index`-th open Tuesday (2) or Thursday (4) of Hochdorf from next week on: inside the 42-day horizon for index 0…2, even around Christmas. */
function hochdorfDay(weekday: 2 | 4, index: number): string {
  const closed = (d: DateTime) => publicHolidaysBadenWuerttemberg(d.year).some((h) => h.date === d.toISODate()) || (d.month === 12 && (d.day === 24 || d.day === 31));
  let day = DateTime.now().setZone('Europe/Berlin').startOf('day').plus({ days: 7 });
  for (let found = -1; ; day = day.plus({ days: 1 })) {
    if (day.weekday === weekday && !closed(day) && ++found === index) return day.toISODate()!;
  }
}

const form = (fields: Record<string, string | number>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, String(v));
  return data;
};

const redirectDigest = async (promise: Promise<unknown>): Promise<string> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as { digest?: string },
  );
  expect(error?.digest).toMatch(/^NEXT_REDIRECT;/);
  return error!.digest!;
};

async function signInAs(email: string) {
  testCookies.clear();
  const [user] = await getDb().select().from(staffUsers).where(eq(staffUsers.email, email));
  await startStaffSession(user!.id);
  return user!;
}

/** A request stored through the domain function, as the citizens' form stores it. */
async function aRequest(preferences: { date: string; partOfDay: 'morning' | 'afternoon' | 'any' }[], locale = 'de') {
  const outcome = await submitRequest({
    location: hochdorf,
    services: [{ id: hochdorf.services.find((s) => s.slug === 'meldebescheinigung')!.id, count: 1 }],
    preferences,
    contact: { name: 'Erika Anfrage', email: uniqueEmail(), phone: null },
    note: null,
    locale,
  });
  if (outcome.status !== 'created') throw new Error('expected a new request');
  return outcome;
}

const mailsFor = (kind: string, key: 'requestId' | 'bookingId', id: number) =>
  getDb().select().from(outbox).where(and(eq(outbox.kind, kind), sql`${outbox.payload}->>${key} = ${String(id)}`));

const requestRow = async (id: number) => (await getDb().select().from(appointmentRequests).where(eq(appointmentRequests.id, id)))[0]!;

beforeAll(async () => {
  await mainOffice();
  await seedDemoStaff(getDb());
  hochdorf = (await loadLocationForBooking({ slug: 'ortschaft-hochdorf' }))!;
});

beforeEach(() => testCookies.clear());

describe('citizens send appointment requests', () => {
  const fields = (email: string, day: string) => ({
    locale: 'de',
    location: 'ortschaft-hochdorf',
    count_personalausweis: 2,
    count_beglaubigung: 1,
    day1: day,
    part1: 'morning',
    day2: '',
    part2: 'any',
    day3: '',
    part3: 'any',
    name: 'Erika Mustermann',
    email,
    phone: '07123 4567',
    note: 'Bitte nicht vor 9 Uhr.',
    consent: 'on',
  });

  it('stores a request with its services and exactly one request-received mail, and shows number and PIN', async () => {
    const email = uniqueEmail();
    const digest = await redirectDigest(submitRequestAction({ ok: false, values: {} }, form(fields(email, hochdorfDay(2, 0)))));
    expect(digest).toContain('/de/termin/anfrage/bestaetigung');
    expect(digest).not.toMatch(/A-|pin/i);

    const [request] = await getDb().select().from(appointmentRequests).where(eq(appointmentRequests.email, email));
    expect(request).toMatchObject({ status: 'open', name: 'Erika Mustermann', phone: '07123 4567', note: 'Bitte nicht vor 9 Uhr.', locale: 'de', preferences: [{ date: hochdorfDay(2, 0), partOfDay: 'morning' }] });
    expect(request!.code).toMatch(/^A-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(request!.code.length).toBeLessThanOrEqual(12);
    const items = await getDb().select().from(requestServices).where(eq(requestServices.requestId, request!.id));
    expect(items.map((i) => i.count).sort()).toEqual([1, 2]);

    const mails = await mailsFor('request-received', 'requestId', request!.id);
    expect(mails).toHaveLength(1);
    const pin = String(mails[0]!.payload.pin);
    expect(pin).toMatch(/^\d{6}$/);
    expect(await verifyPin({ scope: 'request', id: request!.id, storedHash: request!.pinHash, pin })).toBe(true);

    const receipt = await currentReceipt();
    expect(receipt).toMatchObject({ kind: 'created', pin, request: { code: request!.code } });
  });

  it('shows the PIN only to the browser holding the server-made token; a hand-made cookie with guessed PINs gets nothing', async () => {
    const email = uniqueEmail();
    await redirectDigest(submitRequestAction({ ok: false, values: {} }, form(fields(email, hochdorfDay(2, 0)))));
    const [request] = await getDb().select().from(appointmentRequests).where(eq(appointmentRequests.email, email));
    const pin = String((await mailsFor('request-received', 'requestId', request!.id))[0]!.payload.pin);
    expect(testCookies.entries().map(([, value]) => value).join(' ')).not.toContain(pin);
    expect(await currentReceipt()).toMatchObject({ kind: 'created', pin });

    // Another browser that knows the number: the cookie the old page trusted, with 40 guesses and the right PIN, and guessed tokens.
    vi.mocked(argon2Verify).mockClear();
    const guesses = [...Array.from({ length: 40 }, (_, i) => String(i).padStart(6, '0')), pin];
    for (const guess of guesses) {
      testCookies.clear();
      const cookies = await (await import('next/headers')).cookies();
      cookies.set('amtstermin_request', request!.code);
      cookies.set('amtstermin_request_pin', `${request!.code}:${guess}`);
      cookies.set('amtstermin_request_receipt', `${request!.code}:${guess}`);
      expect(await currentReceipt()).toEqual({ kind: 'duplicate', code: request!.code });
    }
    expect(argon2Verify).not.toHaveBeenCalled();
  });

  it('takes a form sent twice, one after the other or at once, for one request', async () => {
    const email = uniqueEmail();
    const data = fields(email, hochdorfDay(2, 1));
    await redirectDigest(submitRequestAction({ ok: false, values: {} }, form(data)));
    const first = await currentReceipt();
    await redirectDigest(submitRequestAction({ ok: false, values: {} }, form(data)));
    // The second answer names the first request and keeps the PIN this browser already has.
    expect(await currentReceipt()).toEqual(first);

    const otherEmail = uniqueEmail();
    await Promise.all([0, 1, 2].map(() => redirectDigest(submitRequestAction({ ok: false, values: {} }, form(fields(otherEmail, hochdorfDay(2, 1)))))));
    for (const address of [email, otherEmail]) {
      const rows = await getDb().select().from(appointmentRequests).where(eq(appointmentRequests.email, address));
      expect(rows).toHaveLength(1);
      expect(await mailsFor('request-received', 'requestId', rows[0]!.id)).toHaveLength(1);
    }
  });
});

describe('staff answer appointment requests', () => {
  it('confirms into a booked booking (source request) with exactly one booking-confirmed mail, audited', async () => {
    const request = await aRequest([{ date: hochdorfDay(2, 2), partOfDay: 'morning' }]);
    const admin = await signInAs(DEMO_STAFF[0].email);
    const view = (await openRequestsFor({ location: hochdorf })).find((v) => v.request.id === request.id)!;
    const [first] = view.preferredDays[0]!.times;
    expect(first).toBeDefined();
    expect(view.preferredDays[0]!.times.every((s) => DateTime.fromJSDate(s.start, { zone: 'Europe/Berlin' }).hour < 12)).toBe(true);

    const result = await confirmRequest({ requestId: request.id, start: first!.start });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const [booking] = await getDb().select().from(bookings).where(eq(bookings.id, result.bookingId));
    expect(booking).toMatchObject({ status: 'booked', source: 'request', name: 'Erika Anfrage', locationId: hochdorf.id, holdTokenHash: null });
    expect(booking!.during.start.getTime()).toBe(first!.start.getTime());
    expect(await requestRow(request.id)).toMatchObject({ status: 'confirmed', bookingId: result.bookingId, answeredBy: admin.id });
    expect((await requestRow(request.id)).answeredAt).toBeInstanceOf(Date);

    const mails = await mailsFor('booking-confirmed', 'bookingId', result.bookingId);
    expect(mails).toHaveLength(1);
    const confirmation = await composeMail({ kind: 'booking-confirmed', bookingId: result.bookingId, pin: '123456' });
    if (!('send' in confirmation)) throw new Error('expected a mail');
    expect(confirmation.send.text).toContain(request.code);
    expect(await verifyPin({ scope: 'booking', id: booking!.id, storedHash: booking!.pinHash!, pin: String(mails[0]!.payload.pin) })).toBe(true);
    const audit = await getDb().select().from(auditLog).where(and(eq(auditLog.entity, 'appointment_request'), eq(auditLog.entityId, String(request.id))));
    expect(audit.map((a) => a.action)).toEqual(['request-confirmed']);

    // Answered once: a second confirmation changes nothing.
    expect(await confirmRequest({ requestId: request.id, start: view.preferredDays[0]!.times[1]!.start })).toEqual({ ok: false, reason: 'already-answered' });
    expect(await getDb().select().from(bookings).where(and(eq(bookings.source, 'request'), eq(bookings.email, booking!.email!)))).toHaveLength(1);
  });

  it('books exactly once when two clerks confirm one request at once', async () => {
    const thursday = hochdorfDay(4, 0);
    for (const sameTime of [false, true]) {
      const request = await aRequest([{ date: thursday, partOfDay: 'afternoon' }]);
      await signInAs(DEMO_STAFF[0].email);
      const view = (await openRequestsFor({ location: hochdorf })).find((v) => v.request.id === request.id)!;
      const times = view.preferredDays[0]!.times;
      expect(times.length).toBeGreaterThan(3);
      const starts = sameTime ? [times[0]!.start, times[0]!.start] : [times[0]!.start, times[3]!.start];
      const results = await Promise.all(starts.map((start) => confirmRequest({ requestId: request.id, start })));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      // Different times: the second UPDATE … WHERE status = 'open' finds nothing. One time: the second hold fails
      // first, and the clerk learns the time is gone (or, once the first commit is visible, that the request is answered).
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: sameTime ? expect.stringMatching(/^(taken|already-answered)$/) : 'already-answered' }]);

      const email = (await requestRow(request.id)).email!;
      const made = await getDb().select().from(bookings).where(eq(bookings.email, email));
      expect(made.map((b) => b.status)).toEqual(['booked']);
      expect(await getDb().select().from(bookings).where(and(eq(bookings.locationId, hochdorf.id), eq(bookings.status, 'held')))).toHaveLength(0);
      expect(await mailsFor('booking-confirmed', 'bookingId', made[0]!.id)).toHaveLength(1);
    }
  });

  it('offers other days for requests whose preferred days have passed, and confirms one', async () => {
    const request = await aRequest([{ date: hochdorfDay(2, 1), partOfDay: 'any' }]);
    // As if the request had waited for weeks.
    const lastWeek = DateTime.now().setZone('Europe/Berlin').minus({ days: 7 }).toISODate()!;
    await getDb().update(appointmentRequests).set({ preferences: [{ date: lastWeek, partOfDay: 'any' }] }).where(eq(appointmentRequests.id, request.id));
    await signInAs(DEMO_STAFF[0].email);
    const other = hochdorfDay(4, 1);
    const view = (await openRequestsFor({ location: hochdorf, lookup: { requestId: request.id, date: other } })).find((v) => v.request.id === request.id)!;
    expect(view.passed).toBe(true);
    expect(view.preferredDays[0]!.times).toEqual([]);
    expect(view.lookup!.times.length).toBeGreaterThan(0);
    expect(await confirmRequest({ requestId: request.id, start: view.lookup!.times[0]!.start })).toMatchObject({ ok: true });
  });

  it('declines with a reason and queues exactly one request-declined mail that carries it', async () => {
    const request = await aRequest([{ date: hochdorfDay(4, 1), partOfDay: 'any' }], 'en');
    await signInAs(DEMO_STAFF[0].email);
    expect(await declineRequest({ requestId: request.id, reason: 'ab' })).toEqual({ ok: false, reason: 'reason-invalid' });
    expect(await declineRequest({ requestId: request.id, reason: 'The office is closed for training that week.' })).toEqual({ ok: true });
    expect(await declineRequest({ requestId: request.id, reason: 'Twice?' })).toEqual({ ok: false, reason: 'already-answered' });
    expect(await requestRow(request.id)).toMatchObject({ status: 'declined', declineReason: 'The office is closed for training that week.', bookingId: null });

    const mails = await mailsFor('request-declined', 'requestId', request.id);
    expect(mails).toHaveLength(1);
    const composed = await composeMail({ kind: 'request-declined', requestId: request.id });
    if (!('send' in composed)) throw new Error('expected a mail');
    expect(composed.send.subject).toContain(request.code);
    expect(composed.send.text).toContain('The office is closed for training that week.');
    expect(composed.send.calendar).toBeUndefined();
  });

  it('confirms and declines through the staff actions', async () => {
    const toConfirm = await aRequest([{ date: hochdorfDay(2, 1), partOfDay: 'morning' }]);
    const toDecline = await aRequest([{ date: hochdorfDay(2, 1), partOfDay: 'morning' }]);
    await signInAs(DEMO_STAFF[0].email);
    const view = (await openRequestsFor({ location: hochdorf })).find((v) => v.request.id === toConfirm.id)!;
    const digest = await redirectDigest(confirmRequestAction({ ok: false, values: {} }, form({ locale: 'de', location: 'ortschaft-hochdorf', requestId: toConfirm.id, start: view.preferredDays[0]!.times[0]!.start.toISOString() })));
    expect(digest).toContain('hinweis=bestaetigt');

    expect(await redirectDigest(declineRequestAction({ ok: false, values: {} }, form({ locale: 'de', location: 'ortschaft-hochdorf', requestId: toDecline.id, reason: 'Kein Termin frei.' })))).toContain('hinweis=abgelehnt');
    expect((await requestRow(toDecline.id)).status).toBe('declined');
  });
});

describe('request access and withdrawal', () => {
  it('refuses staff functions without a session and for a clerk of another office, changing nothing', async () => {
    const request = await aRequest([{ date: hochdorfDay(4, 2), partOfDay: 'any' }]);
    const start = DateTime.fromISO(`${hochdorfDay(4, 2)}T14:00`, { zone: 'Europe/Berlin' }).toJSDate();

    await expect(openRequestsFor({ location: hochdorf })).rejects.toMatchObject({ reason: 'signed-out' });
    await expect(confirmRequest({ requestId: request.id, start })).rejects.toMatchObject({ reason: 'signed-out' });
    await expect(declineRequest({ requestId: request.id, reason: 'Nicht angemeldet' })).rejects.toMatchObject({ reason: 'signed-out' });
    const signIn = await redirectDigest(confirmRequestAction({ ok: false, values: {} }, form({ locale: 'de', requestId: request.id, start: start.toISOString() })));
    expect(signIn).toMatch(/\/verwaltung\?abgemeldet=1/);

    await signInAs(DEMO_STAFF[1].email); // the clerk of the main office
    await expect(openRequestsFor({ location: hochdorf })).rejects.toBeInstanceOf(StaffAccessError);
    // Refused with an answer, not an unhandled StaffAccessError (a bare 500 for a form posted without JavaScript).
    await expect(confirmRequest({ requestId: request.id, start })).resolves.toEqual({ ok: false, reason: 'forbidden' });
    await expect(declineRequest({ requestId: request.id, reason: 'Falscher Standort' })).resolves.toEqual({ ok: false, reason: 'forbidden' });
    expect(await redirectDigest(confirmRequestAction({ ok: false, values: {} }, form({ locale: 'de', location: 'ortschaft-hochdorf', requestId: request.id, start: start.toISOString() })))).toContain('hinweis=fremd');
    expect(await redirectDigest(declineRequestAction({ ok: false, values: {} }, form({ locale: 'de', location: 'ortschaft-hochdorf', requestId: request.id, reason: 'Falscher Standort' })))).toContain('hinweis=fremd');

    expect(await requestRow(request.id)).toMatchObject({ status: 'open', bookingId: null, answeredBy: null });
    expect(await getDb().select().from(bookings).where(eq(bookings.locationId, hochdorf.id)).then((rows) => rows.filter((b) => b.during.start.getTime() === start.getTime()))).toHaveLength(0);
    expect(await mailsFor('request-declined', 'requestId', request.id)).toHaveLength(0);

    // A clerk of Hochdorf may answer it.
    await getDb().insert(staffUsers).values({ email: 'hochdorf-anfragen@musterstadt.example', name: 'Hochdorf Clerk', role: 'clerk', locationId: hochdorf.id, passwordHash: await hashSecret('x') });
    await signInAs('hochdorf-anfragen@musterstadt.example');
    expect((await openRequestsFor({ location: hochdorf })).some((v) => v.request.id === request.id)).toBe(true);
    expect(await confirmRequest({ requestId: request.id, start })).toMatchObject({ ok: true });
  });

  it('withdraws only with the right PIN and answers a wrong PIN like an unknown number', async () => {
    const request = await aRequest([{ date: hochdorfDay(4, 1), partOfDay: 'afternoon' }]);
    const wrongPin = request.pin === '000000' ? '111111' : '000000';
    const wrong = await withdrawRequest({ code: request.code, pin: wrongPin, clientAddress: '198.51.100.20' });
    const unknown = await withdrawRequest({ code: 'A-ZZZZ-ZZZZ', pin: request.pin, clientAddress: '198.51.100.20' });
    expect(wrong).toEqual({ status: 'invalid' });
    expect(unknown).toEqual(wrong);
    expect((await requestRow(request.id)).status).toBe('open');

    // Typed without prefix and dashes, in lower case: the same number.
    const plain = request.code.slice(2).replace('-', '').toLowerCase();
    expect(await withdrawRequest({ code: plain, pin: request.pin, clientAddress: '198.51.100.20' })).toEqual({ status: 'withdrawn', code: request.code });
    expect((await requestRow(request.id)).status).toBe('withdrawn');
    expect(await withdrawRequest({ code: request.code, pin: request.pin, clientAddress: '198.51.100.20' })).toEqual({ status: 'not-open', code: request.code, current: 'withdrawn' });

    await signInAs(DEMO_STAFF[0].email);
    expect(await declineRequest({ requestId: request.id, reason: 'Zu spät' })).toEqual({ ok: false, reason: 'already-answered' });
  });

  it('limits PIN attempts per request number', async () => {
    const request = await aRequest([{ date: hochdorfDay(4, 2), partOfDay: 'any' }]);
    const wrongPin = request.pin === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) await withdrawRequest({ code: request.code, pin: wrongPin, clientAddress: `198.51.100.${30 + i}` });
    expect(await withdrawRequest({ code: request.code, pin: request.pin, clientAddress: '198.51.100.40' })).toMatchObject({ status: 'rate-limited' });
    expect((await requestRow(request.id)).status).toBe('open');
  });

  it('composes the acknowledgement in the request language with number, PIN, days and the withdraw link', async () => {
    const de = await aRequest([{ date: hochdorfDay(2, 0), partOfDay: 'morning' }]);
    const en = await aRequest([{ date: hochdorfDay(2, 0), partOfDay: 'afternoon' }], 'en');
    const german = await composeMail({ kind: 'request-received', requestId: de.id, pin: de.pin });
    const english = await composeMail({ kind: 'request-received', requestId: en.id, pin: en.pin });
    if (!('send' in german) || !('send' in english)) throw new Error('expected mails');
    expect(german.send.subject).toBe(`Ihre Terminanfrage ${de.code} ist eingegangen – Ortschaftsverwaltung Hochdorf`);
    expect(german.send.text).toContain(de.pin);
    expect(german.send.text).toContain('vormittags');
    expect(german.send.text).toContain(`/de/termin/anfrage/zuruecknehmen?nummer=${de.code}`);
    expect(german.send.html).toContain('lang="de"');
    expect(english.send.subject).toContain(`Your appointment request ${en.code}`);
    expect(english.send.text).toContain('afternoon');
    expect(english.send.text).toContain(`/en/appointment/request/withdraw?nummer=${en.code}`);
    // The branch office sends it, and English capitalises after the greeting.
    expect(german.send.fromName).toBe('Ortschaftsverwaltung Hochdorf');
    expect(english.send.fromName).toBe('Local Office Hochdorf');
    expect(english.send.text).toMatch(/Dear [^\n]+,\s+Thank you for your request/);
  });
});
