import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { updateServiceAction } from '@/app/[locale]/verwaltung/einstellungen/leistungen/actions';
import { createStaffAccountAction, resetStaffPasswordAction, setStaffAccountActiveAction } from '@/app/[locale]/verwaltung/einstellungen/konten/actions';
import { addClosureAction, deleteClosureAction } from '@/app/[locale]/verwaltung/einstellungen/schliesstage/actions';
import { addCounterAction, addOpeningWindowAction, removeOpeningWindowAction, renameCounterAction, setCounterActiveAction, setWindowCountersAction } from '@/app/[locale]/verwaltung/einstellungen/standorte/actions';
import { getDb } from '@/db/client';
import { auditLog, bookings, closures, counters, locations, openingHours, outbox, services, staffUsers } from '@/db/schema';
import { DEMO_STAFF, seedDemoStaff } from '@/db/seed-staff';
import { initialActionState } from '@/lib/action-state';
import { recentAuditEntries } from '@/lib/admin/audit';
import { addClosure, listClosures, removeClosure } from '@/lib/admin/closures';
import { initialClosureState, type ClosureFormState } from '@/lib/admin/form-state';
import { addCounter, addOpeningWindow, listLocationsForAdmin, removeOpeningWindow, renameCounter, setCounterActive, setWindowCounters } from '@/lib/admin/locations';
import { listServicesForAdmin, updateService } from '@/lib/admin/services';
import { createStaffAccount, listStaffAccountsForAdmin, resetStaffPassword, setStaffAccountActive } from '@/lib/admin/staff-accounts';
import { verifySecret } from '@/lib/auth/password';
import { requireStaff, startStaffSession, StaffAccessError, type StaffUser } from '@/lib/auth/staff-session';
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
      (select coalesce(json_agg(json_build_object('id', u.id, 'active', u.active, 'hash', u.password_hash) order by u.id), '[]') from staff_users u) as staff,
      (select coalesce(json_agg(json_build_object('id', b.id, 'status', b.status) order by b.id), '[]') from bookings b) as bookings,
      (select count(*) from outbox) as mails,
      (select count(*) from audit_log where action not in ('sign-in', 'sign-in-failed')) as audit`);
  return rows[0];
}

let office: Awaited<ReturnType<typeof mainOffice>>;
let ids: { closureId: number; windowId: number; counterId: number; serviceId: number; staffId: number; branchId: number };

beforeAll(async () => {
  office = await mainOffice();
  await seedDemoStaff(getDb());
  const [closure] = await getDb().select().from(closures).limit(1);
  const [window] = await getDb().select().from(openingHours).where(eq(openingHours.locationId, office.id)).limit(1);
  const [service] = await getDb().select().from(services).limit(1);
  const [clerk] = await getDb().select().from(staffUsers).where(eq(staffUsers.email, DEMO_STAFF[1].email));
  const [branch] = await getDb().select().from(locations).where(eq(locations.slug, 'ortschaft-hochdorf'));
  ids = { closureId: closure!.id, windowId: window!.id, counterId: office.counterIds[0]!, serviceId: service!.id, staffId: clerk!.id, branchId: branch!.id };
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
    ['listStaffAccountsForAdmin', () => listStaffAccountsForAdmin({ actor })],
    ['createStaffAccount', () => createStaffAccount({ actor, input: { email: 'intruder@musterstadt.example', name: 'Intruder', role: 'admin', locationId: null, password: 'a-long-password-123' } })],
    ['setStaffAccountActive', () => setStaffAccountActive({ actor, staffId: ids.staffId, active: false })],
    ['resetStaffPassword', () => resetStaffPassword({ actor, staffId: ids.staffId, password: 'a-long-password-123' })],
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
