import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { removeOpeningWindowAction, setCounterActiveAction, setWindowCountersAction } from '@/app/[locale]/verwaltung/einstellungen/standorte/actions';
import { getDb } from '@/db/client';
import { loadLocationForBooking } from '@/db/queries/availability';
import { activeBookingStatuses, auditLog, bookings, counters, openingHours, outbox, staffUsers } from '@/db/schema';
import { DEMO_STAFF, seedDemoStaff } from '@/db/seed-staff';
import { findSlots } from '@/lib/booking/availability';
import { holdSlot } from '@/lib/booking/hold';
import { hashToken } from '@/lib/booking/secrets';
import { initialCapacityState, type CapacityFormState } from '@/lib/admin/form-state';
import { setCounterActive, setWindowCounters } from '@/lib/admin/locations';
import { requireStaff, startStaffSession, type StaffUser } from '@/lib/auth/staff-session';
import { staffedCounters } from '@/lib/slots';
import { testCookies } from '../support/next-headers';
import { at, choose, mainOffice, occupy, openWednesday } from '../support/office';

const form = (fields: Record<string, string | number>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, String(v));
  return data;
};

type Confirmation = Extract<CapacityFormState, { affected: unknown }>;

let office: Awaited<ReturnType<typeof mainOffice>>;
let originalHours: (typeof openingHours.$inferSelect)[];
let admin: StaffUser;
const c1 = () => office.counterIds[0]!;
const c2 = () => office.counterIds[1]!;
const c3 = () => office.counterIds[2]!;

beforeAll(async () => {
  office = await mainOffice();
  await seedDemoStaff(getDb());
  originalHours = await getDb().select().from(openingHours).where(eq(openingHours.locationId, office.id));
  const [user] = await getDb().select().from(staffUsers).where(eq(staffUsers.email, DEMO_STAFF[0].email));
  testCookies.clear();
  await startStaffSession(user!.id);
  admin = await requireStaff();
});

// Each test starts from the seeded staffing; bookings of earlier tests lie on other days.
afterEach(async () => {
  await getDb().delete(openingHours).where(eq(openingHours.locationId, office.id));
  await getDb().insert(openingHours).values(originalHours);
  await getDb().update(counters).set({ active: true }).where(eq(counters.locationId, office.id));
});

const booking = async (id: number) => (await getDb().select().from(bookings).where(eq(bookings.id, id)))[0]!;
const mailsFor = (bookingId: number) => getDb().select().from(outbox).where(sql`${outbox.payload}->>'bookingId' = ${String(bookingId)}`);

/** A 20-minute booking (or hold) on one counter, with contact details. */
async function book(start: Date, counterId: number, { locale = 'de', status = 'booked' as 'booked' | 'held' } = {}) {
  await occupy(office, counterId, start, new Date(start.getTime() + 20 * 60_000), status);
  const [row] = await getDb().select().from(bookings).where(and(eq(bookings.counterId, counterId), sql`lower(${bookings.during}) = ${start.toISOString()}::timestamptz`, inArray(bookings.status, [status])));
  await getDb().update(bookings).set({ email: `citizen-${row!.id}@example.org`, name: `Citizen ${row!.id}`, locale }).where(eq(bookings.id, row!.id));
  return row!.id;
}

const wednesdayMorning = async () => (await getDb().select().from(openingHours).where(and(eq(openingHours.locationId, office.id), eq(openingHours.weekday, 3))))[0]!;

/** The invariant the feature keeps: every future active booking sits on a counter that is staffed at its time. */
async function expectEveryBookingStaffed() {
  const location = (await loadLocationForBooking({ slug: 'buergeramt-mitte' }))!;
  const staffing = { timeZone: location.timeZone, windows: location.windows, counterIds: location.counterIds };
  const rows = await getDb()
    .select({ id: bookings.id, counterId: bookings.counterId, during: bookings.during, status: bookings.status })
    .from(bookings)
    .where(and(eq(bookings.locationId, office.id), inArray(bookings.status, [...activeBookingStatuses]), sql`lower(${bookings.during}) > now()`));
  for (const row of rows) expect(staffedCounters(staffing, row.during.start, row.during.end), `booking ${row.id}`).toContain(row.counterId);
}

describe('removing a window and deactivating a counter', () => {
  it('strands the bookings of a removed window until confirmed, then cancels them with a mail', async () => {
    const day = openWednesday(3);
    const id = await book(at(day, '09:30'), c1());
    const window = await wednesdayMorning();
    const preview = (await removeOpeningWindowAction(initialCapacityState, form({ locale: 'de', windowId: window.id }))) as Confirmation;
    expect(preview.affected.map((b) => b.id)).toEqual([id]);
    expect(await getDb().select().from(openingHours).where(eq(openingHours.id, window.id))).toHaveLength(1);
    expect(await removeOpeningWindowAction(preview, form({ locale: 'de', windowId: window.id, confirm: String(id) }))).toEqual({ ok: true, data: { moved: 0, cancelled: 1 } });
    expect(await getDb().select().from(openingHours).where(eq(openingHours.id, window.id))).toHaveLength(0);
    expect((await booking(id)).status).toBe('cancelled');
    expect(await mailsFor(id)).toHaveLength(1);
  });

  it('lowers windows to the counters left and moves the counter’s bookings where there is room', async () => {
    const day = openWednesday(0).plus({ days: 2 }); // a Friday, 08:00–12:30 with three counters
    const moves = await book(at(day, '09:00'), c1());
    const stays = await book(at(day, '09:00'), c2());
    const preview = await setCounterActiveAction(initialCapacityState, form({ locale: 'de', counterId: c1(), active: 'false' }));
    // c1 leaves; c2 and c3 are staffed now and c3 is free at 09:00.
    expect(preview).toEqual({ ok: true, data: { moved: 1, cancelled: 0 } });
    expect(await booking(moves)).toMatchObject({ status: 'booked', counterId: c3() });
    expect((await booking(stays)).counterId).toBe(c2());
    const windows = await getDb().select().from(openingHours).where(eq(openingHours.locationId, office.id));
    expect(Math.max(...windows.map((w) => w.countersOpen))).toBe(2);
    await expectEveryBookingStaffed();
  });

  it('moves bookings past holds that ran out but were never marked, and back when a counter returns', async () => {
    const day = openWednesday(0).plus({ days: 9 }); // a Friday two weeks on, 08:00–12:30 with three counters
    const onFirst = await book(at(day, '10:00'), c1());
    // A citizen abandoned a hold on c3 at that time; it ran out, nobody has marked it yet.
    await occupy(office, c3(), at(day, '10:00'), at(day, '10:20'), 'held', new Date(Date.now() - 60_000));
    await book(at(day, '10:00'), c2());
    const off = await setCounterActive({ actor: admin, counterId: c1(), active: false });
    expect(off).toEqual({ ok: true, movedBookingIds: [onFirst], cancelledBookingIds: [] });
    expect((await booking(onFirst)).counterId).toBe(c3());
    await expectEveryBookingStaffed();

    // Windows stay at two counters; c1, first in order again, pushes c3 out of them.
    const on = await setCounterActive({ actor: admin, counterId: c1(), active: true });
    expect(on).toEqual({ ok: true, movedBookingIds: expect.arrayContaining([onFirst]), cancelledBookingIds: [] });
    expect((await booking(onFirst)).counterId).toBe(c1());
    await expectEveryBookingStaffed();
  });

  it('does not deactivate the last active counter of an office with opening hours', async () => {
    // Earlier tests left bookings on these counters: confirm whatever they strand.
    const confirmed = async (counterId: number) => {
      const first = await setCounterActive({ actor: admin, counterId, active: false });
      return first.ok || !first.needsConfirmation ? first : setCounterActive({ actor: admin, counterId, active: false, confirmedBookingIds: first.affected.map((b) => b.id) });
    };
    expect((await confirmed(c1())).ok).toBe(true);
    expect((await confirmed(c2())).ok).toBe(true);
    const last = await setCounterActiveAction(initialCapacityState, form({ locale: 'en', counterId: c3(), active: 'false' }));
    expect(last).toMatchObject({ ok: false, formError: expect.stringContaining('is the last active counter') });
    expect((await getDb().select().from(counters).where(eq(counters.id, c3())))[0]!.active).toBe(true);
  });
});

describe('fewer counters in a window', () => {
  it('moves bookings to a counter that stays open, lists the ones no counter can take, and changes nothing until confirmed', async () => {
    const day = openWednesday(0);
    const movable = await book(at(day, '09:00'), c3());
    await book(at(day, '10:00'), c1());
    await book(at(day, '10:00'), c2());
    const stranded = await book(at(day, '10:00'), c3(), { locale: 'en' });
    await book(at(day, '11:00'), c1());
    await book(at(day, '11:00'), c2());
    const strandedHold = await book(at(day, '11:00'), c3(), { status: 'held' });
    const window = await wednesdayMorning();
    const [{ lastAudit }] = await getDb().select({ lastAudit: sql<number>`coalesce(max(${auditLog.id}), 0)` }).from(auditLog) as [{ lastAudit: number }];

    const preview = (await setWindowCountersAction(initialCapacityState, form({ locale: 'de', windowId: window.id, countersOpen: 2 }))) as Confirmation;
    expect(preview).toMatchObject({ ok: false, changed: false, values: { countersOpen: '2' } });
    expect(preview.affected.map((b) => b.id)).toEqual([stranded]);
    expect((await wednesdayMorning()).countersOpen).toBe(3);
    expect((await booking(movable)).counterId).toBe(c3());
    expect((await booking(strandedHold)).status).toBe('held');

    const done = await setWindowCountersAction(preview, form({ locale: 'de', windowId: window.id, countersOpen: 2, confirm: String(stranded) }));
    expect(done).toEqual({ ok: true, data: { moved: 1, cancelled: 1 } });
    expect((await wednesdayMorning()).countersOpen).toBe(2);
    expect(await booking(movable)).toMatchObject({ status: 'booked', counterId: c1() });
    expect(await mailsFor(movable)).toHaveLength(0);
    const cancelled = await booking(stranded);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.cancelReason).toMatch(/change in counter staffing/);
    expect(await mailsFor(stranded)).toEqual([expect.objectContaining({ kind: 'booking-cancelled', payload: { bookingId: stranded, reason: cancelled.cancelReason } })]);
    expect((await booking(strandedHold)).status).toBe('expired');

    const audit = await getDb().select().from(auditLog).where(sql`${auditLog.id} > ${lastAudit}`);
    expect(audit.map((a) => [a.action, a.entityId]).sort()).toEqual(
      [
        ['booking-cancelled', String(stranded)],
        ['booking-counter-changed', String(movable)],
        ['opening-hours-changed', String(window.id)],
      ].sort(),
    );
    await expectEveryBookingStaffed();

    // What citizens see follows at once: the 10:00 that had three counters now offers none free.
    const location = (await loadLocationForBooking({ slug: 'buergeramt-mitte' }))!;
    const slots = await findSlots({ location, durationMinutes: 20, from: day.toISODate()!, to: day.toISODate()! });
    expect(slots.find((s) => s.start.getTime() === at(day, '10:00').getTime())).toBeUndefined();
    expect(slots.every((s) => s.freeCounterIds.every((id) => id !== c3()))).toBe(true);
  });

  it('re-packs before it strands: A (08:00–08:20), B (08:20–08:40) and C (08:00–08:40) fit two counters without a cancellation', async () => {
    const day = openWednesday(3);
    const a = await book(at(day, '08:00'), c1());
    const b = await book(at(day, '08:20'), c2());
    const c = await occupy(office, c3(), at(day, '08:00'), at(day, '08:40')).then(async () => (await getDb().select().from(bookings).where(and(eq(bookings.counterId, c3()), sql`lower(${bookings.during}) = ${at(day, '08:00').toISOString()}::timestamptz`)))[0]!.id);
    const window = await wednesdayMorning();
    const done = await setWindowCountersAction(initialCapacityState, form({ locale: 'de', windowId: window.id, countersOpen: 2 }));
    expect(done).toEqual({ ok: true, data: { moved: 2, cancelled: 0 } });
    expect((await booking(a)).counterId).toBe((await booking(b)).counterId);
    expect([(await booking(a)).status, (await booking(b)).status, (await booking(c)).status]).toEqual(['booked', 'booked', 'booked']);
    await expectEveryBookingStaffed();
  });

  it('asks again when the stranded bookings changed since they were shown, and refuses more counters than exist', async () => {
    const day = openWednesday(1);
    await book(at(day, '09:00'), c1());
    const second = await book(at(day, '09:00'), c2());
    const first = await book(at(day, '09:00'), c3());
    const window = await wednesdayMorning();
    const preview = (await setWindowCountersAction(initialCapacityState, form({ locale: 'de', windowId: window.id, countersOpen: 1 }))) as Confirmation;
    expect(preview.affected.map((b) => b.id)).toEqual(expect.arrayContaining([first, second]));
    await book(at(day, '12:00'), c1());
    const late = await book(at(day, '12:00'), c2());
    const again = (await setWindowCountersAction(preview, form({ locale: 'de', windowId: window.id, countersOpen: 1, confirm: preview.affected.map((b) => b.id).join(',') }))) as Confirmation;
    expect(again).toMatchObject({ ok: false, changed: true });
    expect(again.affected.map((b) => b.id)).toContain(late);
    expect((await booking(first)).status).toBe('booked');
    expect((await wednesdayMorning()).countersOpen).toBe(3);

    const tooMany = await setWindowCountersAction(initialCapacityState, form({ locale: 'en', windowId: window.id, countersOpen: 4 }));
    expect(tooMany).toMatchObject({ ok: false, fieldErrors: { countersOpen: ['This office has only 3 active counters.'] }, values: { countersOpen: '4' } });
  });

  it('never lets a citizen hold a counter that an admin closes at the same moment', async () => {
    const day = openWednesday(2);
    await book(at(day, '09:00'), c1());
    await book(at(day, '09:00'), c2());
    const window = await wednesdayMorning();
    // Whichever commits first, the other sees it: a hold that lands first is ended by the change (holds
    // need no confirmation), a change that lands first leaves the hold without a staffed counter.
    for (let round = 0; round < 5; round++) {
      // Earlier tests left bookings that the change strands: confirm those up front.
      const preview = await setWindowCounters({ actor: admin, windowId: window.id, countersOpen: 2 });
      const confirmedBookingIds = !preview.ok && preview.needsConfirmation ? preview.affected.map((b) => b.id) : undefined;
      if (preview.ok) await getDb().update(openingHours).set({ countersOpen: 3 }).where(eq(openingHours.id, window.id));
      const [change, hold] = await Promise.all([
        setWindowCounters({ actor: admin, windowId: window.id, countersOpen: 2, confirmedBookingIds }),
        holdSlot({ location: office, services: choose(office, { beglaubigung: 1 }), start: at(day, '09:00'), tokenHash: hashToken(`race-${round}`), locale: 'de' }),
      ]);
      const [held] = await getDb().select().from(bookings).where(eq(bookings.holdTokenHash, hashToken(`race-${round}`)));
      expect(change.ok, `round ${round}`).toBe(true);
      if (hold.ok) expect(held?.status, `round ${round}`).toBe('expired');
      await expectEveryBookingStaffed();
      await getDb().update(bookings).set({ status: 'expired' }).where(eq(bookings.holdTokenHash, hashToken(`race-${round}`)));
      await getDb().update(openingHours).set({ countersOpen: 3 }).where(eq(openingHours.id, window.id));
    }
  });
});
