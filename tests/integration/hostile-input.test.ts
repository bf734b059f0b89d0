import { eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cancelBookingAction, verifyBookingPinAction } from '@/app/[locale]/termin/absagen/actions';
import { chooseServicesAction, holdSlotAction, saveContactAction } from '@/app/[locale]/termin/actions';
import { submitRequestAction, withdrawRequestAction } from '@/app/[locale]/termin/anfrage/actions';
import { cancelBookingByStaffAction, signInAction } from '@/app/[locale]/verwaltung/actions';
import { declineRequestAction } from '@/app/[locale]/verwaltung/anfragen/actions';
import { bookForCitizenAction } from '@/app/[locale]/verwaltung/buchen/actions';
import { createStaffAccountAction } from '@/app/[locale]/verwaltung/einstellungen/konten/actions';
import { updateServiceAction } from '@/app/[locale]/verwaltung/einstellungen/leistungen/actions';
import { addClosureAction } from '@/app/[locale]/verwaltung/einstellungen/schliesstage/actions';
import { getDb } from '@/db/client';
import { loadLocationForBooking, type LocationForBooking } from '@/db/queries/availability';
import { appointmentRequests, bookings, services, staffUsers } from '@/db/schema';
import { DEMO_STAFF, seedDemoStaff } from '@/db/seed-staff';
import { initialActionState } from '@/lib/action-state';
import { initialClosureState } from '@/lib/admin/form-state';
import { startStaffSession, requireStaff } from '@/lib/auth/staff-session';
import { holdSlot } from '@/lib/booking/hold';
import { issueHoldToken } from '@/lib/booking/hold-cookie';
import { searchFor } from '@/lib/staff/day-plan';
import { submitRequest } from '@/lib/requests/submit';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import { book } from '../support/booked';
import { testCookies } from '../support/next-headers';
import { at, choose, mainOffice, openWednesday } from '../support/office';

/** True when `actual` is one of the messages, a `{placeholder}` standing for any text (e.g. the refused character). */
const fitsOneOf = (messages: readonly string[], actual: string | undefined) =>
  messages.some((m) => new RegExp(`^${m.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`).test(actual ?? ''));

// The real next-intl/server needs the React Server Components runtime; the stand-in uses the same catalogues.
vi.mock('next-intl/server', () => import('../support/next-intl-server'));

const MEGABYTE = 'x'.repeat(1024 * 1024);

/** What hostile clients send; each must be refused with a message and change nothing. */
const HOSTILE_NAMES: [string, string][] = [
  ['a header injection', 'Max\r\nBcc: evil@example.com'],
  ['a bare line feed', 'Max\nMustermann'],
  ['a NUL byte', 'Max\u0000Mustermann'],
  ['a bidi override', 'Max \u202Emoc.live'],
  ['a zero-width joiner', 'Ma\u200Dx Mustermann'],
  ['a zero-width space', 'Max\u200BMustermann'],
  ['a lone surrogate', 'Max \uD800 Mustermann'],
  ['a combining-character flood', `Ma${'\u0301'.repeat(40)}x`],
  ['a megabyte', `Max ${MEGABYTE}`],
  ['markup', 'Max <script>alert(1)</script>'],
];

const HOSTILE_EMAILS: [string, string][] = [
  ['a header injection', 'a@b.de\r\nBcc: evil@example.com'],
  ['a bare line feed', 'a@b.de\nBcc: x@y.de'],
  ['a NUL byte', 'a\u0000@b.de'],
  ['a bidi override', '\u202Ea@b.de'],
  ['a non-ASCII local part', 'zoë@example.de'],
  ['a megabyte of padding after a valid address', `a@b.de${' '.repeat(1024 * 1024)}`],
  ['a megabyte', `${MEGABYTE}@example.de`],
];

const HOSTILE_PHONES: [string, string][] = [
  ['a header injection', '0711 123\r\nBcc: x@y.de'],
  ['fullwidth digits', '０７１１ １２３４５'],
  ['a NUL byte', '0711\u00001234'],
  ['a megabyte', `0711${'1'.repeat(1024 * 1024)}`],
];

const HOSTILE_NOTES: [string, string][] = [
  ['a NUL byte', 'Bitte\u0000 früh'],
  ['a bidi override', 'Bitte \u202Eneflehegsua'],
  ['a zero-width space', 'Bitte\u200B früh'],
  ['a megabyte', MEGABYTE],
];

const HOSTILE_PINS: [string, string][] = [
  ['fullwidth digits', '１２３４５６'],
  ['Arabic-Indic digits', '١٢٣٤٥٦'],
  ['a NUL byte', '12345\u0000'],
  ['a zero-width space', '123\u200B456'],
  ['a megabyte', MEGABYTE],
];

const HOSTILE_CODES: [string, string][] = [
  ['fullwidth letters and digits', 'Ｋ７ＱＭ-４ＸＰＡ'],
  ['Cyrillic look-alikes', 'К7QМ-4ХРА'],
  ['a zero-width space', 'K7QM\u200B-4XPA'],
  ['an ß that upper-cases to SS', 'K7ß-4XPA'],
  ['a NUL byte', 'K7QM\u0000-4XPA'],
  ['a megabyte', MEGABYTE],
];

/** Names of real people in many scripts: refusing them would be the bug. Typed decomposed where it matters. */
const LEGIT_NAMES: [string, string][] = [
  ['Zoe\u0308 N\u0303u\u0301n\u0303ez-O\u0308ztu\u0308rk', 'Zoë Ñúñez-Öztürk'],
  ['李小龍', '李小龍'],
  ["O'Brien", "O'Brien"],
  ['  Ana María   ', 'Ana María'],
  ['Anna Maria Müller, geb. Schmidt', 'Anna Maria Müller, geb. Schmidt'],
  ['Jean-Luc (Sohn)', 'Jean-Luc (Sohn)'],
  ['Müller / Schmidt', 'Müller / Schmidt'],
  ['Paul & Paula', 'Paul & Paula'],
  ['Hans\u2011Peter Groß', 'Hans\u2011Peter Groß'],
];

const form = (fields: Record<string, string | number>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, String(v));
  return data;
};

/** FormData turns lone surrogates into U+FFFD, as a browser's UTF-8 body does; the echo is compared after that. */
const asSubmitted = (value: string, max: number) => (form({ v: value }).get('v') as string).slice(0, max);

/** A hash of every row of every table: a refused input must leave all of them as they were. */
async function fingerprint(): Promise<Record<string, string>> {
  const { rows: tables } = await getDb().execute<{ name: string }>(sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`);
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    // Sessions note their last use on every staff request; that is not a change made by the input.
    if (name === 'staff_sessions') continue;
    const { rows } = await getDb().execute<{ h: string }>(sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "${name}" t`));
    out[name] = rows[0]!.h;
  }
  return out;
}

/** Runs `action`, which must answer (no exception, no redirect) and leave the database untouched. */
async function refused<S>(action: () => Promise<S>): Promise<S & { ok: false }> {
  const before = await fingerprint();
  const state = await action();
  expect(state).toMatchObject({ ok: false });
  expect(await fingerprint()).toEqual(before);
  return state as S & { ok: false };
}

const redirectDigest = async (promise: Promise<unknown>): Promise<string> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as { digest?: string },
  );
  expect(error?.digest).toMatch(/^NEXT_REDIRECT;/);
  return decodeURIComponent(error!.digest!);
};

async function signInAs(email: string) {
  testCookies.clear();
  const [user] = await getDb().select().from(staffUsers).where(eq(staffUsers.email, email));
  await startStaffSession(user!.id);
  return requireStaff();
}

let office: LocationForBooking;

beforeAll(async () => {
  office = await mainOffice();
  await seedDemoStaff(getDb());
});

beforeEach(() => testCookies.clear());

describe('the booking contact step', () => {
  /** A running hold in this browser, as after choosing a time. */
  let holds = 0;
  async function aHold() {
    // Every test holds its own time: three counters, ten minutes apart from 08:00 on.
    const minutes = 8 * 60 + Math.floor(holds++ / 3) * 10;
    const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const { tokenHash } = await issueHoldToken();
    const outcome = await holdSlot({ location: office, services: choose(office, { beglaubigung: 1 }), start: at(openWednesday(0), hhmm), tokenHash, locale: 'de' });
    expect(outcome.ok).toBe(true);
    return tokenHash;
  }
  const valid = { locale: 'de', name: 'Erika Mustermann', email: 'erika@example.org', phone: '0711 123456', consent: 'on' };
  const save = (fields: Record<string, string>) => saveContactAction(initialActionState, form({ ...valid, ...fields }));

  it.each([
    ...HOSTILE_NAMES.map(([what, value]) => ['name', what, value] as const),
    ...HOSTILE_EMAILS.map(([what, value]) => ['email', what, value] as const),
    ...HOSTILE_PHONES.map(([what, value]) => ['phone', what, value] as const),
  ])('refuses %s with %s beside the field and keeps what was typed', async (field, _what, value) => {
    await aHold();
    const state = await refused(() => save({ [field]: value }));
    const messages = { name: [de.Errors.nameInvalid, de.Errors.nameCharacter, de.Errors.nameTooLong], email: [de.Errors.emailInvalid], phone: [de.Errors.phoneInvalid] }[field];
    expect(fitsOneOf(messages, state.fieldErrors?.[field]?.[0])).toBe(true);
    expect(Object.keys(state.fieldErrors ?? {})).toEqual([field]);
    expect(state.values[field]).toBe(asSubmitted(value, 300));
    expect(state.values.name).toBe(field === 'name' ? asSubmitted(value, 300) : valid.name);
  });

  it('answers in English in English', async () => {
    await aHold();
    const state = await refused(() => save({ locale: 'en', name: 'Max\r\nBcc: evil@example.com', email: 'a@b.de\nBcc: x@y.de' }));
    expect(state.fieldErrors).toEqual({ name: [en.Errors.nameCharacter.replace('{character}', 'U+000D')], email: [en.Errors.emailInvalid] });
  });

  it('tells at this step, not after the review, that the address already has as many future appointments as allowed', async () => {
    const address = `capped-${Date.now()}@example.org`;
    // The office allows two; both are booked with this address (in other case).
    await book({ day: openWednesday(1), hhmm: '08:00', address });
    await book({ day: openWednesday(1), hhmm: '08:10', address: address.toUpperCase() });
    const tokenHash = await aHold();
    const state = await refused(() => save({ email: address }));
    expect(state.fieldErrors).toEqual({ email: [de.Booking.review.limitReached.replace('{max}', '2')] });
    expect(state.values.email).toBe(address);
    const [row] = await getDb().select().from(bookings).where(eq(bookings.holdTokenHash, tokenHash));
    expect(row!.email).toBeNull();
  });

  it.each(LEGIT_NAMES)('stores the name %j as %j (trimmed, NFC)', async (typed, stored) => {
    const tokenHash = await aHold();
    expect(await redirectDigest(save({ name: typed, email: `legit-${Date.now()}@example.org` }))).toContain('/termin/pruefen');
    const [row] = await getDb().select().from(bookings).where(eq(bookings.holdTokenHash, tokenHash));
    expect(row!.name).toBe(stored);
  });
});

describe('the steps before the contact form', () => {
  it('answers a location slug no location has (NUL byte, megabyte) with a message, not a failed query', async () => {
    for (const slug of ['buergeramt-mitte\u0000', MEGABYTE, 'Bürgeramt']) {
      const state = await refused(() => chooseServicesAction(initialActionState, form({ locale: 'de', location: slug, count_beglaubigung: '1' })));
      expect(state.formError).toBe(de.Errors.generic);
      expect(await loadLocationForBooking({ slug })).toBeNull();
    }
  });

  it('sends a hold for a slug with a NUL byte back to the start instead of failing', async () => {
    const start = at(openWednesday(0), '10:00').toISOString();
    expect(await redirectDigest(holdSlotAction(form({ locale: 'de', location: 'buergeramt-mitte\u0000', services: 'beglaubigung:1', start })))).toContain('/de/termin;');
  });
});

describe('the PIN check for cancelling and moving', () => {
  const check = (fields: Record<string, string>) => verifyBookingPinAction(initialActionState, form({ locale: 'de', code: 'K7QM-4XPA', pin: '123456', purpose: 'cancel', ...fields }));

  it.each(HOSTILE_PINS)('refuses a PIN with %s before counting an attempt or hashing, and never echoes it', async (_what, pin) => {
    const state = await refused(() => check({ pin }));
    expect(state.fieldErrors).toEqual({ pin: [de.PinCheck.errors.pinInvalid] });
    expect(state.values).not.toHaveProperty('pin');
    expect(state.values.code).toBe('K7QM-4XPA');
  });

  it.each(HOSTILE_CODES)('refuses a booking number with %s', async (_what, code) => {
    const state = await refused(() => check({ code }));
    expect(state.fieldErrors).toEqual({ code: [de.PinCheck.errors.codeInvalid] });
    expect(state.values.code).toBe(asSubmitted(code, 100));
  });

  it('still takes a number typed in lower case with spaces', async () => {
    // Counted as an attempt and answered "wrong", which is the point: it got past validation.
    const state = await check({ code: ' k7qm 4xpa ' });
    expect(state).toMatchObject({ ok: false, formError: de.PinCheck.invalid });
  });

  it('sends a cancel form with a tampered number back to the form', async () => {
    expect(await redirectDigest(cancelBookingAction(initialActionState, form({ locale: 'de', code: 'K7QM\u0000-4XPA' })))).toContain('/termin/absagen');
  });
});

describe('the appointment request form', () => {
  let day: string;
  beforeAll(async () => {
    const hochdorf = (await loadLocationForBooking({ slug: 'ortschaft-hochdorf' }))!;
    const weekdays = new Set(hochdorf.windows.map((w) => w.weekday));
    let d = openWednesday(0);
    while (!weekdays.has(d.weekday)) d = d.plus({ days: 1 });
    day = d.toISODate()!;
  });
  const valid = () => ({ locale: 'de', location: 'ortschaft-hochdorf', count_meldebescheinigung: '1', day1: day, part1: 'any', name: 'Erika Mustermann', email: 'erika@example.org', phone: '', note: 'Bitte vormittags.', consent: 'on' });
  const send = (fields: Record<string, string>) => submitRequestAction(initialActionState, form({ ...valid(), ...fields }));

  it.each([
    ...HOSTILE_NAMES.map(([what, value]) => ['name', what, value] as const),
    ...HOSTILE_EMAILS.map(([what, value]) => ['email', what, value] as const),
    ...HOSTILE_PHONES.map(([what, value]) => ['phone', what, value] as const),
    ...HOSTILE_NOTES.map(([what, value]) => ['note', what, value] as const),
  ])('refuses %s with %s: no request, no mail, no rate-limit hit', async (field, _what, value) => {
    const state = await refused(() => send({ [field]: value }));
    const messages = {
      name: [de.Errors.nameInvalid, de.Errors.nameCharacter, de.Errors.nameTooLong],
      email: [de.Errors.emailInvalid],
      phone: [de.Errors.phoneInvalid],
      note: [de.Request.errors.noteInvalid, de.Request.errors.noteTooLong],
    }[field];
    expect(fitsOneOf(messages, state.fieldErrors?.[field]?.[0])).toBe(true);
    expect(Object.keys(state.fieldErrors ?? {})).toEqual([field]);
    expect(state.values[field]).toBe(asSubmitted(value, 600));
  });

  it('refuses a location slug with a NUL byte with a message', async () => {
    const state = await refused(() => send({ location: 'ortschaft-hochdorf\u0000' }));
    expect(state.formError).toBe(de.Errors.generic);
  });

  it('keeps line breaks in a note and stores a legit name in NFC', async () => {
    const email = `request-${Date.now()}@example.org`;
    expect(await redirectDigest(send({ name: LEGIT_NAMES[0]![0], email, note: 'Zwei Zeilen:\r\nbitte vormittags.' }))).toContain('/termin/anfrage/bestaetigung');
    const [row] = await getDb().select().from(appointmentRequests).where(eq(appointmentRequests.email, email));
    expect(row).toMatchObject({ name: 'Zoë Ñúñez-Öztürk', note: 'Zwei Zeilen:\r\nbitte vormittags.' });
  });

  it.each([...HOSTILE_PINS.map(([w, v]) => ['pin', w, v] as const), ...HOSTILE_CODES.map(([w, v]) => ['code', w, v] as const)])('refuses a withdrawal whose %s has %s', async (field, _what, value) => {
    const fields = { locale: 'de', code: 'A-K7QM-4XPA', pin: '123456', [field]: value };
    const state = await refused(() => withdrawRequestAction(initialActionState as never, form(fields)));
    expect(state.fieldErrors).toEqual({ [field]: [de.Request.withdraw.errors[field === 'pin' ? 'pinInvalid' : 'codeInvalid']] });
    expect(state.values).not.toHaveProperty('pin');
  });
});

describe('staff sign-in', () => {
  const signIn = (fields: Record<string, string>) => signInAction(initialActionState, form({ locale: 'de', ...fields }));

  it.each([
    ['a NUL byte in the address', { email: 'admin@musterstadt.example\u0000', password: 'x' }, de.Staff.emailInvalid],
    ['a header injection in the address', { email: 'admin@musterstadt.example\r\nBcc: x@y.de', password: 'x' }, de.Staff.emailInvalid],
    ['a bidi override in the address', { email: '\u202Eadmin@musterstadt.example', password: 'x' }, de.Staff.emailInvalid],
    ['a megabyte address', { email: MEGABYTE, password: 'x' }, de.Staff.invalid],
    ['a megabyte password', { email: DEMO_STAFF[0].email, password: MEGABYTE }, de.Staff.invalid],
  ])('refuses %s before any lookup, hash or audit entry', async (_what, fields, message) => {
    const state = await refused(() => signIn(fields));
    expect(state.formError).toBe(message);
    expect(state.values).not.toHaveProperty('password');
    if (fields.email.length < 1000) expect(state.values.email).toBe(fields.email);
  });
});

describe('staff forms', () => {
  const start = () => at(openWednesday(1), '11:00').toISOString();
  const walkIn = (fields: Record<string, string>) =>
    bookForCitizenAction(initialActionState as never, form({ locale: 'de', location: 'buergeramt-mitte', services: 'beglaubigung:1', start: start(), name: 'Erika Mustermann', email: '', phone: '', ...fields }));

  it.each([
    ...HOSTILE_NAMES.map(([what, value]) => ['name', what, value] as const),
    ...HOSTILE_EMAILS.map(([what, value]) => ['email', what, value] as const),
    ...HOSTILE_PHONES.map(([what, value]) => ['phone', what, value] as const),
  ])('refuses a walk-in booking whose %s has %s', async (field, _what, value) => {
    await signInAs(DEMO_STAFF[1].email);
    const state = await refused(() => walkIn({ [field]: value }));
    const messages = { name: [de.Errors.nameInvalid, de.Errors.nameCharacter, de.Errors.nameTooLong], email: [de.Errors.emailInvalid], phone: [de.Errors.phoneInvalid] }[field];
    expect(fitsOneOf(messages, state.fieldErrors?.[field]?.[0])).toBe(true);
    expect(state.values[field]).toBe(asSubmitted(value, 300));
  });

  it('refuses a walk-in booking for a slug with a NUL byte with a message', async () => {
    await signInAs(DEMO_STAFF[1].email);
    expect((await refused(() => walkIn({ location: 'buergeramt-mitte\u0000' }))).formError).toBe(de.Errors.generic);
  });

  it('books a walk-in for 李小龍', async () => {
    await signInAs(DEMO_STAFF[1].email);
    const state = await walkIn({ name: '李小龍' });
    expect(state).toMatchObject({ ok: true });
    const code = (state as { data: { code: string } }).data.code;
    expect((await getDb().select().from(bookings).where(eq(bookings.code, code)))[0]!.name).toBe('李小龍');
  });

  it.each([
    ['a NUL byte', 'Kein\u0000 Termin', de.RequestStaff.errors.reasonInvalid],
    ['a bidi override', 'Kein \u202ETermin', de.RequestStaff.errors.reasonInvalid],
    ['a megabyte', MEGABYTE, de.RequestStaff.errors.reasonRequired],
  ])('refuses to decline a request with %s in the reason', async (_what, reason, message) => {
    const request = await submitRequest({
      location: (await loadLocationForBooking({ slug: 'ortschaft-hochdorf' }))!,
      services: [{ id: office.services.find((s) => s.slug === 'meldebescheinigung')!.id, count: 1 }],
      preferences: [{ date: openWednesday(2).plus({ days: 1 }).toISODate()!, partOfDay: 'any' }],
      contact: { name: 'Erika Anfrage', email: `decline-${Date.now()}-${Math.random()}@example.org`, phone: null },
      note: null,
      locale: 'de',
    });
    await signInAs(DEMO_STAFF[0].email);
    const state = await refused(() => declineRequestAction(initialActionState, form({ locale: 'de', location: 'ortschaft-hochdorf', requestId: request.id, reason })));
    expect(state.fieldErrors).toEqual({ reason: [message] });
  });

  it('refuses to cancel for a citizen with a NUL byte in the reason, saying why', async () => {
    await signInAs(DEMO_STAFF[1].email);
    const booked = await walkIn({ name: 'Erika Absage' });
    const [row] = await getDb().select().from(bookings).where(eq(bookings.code, (booked as { data: { code: string } }).data.code));
    const before = await fingerprint();
    const digest = await redirectDigest(cancelBookingByStaffAction(form({ locale: 'de', bookingId: row!.id, reason: 'Krank\u0000heit' })));
    expect(digest).toContain('hinweis=reason-invalid');
    expect(de.Staff.reasonInvalid).toBeTruthy();
    expect(await fingerprint()).toEqual(before);
  });

  it('finds nothing, and does not fail, for a day-plan search with a NUL byte', async () => {
    const actor = await signInAs(DEMO_STAFF[1].email);
    expect(await searchFor({ actor, query: 'Erika\u0000' })).toEqual([]);
  });
});

describe('admin forms', () => {
  it.each([
    ['name', 'a header injection', 'Jana\r\nBcc: evil@example.com', de.Admin.errors.textInvalid],
    ['name', 'a bidi override', 'Jana \u202EBeispiel', de.Admin.errors.textInvalid],
    ['name', 'a megabyte', MEGABYTE, de.Admin.errors.staffNameLength],
    ['email', 'a header injection', 'jana@musterstadt.example\r\nBcc: x@y.de', de.Admin.errors.emailInvalid],
    ['password', 'a megabyte', MEGABYTE, de.Admin.errors.passwordTooLong],
  ])('refuses a new account whose %s has %s, before hashing the password', async (field, _what, value, message) => {
    await signInAs(DEMO_STAFF[0].email);
    const fields = { locale: 'de', name: 'Jana Beispiel', email: 'jana.beispiel@musterstadt.example', role: 'admin', location: '', password: 'Ein-langes-Passwort-2026', [field]: value };
    const state = await refused(() => createStaffAccountAction(initialActionState, form(fields)));
    expect(state.fieldErrors).toEqual({ [field]: [message] });
    expect(state.values).not.toHaveProperty('password');
  });

  it('refuses service texts with hidden characters or a megabyte, and keeps the service as it was', async () => {
    await signInAs(DEMO_STAFF[0].email);
    const [service] = await getDb().select().from(services).limit(1);
    const fields = { locale: 'de', serviceId: String(service!.id), nameDe: 'Beglaubigung\u0000', nameEn: 'Certification', descriptionDe: MEGABYTE, descriptionEn: 'Zeile\u202E' };
    const state = await refused(() => updateServiceAction(initialActionState, form(fields)));
    expect(state.fieldErrors).toEqual({ nameDe: [de.Admin.errors.textInvalid], descriptionDe: [de.Admin.errors.descriptionLength], descriptionEn: [de.Admin.errors.textInvalid] });
  });

  it('refuses a closure reason with a NUL byte', async () => {
    await signInAs(DEMO_STAFF[0].email);
    const day = openWednesday(3).toISODate()!;
    const state = await refused(() => addClosureAction(initialClosureState, form({ locale: 'en', location: 'all', startsOn: day, endsOn: day, reasonDe: 'Betriebs\u0000ausflug', reasonEn: 'Staff outing' })));
    expect(state.fieldErrors).toEqual({ reasonDe: [en.Admin.errors.textInvalid] });
    expect(state.values.reasonEn).toBe('Staff outing');
  });
});
