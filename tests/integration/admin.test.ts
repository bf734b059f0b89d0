import { and, desc, eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { saveDocumentAction, updateServiceAction } from '@/app/[locale]/verwaltung/einstellungen/leistungen/actions';
import { changeStaffRoleAction, createStaffAccountAction, resetStaffPasswordAction, setStaffAccountActiveAction } from '@/app/[locale]/verwaltung/einstellungen/konten/actions';
import { addClosureAction, deleteClosureAction } from '@/app/[locale]/verwaltung/einstellungen/schliesstage/actions';
import { addCounterAction, addOpeningWindowAction, removeOpeningWindowAction, renameCounterAction, saveOfficeSettingsAction, saveReminderSettingsAction, setCounterActiveAction, setWindowCountersAction } from '@/app/[locale]/verwaltung/einstellungen/standorte/actions';
import { getDb } from '@/db/client';
import { loadLocationForBooking } from '@/db/queries/availability';
import { listDocumentsForServices } from '@/db/queries/documents';
import { auditLog, bookings, closures, counters, documents, locations, openingHours, outbox, services, staffUsers } from '@/db/schema';
import { DEMO_STAFF, seedDemoStaff } from '@/db/seed-staff';
import { initialActionState } from '@/lib/action-state';
import { recentAuditEntries } from '@/lib/admin/audit';
import { addClosure, listClosures, removeClosure } from '@/lib/admin/closures';
import { initialClosureState, type ClosureFormState } from '@/lib/admin/form-state';
import { addCounter, addOpeningWindow, listLocationsForAdmin, removeOpeningWindow, renameCounter, setCounterActive, setWindowCounters } from '@/lib/admin/locations';
import { saveOfficeSettings } from '@/lib/admin/office-settings';
import { reminderFiguresFor, saveReminderSettings } from '@/lib/admin/reminder-settings';
import { listDocumentsForAdmin, listServicesForAdmin, saveDocument, updateService } from '@/lib/admin/services';
import { changeStaffRole, createStaffAccount, listStaffAccountsForAdmin, resetStaffPassword, setStaffAccountActive } from '@/lib/admin/staff-accounts';
import { verifySecret } from '@/lib/auth/password';
import { requireStaff, startStaffSession, StaffAccessError, type StaffUser } from '@/lib/auth/staff-session';
import { findSlots, horizonEnd, localToday } from '@/lib/booking/availability';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import { testCookies } from '../support/next-headers';
import { at, mainOffice, occupy, openWednesday } from '../support/office';

const form = (fields: Record<string, string | number>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, String(v));
  return data;
};

async function signInAs(email: string): Promise<StaffUser> {
  testCookies.clear();
  const [user] = await getDb().select().from(staffUsers).where(eq(staffUsers.email, email));
  await startStaffSession(user!.id);
  return requireStaff();
}

const asAdmin = () => signInAs(DEMO_STAFF[0].email);
const asClerk = () => signInAs(DEMO_STAFF[1].email);

/** Everything an admin action could change, to compare before and after a refused call. */
async function snapshot() {
  const { rows } = await getDb().execute(sql`
    select
      (select coalesce(json_agg(c order by c.id), '[]') from closures c) as closures,
      (select coalesce(json_agg(h order by h.id), '[]') from opening_hours h) as hours,
      (select coalesce(json_agg(c order by c.id), '[]') from counters c) as counters,
      (select coalesce(json_agg(s order by s.id), '[]') from services s) as services,
      (select coalesce(json_agg(o order by o.location_id, o.service_id), '[]') from location_services o) as offers,
      (select coalesce(json_agg(d order by d.id), '[]') from documents d) as documents,
      (select coalesce(json_agg(sd order by sd.service_id, sd.position), '[]') from service_documents sd) as service_documents,
      (select coalesce(json_agg(l order by l.id), '[]') from locations l) as locations,
      (select coalesce(json_agg(json_build_object('id', u.id, 'active', u.active, 'hash', u.password_hash, 'role', u.role, 'location', u.location_id) order by u.id), '[]') from staff_users u) as staff,
      (select coalesce(json_agg(json_build_object('id', b.id, 'status', b.status) order by b.id), '[]') from bookings b) as bookings,
      (select count(*) from outbox) as mails,
      (select count(*) from audit_log where action not in ('sign-in', 'sign-in-failed')) as audit`);
  return rows[0];
}

let office: Awaited<ReturnType<typeof mainOffice>>;
let ids: { closureId: number; windowId: number; counterId: number; serviceId: number; documentId: number; staffId: number; branchId: number };

beforeAll(async () => {
  office = await mainOffice();
  await seedDemoStaff(getDb());
  const [closure] = await getDb().select().from(closures).limit(1);
  const [window] = await getDb().select().from(openingHours).where(eq(openingHours.locationId, office.id)).limit(1);
  const [service] = await getDb().select().from(services).limit(1);
  const [document] = await getDb().select().from(documents).limit(1);
  const [clerk] = await getDb().select().from(staffUsers).where(eq(staffUsers.email, DEMO_STAFF[1].email));
  const [branch] = await getDb().select().from(locations).where(eq(locations.slug, 'ortschaft-hochdorf'));
  ids = { closureId: closure!.id, windowId: window!.id, counterId: office.counterIds[0]!, serviceId: service!.id, documentId: document!.id, staffId: clerk!.id, branchId: branch!.id };
});

beforeEach(() => testCookies.clear());

/** One valid submission of every admin action. */
function everyAction(): [string, () => Promise<unknown>][] {
  const day = openWednesday(2).toISODate()!;
  return [
    ['add closure', () => addClosureAction(initialClosureState, form({ locale: 'de', location: 'all', startsOn: day, endsOn: day, reasonDe: 'Betriebsausflug', reasonEn: 'Staff outing' }))],
    ['delete closure', () => deleteClosureAction(initialActionState, form({ locale: 'de', closureId: ids.closureId }))],
    ['add window', () => addOpeningWindowAction(initialActionState, form({ locale: 'de', locationId: office.id, weekday: 6, opensAt: '09:00', closesAt: '12:00', countersOpen: 1 }))],
    ['remove window', () => removeOpeningWindowAction(initialActionState, form({ locale: 'de', windowId: ids.windowId }))],
    ['set counters open', () => setWindowCountersAction(initialActionState, form({ locale: 'de', windowId: ids.windowId, countersOpen: 1 }))],
    ['add counter', () => addCounterAction(initialActionState, form({ locale: 'de', locationId: office.id, name: 'Schalter 9' }))],
    ['rename counter', () => renameCounterAction(initialActionState, form({ locale: 'de', counterId: ids.counterId, name: 'Infotheke' }))],
    ['deactivate counter', () => setCounterActiveAction(initialActionState, form({ locale: 'de', counterId: ids.counterId, active: 'false' }))],
    ['update service', () => updateServiceAction(initialActionState, form({ locale: 'de', serviceId: ids.serviceId, nameDe: 'Geändert', nameEn: 'Changed', descriptionDe: 'x', descriptionEn: 'x' }))],
    ['create service', () => updateServiceAction(initialActionState, form({ locale: 'de', serviceId: 'new', active: 'on', nameDe: 'Neue Leistung', nameEn: 'New service', descriptionDe: '', descriptionEn: '', [`document-${ids.documentId}`]: 'on' }))],
    ['create document', () => saveDocumentAction(initialActionState, form({ locale: 'de', documentId: 'new', nameDe: 'Vollmacht', nameEn: 'Power of attorney', hintDe: '', hintEn: '', formUrl: 'https://musterstadt.example/vollmacht.pdf' }))],
    ['save document', () => saveDocumentAction(initialActionState, form({ locale: 'de', documentId: ids.documentId, nameDe: 'Geändert', nameEn: 'Changed', hintDe: 'x', hintEn: 'x', formUrl: '' }))],
    ['save booking rules', () => saveOfficeSettingsAction(initialActionState, form({ locale: 'de', locationId: office.id, bookingHorizonDays: 7, minLeadMinutes: 0, holdMinutes: 5, slotStepMinutes: 30, maxFutureBookingsPerEmail: 1 }))],
    ['save reminders', () => saveReminderSettingsAction(initialActionState, form({ locale: 'de', locationId: office.id, reminderHours: 24, secondReminderHours: 2 }))],
    ['change role', () => changeStaffRoleAction(initialActionState, form({ locale: 'de', staffId: ids.staffId, role: 'admin', location: '' }))],
    ['create account', () => createStaffAccountAction(initialActionState, form({ locale: 'de', email: 'intruder@musterstadt.example', name: 'Intruder', role: 'admin', password: 'a-long-password-123' }))],
    ['deactivate account', () => setStaffAccountActiveAction(initialActionState, form({ locale: 'de', staffId: ids.staffId, active: 'false' }))],
    ['reset password', () => resetStaffPasswordAction(initialActionState, form({ locale: 'de', staffId: ids.staffId, password: 'a-long-password-123' }))],
  ];
}

/** Every admin domain function, reads included, called as `actor`. */
function everyDomainFunction(actor: StaffUser | null): [string, () => Promise<unknown>][] {
  const day = openWednesday(2).toISODate()!;
  return [
    ['listClosures', () => listClosures({ actor })],
    ['addClosure', () => addClosure({ actor, input: { locationId: null, startsOn: day, endsOn: day, reason: { de: 'Ausflug', en: 'Outing' } } })],
    ['removeClosure', () => removeClosure({ actor, closureId: ids.closureId })],
    ['listLocationsForAdmin', () => listLocationsForAdmin({ actor })],
    ['addOpeningWindow', () => addOpeningWindow({ actor, input: { locationId: office.id, weekday: 6, opensAt: '09:00', closesAt: '12:00', countersOpen: 1 } })],
    ['removeOpeningWindow', () => removeOpeningWindow({ actor, windowId: ids.windowId })],
    ['setWindowCounters', () => setWindowCounters({ actor, windowId: ids.windowId, countersOpen: 1 })],
    ['addCounter', () => addCounter({ actor, locationId: office.id, name: 'Schalter 9' })],
    ['renameCounter', () => renameCounter({ actor, counterId: ids.counterId, name: 'Infotheke' })],
    ['setCounterActive', () => setCounterActive({ actor, counterId: ids.counterId, active: false })],
    ['listServicesForAdmin', () => listServicesForAdmin({ actor })],
    ['updateService', () => updateService({ actor, input: { serviceId: ids.serviceId, name: { de: 'X', en: 'X' }, description: { de: '', en: '' }, offers: [] } })],
    ['updateService (new)', () => updateService({ actor, input: { serviceId: null, name: { de: 'X', en: 'X' }, description: { de: '', en: '' }, active: true, documentIds: [ids.documentId], offers: [] } })],
    ['listDocumentsForAdmin', () => listDocumentsForAdmin({ actor })],
    ['saveDocument (new)', () => saveDocument({ actor, documentId: null, fields: { name: { de: 'Vollmacht', en: 'Power of attorney' }, hint: null, formUrl: null } })],
    ['saveDocument', () => saveDocument({ actor, documentId: ids.documentId, fields: { name: { de: 'X', en: 'X' }, hint: null, formUrl: null } })],
    ['saveOfficeSettings', () => saveOfficeSettings({ actor, locationId: office.id, settings: { bookingHorizonDays: 7, minLeadMinutes: 0, holdMinutes: 5, slotStepMinutes: 30, maxFutureBookingsPerEmail: 1, requireChallenge: true, challengeWork: null } })],
    ['saveReminderSettings', () => saveReminderSettings({ actor, locationId: office.id, settings: { reminderHours: 24, secondReminderHours: 2 } })],
    ['reminderFiguresFor', () => reminderFiguresFor({ actor, locationId: office.id })],
    ['listStaffAccountsForAdmin', () => listStaffAccountsForAdmin({ actor })],
    ['createStaffAccount', () => createStaffAccount({ actor, input: { email: 'intruder@musterstadt.example', name: 'Intruder', role: 'admin', locationId: null, password: 'a-long-password-123' } })],
    ['setStaffAccountActive', () => setStaffAccountActive({ actor, staffId: ids.staffId, active: false })],
    ['resetStaffPassword', () => resetStaffPassword({ actor, staffId: ids.staffId, password: 'a-long-password-123' })],
    ['changeStaffRole', () => changeStaffRole({ actor, staffId: ids.staffId, role: 'admin', locationId: null })],
    ['recentAuditEntries', () => recentAuditEntries({ actor })],
  ];
}

describe('admin settings check the session and the admin role themselves', () => {
  it('refuses every admin action without a session, sends to the sign-in and changes nothing', async () => {
    const before = await snapshot();
    for (const [name, run] of everyAction()) {
      await expect(run(), name).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/verwaltung\?abgemeldet=1/) });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses every admin action for a clerk with a translated message and changes nothing', async () => {
    await asClerk();
    const before = await snapshot();
    for (const [name, run] of everyAction()) {
      expect(await run(), name).toMatchObject({ ok: false, formError: expect.stringContaining('Berechtigung') });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses every admin domain function without an actor and for a clerk, and changes nothing', async () => {
    const clerk = await asClerk();
    const before = await snapshot();
    for (const [name, run] of everyDomainFunction(null)) {
      await expect(run(), name).rejects.toSatisfy((e) => e instanceof StaffAccessError && e.reason === 'signed-out');
    }
    for (const [name, run] of everyDomainFunction(clerk)) {
      await expect(run(), name).rejects.toSatisfy((e) => e instanceof StaffAccessError && e.reason === 'forbidden');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('lets an admin read every settings list', async () => {
    const admin = await asAdmin();
    for (const [name, run] of everyDomainFunction(admin).filter(([n]) => n.startsWith('list') || n.startsWith('recent'))) {
      expect(await run(), name).toEqual(expect.any(Array));
    }
  });
});

describe('a closure over booked appointments', () => {
  const mailsFor = (bookingId: number) => getDb().select().from(outbox).where(sql`${outbox.payload}->>'bookingId' = ${String(bookingId)}`);
  const booking = async (id: number) => (await getDb().select().from(bookings).where(eq(bookings.id, id)))[0]!;

  /** A booking at `start` (Europe/Berlin wall clock) for 20 minutes, with contact details. */
  async function book(start: Date, { counter = 0, locale = 'de', status = 'booked' as 'booked' | 'held', locationId = office.id } = {}) {
    const counterId = locationId === office.id ? office.counterIds[counter]! : (await getDb().select().from(counters).where(eq(counters.locationId, locationId)))[0]!.id;
    await occupy({ ...office, id: locationId }, counterId, start, new Date(start.getTime() + 20 * 60_000), status);
    const [row] = await getDb().select().from(bookings).where(and(eq(bookings.counterId, counterId), sql`lower(${bookings.during}) = ${start.toISOString()}::timestamptz`));
    await getDb().update(bookings).set({ email: `citizen-${row!.id}@example.org`, name: `Citizen ${row!.id}`, locale }).where(eq(bookings.id, row!.id));
    return row!.id;
  }

  const closureForm = (day: string, extra: Record<string, string> = {}) =>
    form({ locale: 'de', location: String(office.id), startsOn: day, endsOn: day, reasonDe: 'Wasserschaden im Bürgeramt', reasonEn: 'Water damage at the office', ...extra });

  it('first lists the stranded bookings and changes nothing; confirmed, it closes, cancels and queues one mail each in one go', async () => {
    await asAdmin();
    const day = openWednesday(1);
    const date = day.toISODate()!;
    const morning = await book(at(day, '09:00'));
    const english = await book(at(day, '10:00'), { counter: 1, locale: 'en' });
    // Local dates in the office's time zone: 23:30 on the day counts, 00:30 on the next day does not (same UTC date).
    const lateEvening = await book(at(day, '23:30'), { counter: 2 });
    const nextNight = await book(at(day.plus({ days: 1 }), '00:30'), { counter: 2 });
    const nextDay = await book(at(day.plus({ days: 1 }), '09:00'));
    const otherOffice = await book(at(day, '09:00'), { locationId: ids.branchId });
    const hold = await book(at(day, '11:00'), { status: 'held' });
    const closuresBefore = (await getDb().select().from(closures)).length;

    const preview = (await addClosureAction(initialClosureState, closureForm(date))) as Extract<ClosureFormState, { affected: unknown }>;
    expect(preview).toMatchObject({ ok: false, changed: false, values: { startsOn: date, reasonDe: 'Wasserschaden im Bürgeramt' } });
    expect(preview.affected.map((b) => b.id)).toEqual([morning, english, lateEvening]);
    expect(preview.affected[0]).toMatchObject({ code: expect.any(String), name: `Citizen ${morning}`, timeZone: 'Europe/Berlin' });
    expect(await getDb().select().from(closures)).toHaveLength(closuresBefore);
    expect((await booking(morning)).status).toBe('booked');
    expect(await mailsFor(morning)).toHaveLength(0);

    const done = await addClosureAction(preview, closureForm(date, { confirm: preview.affected.map((b) => b.id).join(',') }));
    expect(done).toEqual({ ok: true, data: { cancelled: 3 } });
    expect(await getDb().select().from(closures)).toHaveLength(closuresBefore + 1);
    for (const id of [morning, english, lateEvening]) {
      const row = await booking(id);
      expect(row.status).toBe('cancelled');
      const mails = await mailsFor(id);
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({ kind: 'booking-cancelled', payload: { bookingId: id, reason: row.cancelReason } });
    }
    expect((await booking(morning)).cancelReason).toBe('Wasserschaden im Bürgeramt');
    expect((await booking(english)).cancelReason).toBe('Water damage at the office');
    for (const id of [nextNight, nextDay, otherOffice]) {
      expect((await booking(id)).status, `booking ${id}`).toBe('booked');
      expect(await mailsFor(id)).toHaveLength(0);
    }
    expect((await booking(hold)).status).toBe('expired');
    const audit = await getDb().select().from(auditLog).where(sql`${auditLog.action} in ('closure-created', 'booking-cancelled')`);
    expect(audit.filter((a) => a.action === 'booking-cancelled').map((a) => Number(a.entityId)).sort((a, b) => a - b)).toEqual([morning, english, lateEvening].sort((a, b) => a - b));
    expect(audit.filter((a) => a.action === 'closure-created')).toHaveLength(1);
  });

  it('asks again when the stranded bookings changed since they were shown', async () => {
    await asAdmin();
    const day = openWednesday(2);
    const first = await book(at(day, '09:00'));
    const preview = (await addClosureAction(initialClosureState, closureForm(day.toISODate()!))) as Extract<ClosureFormState, { affected: unknown }>;
    const second = await book(at(day, '09:40'));
    const again = (await addClosureAction(preview, closureForm(day.toISODate()!, { confirm: String(first) }))) as Extract<ClosureFormState, { affected: unknown }>;
    expect(again).toMatchObject({ ok: false, changed: true });
    expect(again.affected.map((b) => b.id)).toEqual([first, second]);
    expect((await booking(first)).status).toBe('booked');
    expect(await getDb().select().from(closures).where(eq(closures.startsOn, day.toISODate()!))).toHaveLength(0);
  });

  it('rolls everything back when one step fails: no closure, no cancellation, no mail', async () => {
    const admin = await asAdmin();
    const day = openWednesday(3);
    const first = await book(at(day, '09:00'));
    const second = await book(at(day, '09:00'), { counter: 1 });
    // The outbox refuses the second mail, as a failing write half-way through would.
    await getDb().execute(sql.raw(`
      create function refuse_mail() returns trigger language plpgsql as $$
      begin if new.payload->>'bookingId' = '${second}' then raise exception 'outbox refused'; end if; return new; end $$;
      create trigger refuse_mail before insert on outbox for each row execute function refuse_mail();`));
    try {
      const input = { locationId: office.id, startsOn: day.toISODate()!, endsOn: day.toISODate()!, reason: { de: 'Stromausfall', en: 'Power cut' } };
      await expect(addClosure({ actor: admin, input, confirmedBookingIds: [first, second] })).rejects.toThrow();
      expect(await getDb().select().from(closures).where(eq(closures.startsOn, day.toISODate()!))).toHaveLength(0);
      expect((await booking(first)).status).toBe('booked');
      expect(await mailsFor(first)).toHaveLength(0);
    } finally {
      await getDb().execute(sql`drop trigger refuse_mail on outbox; drop function refuse_mail();`);
    }
  });

  it('closes without asking when nothing is booked, and refuses dates in the past or in the wrong order', async () => {
    await asAdmin();
    const day = openWednesday(0).plus({ days: 2 }).toISODate()!;
    expect(await addClosureAction(initialClosureState, closureForm(day))).toEqual({ ok: true, data: { cancelled: 0 } });
    const past = await addClosureAction(initialClosureState, closureForm('2020-01-01'));
    expect(past).toMatchObject({ ok: false, fieldErrors: { startsOn: [expect.stringContaining('Vergangenheit')] } });
    const reversed = await addClosureAction(initialClosureState, form({ locale: 'en', location: 'all', startsOn: day, endsOn: '2020-01-01', reasonDe: 'abc', reasonEn: 'abc' }));
    expect(reversed).toMatchObject({ ok: false, fieldErrors: { endsOn: ['The last day must not be before the first.'] }, values: { reasonDe: 'abc' } });
  });
});

describe('opening hours and counters', () => {
  it('rejects a window that overlaps another of that weekday or opens more counters than are active', async () => {
    const admin = await asAdmin();
    // The seeded office: Monday 08:00–12:30 and 13:30–15:30, three active counters.
    const overlap = await addOpeningWindow({ actor: admin, input: { locationId: office.id, weekday: 1, opensAt: '12:00', closesAt: '14:00', countersOpen: 1 } });
    expect(overlap).toEqual({ ok: false, problems: { opensAt: { key: 'windowOverlap', values: { from: '08:00', to: '12:30' } } } });
    const tooMany = await addOpeningWindow({ actor: admin, input: { locationId: office.id, weekday: 6, opensAt: '09:00', closesAt: '12:00', countersOpen: 4 } });
    expect(tooMany).toEqual({ ok: false, problems: { countersOpen: { key: 'countersOverLimit', values: { max: 3 } } } });

    const viaForm = await addOpeningWindowAction(initialActionState, form({ locale: 'de', locationId: office.id, weekday: 1, opensAt: '15:00', closesAt: '16:00', countersOpen: 5 }));
    expect(viaForm).toMatchObject({
      ok: false,
      fieldErrors: { opensAt: ['Überschneidet sich mit dem Zeitfenster 13:30–15:30 an diesem Wochentag.'], countersOpen: ['Dieser Standort hat nur 3 aktive Schalter.'] },
      values: { opensAt: '15:00', countersOpen: '5' },
    });
    const reversed = await addOpeningWindowAction(initialActionState, form({ locale: 'en', locationId: office.id, weekday: 6, opensAt: '12:00', closesAt: '09:00', countersOpen: 1 }));
    expect(reversed).toMatchObject({ ok: false, fieldErrors: { closesAt: ['The closing time must be after the opening time.'] } });
    expect(await getDb().select().from(openingHours).where(and(eq(openingHours.locationId, office.id), eq(openingHours.weekday, 6)))).toHaveLength(0);
  });

  it('adds a window that only touches its neighbour, audited in the same transaction', async () => {
    await asAdmin();
    expect(await addOpeningWindowAction(initialActionState, form({ locale: 'de', locationId: office.id, weekday: 1, opensAt: '15:30', closesAt: '17:00', countersOpen: 2 }))).toEqual({ ok: true });
    const [row] = await getDb().select().from(openingHours).where(and(eq(openingHours.locationId, office.id), eq(openingHours.weekday, 1), eq(openingHours.opensAt, '15:30:00')));
    expect(row).toMatchObject({ closesAt: '17:00:00', countersOpen: 2 });
    const [audit] = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'opening-hours-added'), eq(auditLog.entityId, String(row!.id))));
    expect(audit).toBeDefined();
  });
});

describe('staff accounts', () => {
  it('creates an account with a hashed password and refuses a taken address and short passwords', async () => {
    await asAdmin();
    const created = await createStaffAccountAction(initialActionState, form({ locale: 'de', email: 'Neu@Musterstadt.example', name: 'Neue Kollegin', role: 'clerk', location: String(office.id), password: 'lang-genug-2026!' }));
    expect(created).toEqual({ ok: true });
    const [row] = await getDb().select().from(staffUsers).where(eq(staffUsers.email, 'neu@musterstadt.example'));
    expect(row).toMatchObject({ role: 'clerk', locationId: office.id, active: true });
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifySecret(row!.passwordHash, 'lang-genug-2026!')).toBe(true);

    const taken = await createStaffAccountAction(initialActionState, form({ locale: 'de', email: 'neu@musterstadt.example', name: 'Doppelt', role: 'admin', password: 'lang-genug-2026!' }));
    expect(taken).toMatchObject({ ok: false, fieldErrors: { email: [expect.stringContaining('schon ein Konto')] } });
    expect((taken as { values: Record<string, string> }).values).not.toHaveProperty('password');
    const short = await createStaffAccountAction(initialActionState, form({ locale: 'en', email: 'short@musterstadt.example', name: 'Short', role: 'clerk', password: 'short' }));
    expect(short).toMatchObject({ ok: false, fieldErrors: { password: [expect.stringContaining('12 characters')], location: [expect.stringContaining('clerk')] } });
  });

  it('does not let an admin deactivate themself, but another account, whose sessions end', async () => {
    const admin = await asAdmin();
    expect(await setStaffAccountActiveAction(initialActionState, form({ locale: 'de', staffId: admin.id, active: 'false' }))).toMatchObject({ ok: false, formError: expect.stringContaining('eigenes Konto') });
    const clerk = await asClerk();
    await asAdmin();
    expect(await setStaffAccountActiveAction(initialActionState, form({ locale: 'de', staffId: clerk.id, active: 'false' }))).toEqual({ ok: true });
    const { rows } = await getDb().execute(sql`select count(*)::int as n from staff_sessions where user_id = ${clerk.id}`);
    expect(rows[0]).toEqual({ n: 0 });
    expect(await setStaffAccountActiveAction(initialActionState, form({ locale: 'de', staffId: clerk.id, active: 'true' }))).toEqual({ ok: true });
    expect(await resetStaffPasswordAction(initialActionState, form({ locale: 'de', staffId: clerk.id, password: 'ein-neues-passwort-1' }))).toEqual({ ok: true });
    const [row] = await getDb().select().from(staffUsers).where(eq(staffUsers.id, clerk.id));
    expect(await verifySecret(row!.passwordHash, 'ein-neues-passwort-1')).toBe(true);
  });
});

describe('services and their documents', () => {
  /** A service form as the page sends it: offered at the main office only, with these documents ticked in this order. */
  const serviceForm = (serviceId: number | 'new', { active = true, documentIds = [] as number[], nameDe = 'Gewerbeanmeldung', nameEn = 'Business registration' } = {}) =>
    form({
      locale: 'de',
      serviceId,
      ...(active ? { active: 'on' } : {}),
      nameDe,
      nameEn,
      descriptionDe: 'Ein Gewerbe anmelden.',
      descriptionEn: 'Register a business.',
      [`offered-${office.id}`]: 'on',
      [`minutes-${office.id}`]: 25,
      [`maxCount-${office.id}`]: 2,
      ...Object.fromEntries(documentIds.map((id) => [`document-${id}`, 'on'])),
    });
  const bookable = async (serviceId: number) => (await loadLocationForBooking({ slug: 'buergeramt-mitte' }))!.services.find((s) => s.id === serviceId);
  const documentsOf = async (serviceId: number) => (await listDocumentsForServices({ serviceIds: [serviceId] })).map((d) => d.id);

  it('creates a service that the booking flow offers with its documents, and keeps their order when more are ticked', async () => {
    await asAdmin();
    const [first, second, third] = await getDb().select().from(documents).orderBy(documents.id);
    expect(await updateServiceAction(initialActionState, serviceForm('new', { documentIds: [third!.id, first!.id] }))).toEqual({ ok: true });
    const [row] = await getDb().select().from(services).where(eq(services.slug, 'gewerbeanmeldung'));
    expect(row).toMatchObject({ active: true, name: { de: 'Gewerbeanmeldung', en: 'Business registration' } });
    expect(await bookable(row!.id)).toMatchObject({ slug: 'gewerbeanmeldung', minutesPerUnit: 25, maxCount: 2, documentIds: [third!.id, first!.id] });
    expect(await documentsOf(row!.id)).toEqual([third!.id, first!.id]);
    expect(await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'service-created'), eq(auditLog.entityId, String(row!.id))))).toHaveLength(1);

    // The form lists the ticked ones in any order: the stored order stays, a newly ticked one goes to the end.
    expect(await updateServiceAction(initialActionState, serviceForm(row!.id, { documentIds: [second!.id, first!.id, third!.id] }))).toEqual({ ok: true });
    expect(await documentsOf(row!.id)).toEqual([third!.id, first!.id, second!.id]);
    expect(await updateServiceAction(initialActionState, serviceForm(row!.id, { documentIds: [first!.id, second!.id] }))).toEqual({ ok: true });
    expect(await documentsOf(row!.id)).toEqual([first!.id, second!.id]);
  });

  it('stores the fee an office enters for a service, in both languages, and none when left empty', async () => {
    await asAdmin();
    const withFee = form({ ...Object.fromEntries(serviceForm('new', { nameDe: 'Wohngeld', nameEn: 'Housing benefit' }).entries()), feeDe: '12,00 €', feeEn: '' });
    expect(await updateServiceAction(initialActionState, withFee)).toEqual({ ok: true });
    const [row] = await getDb().select().from(services).where(eq(services.slug, 'wohngeld'));
    // One language alone stands for both.
    expect(row!.fee).toEqual({ de: '12,00 €', en: '12,00 €' });
    const cleared = form({ ...Object.fromEntries(serviceForm(row!.id, { nameDe: 'Wohngeld', nameEn: 'Housing benefit' }).entries()), feeDe: ' ', feeEn: '' });
    expect(await updateServiceAction(initialActionState, cleared)).toEqual({ ok: true });
    expect((await getDb().select().from(services).where(eq(services.id, row!.id)))[0]!.fee).toBeNull();
  });

  it('does not offer a service that is not bookable, and offers it again once ticked', async () => {
    await asAdmin();
    expect(await updateServiceAction(initialActionState, serviceForm('new', { active: false, nameDe: 'Hundesteuer', nameEn: 'Dog tax' }))).toEqual({ ok: true });
    const [row] = await getDb().select().from(services).where(eq(services.slug, 'hundesteuer'));
    expect(row!.active).toBe(false);
    expect(await bookable(row!.id)).toBeUndefined();
    expect(await updateServiceAction(initialActionState, serviceForm(row!.id, { nameDe: 'Hundesteuer', nameEn: 'Dog tax' }))).toEqual({ ok: true });
    expect(await bookable(row!.id)).toMatchObject({ slug: 'hundesteuer' });
  });

  it('refuses a form link that is not https with the translated message, and saves nothing', async () => {
    await asAdmin();
    const before = await getDb().select().from(documents).orderBy(documents.id);
    for (const formUrl of ['http://musterstadt.example/antrag.pdf', 'javascript:alert(1)', 'https://']) {
      const created = await saveDocumentAction(initialActionState, form({ locale: 'de', documentId: 'new', nameDe: 'Vollmacht', nameEn: 'Power of attorney', hintDe: '', hintEn: '', formUrl }));
      expect(created, formUrl).toMatchObject({ ok: false, fieldErrors: { formUrl: [de.Admin.errors.formUrlInvalid] }, values: { formUrl, nameDe: 'Vollmacht' } });
      const edited = await saveDocumentAction(initialActionState, form({ locale: 'en', documentId: ids.documentId, nameDe: 'Vollmacht', nameEn: 'Power of attorney', hintDe: '', hintEn: '', formUrl }));
      expect(edited, formUrl).toMatchObject({ ok: false, fieldErrors: { formUrl: [en.Admin.errors.formUrlInvalid] } });
    }
    expect(await getDb().select().from(documents).orderBy(documents.id)).toEqual(before);
  });

  it('saves a document with a form link, an empty hint in both languages as none, and a hint that is too long not at all', async () => {
    await asAdmin();
    const fields = { locale: 'de', documentId: 'new', nameDe: 'Gewerbeanmeldung (Formular)', nameEn: 'Business registration form', hintDe: ' ', hintEn: '', formUrl: 'https://musterstadt.example/gewerbe.pdf' };
    expect(await saveDocumentAction(initialActionState, form(fields))).toEqual({ ok: true });
    const [row] = await getDb().select().from(documents).where(eq(documents.formUrl, 'https://musterstadt.example/gewerbe.pdf'));
    expect(row).toMatchObject({ name: { de: 'Gewerbeanmeldung (Formular)', en: 'Business registration form' }, hint: null });

    const edit = { ...fields, documentId: String(row!.id), hintDe: 'unterschrieben', hintEn: 'signed', formUrl: '' };
    expect(await saveDocumentAction(initialActionState, form(edit))).toEqual({ ok: true });
    const [edited] = await getDb().select().from(documents).where(eq(documents.id, row!.id));
    expect(edited).toMatchObject({ hint: { de: 'unterschrieben', en: 'signed' }, formUrl: null });
    expect(await saveDocumentAction(initialActionState, form({ ...edit, hintDe: 'x'.repeat(501) }))).toMatchObject({ ok: false, fieldErrors: { hintDe: [de.Admin.errors.hintLength] } });
    expect((await getDb().select().from(documents).where(eq(documents.id, row!.id)))[0]).toEqual(edited);
  });
});

describe('booking rules of an office', () => {
  const rules = (values: Record<string, string | number>) => form({ locale: 'de', locationId: office.id, bookingHorizonDays: 42, minLeadMinutes: 0, holdMinutes: 10, slotStepMinutes: 10, maxFutureBookingsPerEmail: 3, ...values });
  const settingsOf = async () => {
    const [row] = await getDb().select().from(locations).where(eq(locations.id, office.id));
    const { bookingHorizonDays, minLeadMinutes, holdMinutes, slotStepMinutes, maxFutureBookingsPerEmail, requireChallenge, challengeWork } = row!;
    return { bookingHorizonDays, minLeadMinutes, holdMinutes, slotStepMinutes, maxFutureBookingsPerEmail, requireChallenge, challengeWork };
  };

  it('switches the proof-of-work before holds on and off per office', async () => {
    await asAdmin();
    expect(await saveOfficeSettingsAction(initialActionState, rules({ requireChallenge: 'on' }))).toEqual({ ok: true });
    expect((await settingsOf()).requireChallenge).toBe(true);
    expect((await loadLocationForBooking({ slug: 'ortschaft-hochdorf' }))!.requireChallenge).toBe(false);
    expect(await saveOfficeSettingsAction(initialActionState, rules({}))).toEqual({ ok: true });
    expect((await settingsOf()).requireChallenge).toBe(false);
    // Its effort per office: a number in range, or empty for the installation's default.
    expect(await saveOfficeSettingsAction(initialActionState, rules({ requireChallenge: 'on', challengeWork: '800000' }))).toEqual({ ok: true });
    expect(await settingsOf()).toMatchObject({ requireChallenge: true, challengeWork: 800_000 });
    expect(await saveOfficeSettingsAction(initialActionState, rules({ challengeWork: '5' }))).toMatchObject({ ok: false, fieldErrors: { challengeWork: [expect.any(String)] } });
    expect(await saveOfficeSettingsAction(initialActionState, rules({ challengeWork: '' }))).toEqual({ ok: true });
    expect(await settingsOf()).toMatchObject({ requireChallenge: false, challengeWork: null });
  });

  it('a shorter horizon and a coarser grid change the times offered', async () => {
    const admin = await asAdmin();
    const original = await settingsOf();
    // Open and not closed by an earlier test; at least 21 days ahead, beyond the shorter horizon.
    const later = openWednesday(2).toISODate()!;
    const slotsOn = async (from: string, to: string) => findSlots({ location: (await loadLocationForBooking({ slug: 'buergeramt-mitte' }))!, durationMinutes: 20, from, to });
    expect(await slotsOn(later, later)).not.toHaveLength(0);
    try {
      expect(await saveOfficeSettingsAction(initialActionState, rules({ bookingHorizonDays: 10, slotStepMinutes: 30 }))).toEqual({ ok: true });
      expect(await settingsOf()).toMatchObject({ bookingHorizonDays: 10, slotStepMinutes: 30 });
      expect(await slotsOn(later, later)).toEqual([]);
      const location = (await loadLocationForBooking({ slug: 'buergeramt-mitte' }))!;
      const now = new Date();
      const soon = await slotsOn(localToday(location, now), later);
      expect(soon).not.toHaveLength(0);
      const last = horizonEnd(location, now);
      for (const slot of soon) {
        expect(localToday(location, slot.start) <= last, slot.start.toISOString()).toBe(true);
        expect(slot.start.getUTCMinutes() % 30, slot.start.toISOString()).toBe(0);
      }
      const [audit] = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'office-settings-changed'), eq(auditLog.entityId, String(office.id)))).orderBy(desc(auditLog.id));
      expect(audit!.details).toMatchObject({ bookingHorizonDays: { from: original.bookingHorizonDays, to: 10 } });
    } finally {
      await saveOfficeSettings({ actor: admin, locationId: office.id, settings: original });
    }
  });

  it('refuses bad numbers with a translated message beside each field, keeps what was typed and saves nothing', async () => {
    await asAdmin();
    const before = await settingsOf();
    const typed = { bookingHorizonDays: '0', minLeadMinutes: '', holdMinutes: 'abc', slotStepMinutes: '7.5', maxFutureBookingsPerEmail: '21' };
    expect(await saveOfficeSettingsAction(initialActionState, rules(typed))).toMatchObject({
      ok: false,
      fieldErrors: {
        bookingHorizonDays: [de.Admin.errors.horizonInvalid],
        // An emptied field is refused, not saved as no lead time at all.
        minLeadMinutes: [de.Admin.errors.leadInvalid],
        holdMinutes: [de.Admin.errors.holdInvalid],
        slotStepMinutes: [de.Admin.errors.stepInvalid],
        maxFutureBookingsPerEmail: [de.Admin.errors.perEmailInvalid],
      },
      values: typed,
    });
    const english = await saveOfficeSettingsAction(initialActionState, rules({ locale: 'en', bookingHorizonDays: 366 }));
    expect(english).toMatchObject({ ok: false, fieldErrors: { bookingHorizonDays: [en.Admin.errors.horizonInvalid] }, values: { bookingHorizonDays: '366' } });
    expect(Object.keys((english as { fieldErrors: object }).fieldErrors)).toEqual(['bookingHorizonDays']);
    expect(await saveOfficeSettingsAction(initialActionState, rules({ locationId: 999_999 }))).toMatchObject({ ok: false, formError: de.Admin.errors.locationUnknown });
    expect(await settingsOf()).toEqual(before);
  });
});

describe('staff roles', () => {
  const roleOf = async (id: number) => (await getDb().select({ role: staffUsers.role, locationId: staffUsers.locationId }).from(staffUsers).where(eq(staffUsers.id, id)))[0];

  it('makes a clerk an admin, effective on their next request, and a clerk again only with an office', async () => {
    const admin = await asAdmin();
    const email = `rolle-${Date.now()}@musterstadt.example`;
    const created = await createStaffAccount({ actor: admin, input: { email, name: 'Rita Rolle', role: 'clerk', locationId: office.id, password: 'ein-langes-passwort-1' } });
    const staffId = (created as { id: number }).id;

    expect(await changeStaffRoleAction(initialActionState, form({ locale: 'de', staffId, role: 'admin', location: String(office.id) }))).toEqual({ ok: true });
    expect(await roleOf(staffId)).toEqual({ role: 'admin', locationId: null });
    expect(await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'staff-role-changed'), eq(auditLog.entityId, String(staffId))))).toHaveLength(1);
    await signInAs(email);
    await expect(requireStaff({ role: 'admin' })).resolves.toMatchObject({ id: staffId, role: 'admin' });

    await asAdmin();
    const noOffice = await changeStaffRoleAction(initialActionState, form({ locale: 'de', staffId, role: 'clerk', location: '' }));
    expect(noOffice).toMatchObject({ ok: false, fieldErrors: { location: [de.Admin.errors.clerkNeedsLocation] }, values: { role: 'clerk' } });
    expect(await roleOf(staffId)).toEqual({ role: 'admin', locationId: null });
    expect(await changeStaffRoleAction(initialActionState, form({ locale: 'de', staffId, role: 'clerk', location: String(ids.branchId) }))).toEqual({ ok: true });
    expect(await roleOf(staffId)).toEqual({ role: 'clerk', locationId: ids.branchId });
    await signInAs(email);
    await expect(requireStaff({ role: 'admin' })).rejects.toSatisfy((e) => e instanceof StaffAccessError && e.reason === 'forbidden');
  });

  it('keeps one admin when two admins take each other’s rights at the same moment', async () => {
    const admin = await asAdmin();
    const email = `zweite-${Date.now()}@musterstadt.example`;
    const created = (await createStaffAccount({ actor: admin, input: { email, name: 'Zora Zweite', role: 'admin', locationId: null, password: 'ein-langes-passwort-2' } })) as { id: number };
    const second = await signInAs(email);
    // Every other admin account (from earlier tests) steps down first, so these two are the last.
    for (const { id } of await getDb().select({ id: staffUsers.id }).from(staffUsers).where(and(eq(staffUsers.role, 'admin'), eq(staffUsers.active, true)))) {
      if (id !== admin.id && id !== created.id) await changeStaffRole({ actor: admin, staffId: id, role: 'clerk', locationId: office.id });
    }
    const results = await Promise.all([
      changeStaffRole({ actor: admin, staffId: created.id, role: 'clerk', locationId: office.id }),
      setStaffAccountActive({ actor: second, staffId: admin.id, active: false }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const admins = await getDb().select().from(staffUsers).where(and(eq(staffUsers.role, 'admin'), eq(staffUsers.active, true)));
    expect(admins).toHaveLength(1);
    // Put the demo admin back for the tests after this one.
    await getDb().update(staffUsers).set({ active: true, role: 'admin', locationId: null }).where(eq(staffUsers.id, admin.id));
  });

  it('does not let an admin change their own role', async () => {
    const admin = await asAdmin();
    const before = await roleOf(admin.id);
    expect(await changeStaffRoleAction(initialActionState, form({ locale: 'de', staffId: admin.id, role: 'clerk', location: String(office.id) }))).toMatchObject({ ok: false, formError: de.Admin.errors.cannotDemoteSelf });
    expect(await changeStaffRole({ actor: admin, staffId: admin.id, role: 'admin', locationId: null })).toEqual({ ok: false, problems: { form: { key: 'cannotDemoteSelf' } } });
    expect(await roleOf(admin.id)).toEqual(before);
  });
});
