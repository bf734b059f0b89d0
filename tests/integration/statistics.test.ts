import { eq, inArray, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { readSheet } from 'read-excel-file/node';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as exportStatistics } from '@/app/api/statistik/route';
import { getDb } from '@/db/client';
import { loadStatisticsFacts } from '@/db/queries/statistics';
import { appointmentRequests, bookings, locations, staffUsers } from '@/db/schema';
import { seedDemoStaff } from '@/db/seed-staff';
import { requireStaff, startStaffSession, StaffAccessError } from '@/lib/auth/staff-session';
import { cancelBooking } from '@/lib/booking/cancel';
import { startErasureJob } from '@/lib/privacy/erasure-job';
import { changeBookingStatus, cancelBookingForCitizen } from '@/lib/staff/booking-actions';
import { statisticsFor } from '@/lib/statistics/load';
import { rollUpStatistics } from '@/lib/statistics/rollup';
import { statisticsTables } from '@/lib/statistics/tables';
import { book, verified } from '../support/booked';
import { testCookies } from '../support/next-headers';
import { mainOffice, openWednesday } from '../support/office';

vi.mock('next-intl/server', () => import('../support/next-intl-server'));

async function signInAs(email: string) {
  testCookies.clear();
  const [user] = await getDb().select().from(staffUsers).where(eq(staffUsers.email, email));
  await startStaffSession(user!.id);
  return requireStaff();
}

// The tables with their keys as text: what the page shows and the export writes.
const t = (key: string, values?: Record<string, string | number>) => (values ? `${key} ${JSON.stringify(values)}` : key);
async function report(day: string) {
  const { report } = await statisticsFor({ query: { office: 'buergeramt-mitte', kind: 'day', date: day } });
  return { figures: report!.current, tables: statisticsTables(report!, { t, locale: 'de' }) };
}

/**
 * Moves the office's whole history back by whole weeks (same weekday and wall-clock times), as if the
 * clock had moved on: the appointments' day lies `8…14` days in the past afterwards.
 */
async function moveHistoryBack(weeks: number) {
  const back = sql.raw(`interval '${weeks * 7} days'`);
  const local = (column: string) => sql.raw(`((${column} at time zone 'Europe/Berlin') - interval '${weeks * 7} days') at time zone 'Europe/Berlin'`);
  await getDb().execute(sql`update bookings set
    during = tstzrange(${local('lower(during)')}, ${local('upper(during)')}),
    created_at = created_at - ${back}, confirmed_at = confirmed_at - ${back}, cancelled_at = cancelled_at - ${back},
    checked_in_at = checked_in_at - ${back}, done_at = done_at - ${back}`);
  await getDb().execute(sql`update appointment_requests set created_at = created_at - ${back}, answered_at = answered_at - ${back}`);
}

describe('office statistics', () => {
  beforeEach(async () => {
    await mainOffice();
    await seedDemoStaff(getDb());
  });

  it('survive the erasure of personal data: book, use, no-show, cancel, erase, and the figures stay', async () => {
    const admin = await signInAs('admin@musterstadt.example');
    const day = openWednesday(0);
    const used = await book({ day, hhmm: '08:00', services: { personalausweis: 1 } });
    const visited = await book({ day, hhmm: '08:30', services: { reisepass: 1, beglaubigung: 2 } });
    const absent = await book({ day, hhmm: '09:00', services: { meldebescheinigung: 1 } });
    const byCitizen = await book({ day, hhmm: '09:30', services: { beglaubigung: 1 } });
    const byStaff = await book({ day, hhmm: '10:00', services: { beglaubigung: 1 } });
    await getDb().update(bookings).set({ source: 'staff' }).where(eq(bookings.id, byStaff.id));
    // Marked done without a recorded arrival (as before the desk rules asked for one): used, but no time at the desk.
    await getDb().update(bookings).set({ status: 'done' }).where(eq(bookings.id, used.id));
    const onDay = (hour: number, minute: number) => day.set({ hour, minute }).toJSDate();
    expect(await changeBookingStatus({ actor: admin, bookingId: visited.id, status: 'checked_in', now: onDay(8, 25) })).toEqual({ ok: true });
    expect(await changeBookingStatus({ actor: admin, bookingId: visited.id, status: 'done', now: onDay(8, 40) })).toEqual({ ok: true });
    // Twelve minutes at the desk.
    await getDb().update(bookings).set({ doneAt: sql`checked_in_at + interval '12 minutes'` }).where(eq(bookings.id, visited.id));
    expect(await changeBookingStatus({ actor: admin, bookingId: absent.id, status: 'no_show', now: onDay(9, 20) })).toEqual({ ok: true });
    expect(await cancelBooking({ code: byCitizen.code, grant: await verified(byCitizen.code, byCitizen.pin) })).toMatchObject({ status: 'cancelled' });
    expect(await cancelBookingForCitizen({ actor: admin, bookingId: byStaff.id, reason: 'Erkrankung' })).toEqual({ ok: true });

    const weeksAhead = Math.ceil((day.diff(DateTime.now().setZone('Europe/Berlin').startOf('day'), 'days').days + 8) / 7);
    await moveHistoryBack(weeksAhead);
    const pastDay = day.minus({ weeks: weeksAhead }).toISODate()!;

    // One round of the erasure job, as it runs every quarter hour: statistics first, then the erasure.
    const stop = startErasureJob({ intervalMs: 3_600_000 });
    try {
      await expect.poll(async () => (await getDb().select().from(bookings).where(sql`personal_data_erased_at is null`)).length, { timeout: 20_000, interval: 500 }).toBe(0);
    } finally {
      stop();
    }
    const ids = [used.id, visited.id, absent.id, byCitizen.id, byStaff.id];
    expect(await getDb().select({ name: bookings.name }).from(bookings).where(inArray(bookings.id, ids))).toEqual(ids.map(() => ({ name: null })));

    const before = await report(pastDay);
    expect(before.figures).toMatchObject({
      booked: 5,
      byChannel: { online: 4, staff: 1, request: 0 },
      byOutcome: { used: 2, no_show: 1, open: 0, cancelled_citizen: 1, cancelled_staff: 1, cancelled_closure: 0 },
      // 30 + (30 + 2 × 10) + 10 minutes of appointments that were not cancelled (demo minutes per service).
      visits: 1,
      visitMinutes: 12,
    });
    const services = before.tables.find((x) => x.id === 'services')!.rows;
    expect(services.map((r) => [r[1], r[2]])).toContainEqual([3, 4]); // Beglaubigung: three appointments, four units

    // Whatever erasure does next (here: the bookings go altogether), and whenever the job runs again, the day's figures stay.
    await getDb().delete(bookings).where(inArray(bookings.id, ids));
    await rollUpStatistics({ eraseAfterDays: 7 });
    await rollUpStatistics({ eraseAfterDays: 7, now: DateTime.now().plus({ days: 30 }).toJSDate() });
    expect(await report(pastDay)).toEqual(before);
  });

  it('rolls a day up again while it may still change, and not once its personal data is erased', async () => {
    const admin = await signInAs('admin@musterstadt.example');
    const day = openWednesday(1);
    const late = await book({ day, hhmm: '11:00' });
    const after = day.plus({ days: 1 }).set({ hour: 12 }).toJSDate();
    await rollUpStatistics({ eraseAfterDays: 7, now: after });
    const facts = () => loadStatisticsFacts({ viewer: admin, locationId: late.office.id, from: day.toISODate()!, to: day.toISODate()! });
    expect((await facts()).appointments).toMatchObject([{ outcome: 'open', appointments: 1 }]);
    // The clerk records the no-show the next morning: the day is rolled up again.
    expect(await changeBookingStatus({ actor: admin, bookingId: late.id, status: 'no_show', now: after })).toEqual({ ok: true });
    await rollUpStatistics({ eraseAfterDays: 7, now: after });
    expect((await facts()).appointments).toMatchObject([{ outcome: 'no_show', appointments: 1 }]);
    // Once erased, a later status change (or deletion) no longer alters the day.
    await getDb().update(bookings).set({ personalDataErasedAt: new Date(), status: 'done' }).where(eq(bookings.id, late.id));
    await rollUpStatistics({ eraseAfterDays: 7, now: after });
    expect((await facts()).appointments).toMatchObject([{ outcome: 'no_show', appointments: 1 }]);
  });

  it('counts requests, their answers and the time to answer', async () => {
    const admin = await signInAs('admin@musterstadt.example');
    const [branch] = await getDb().select().from(locations).where(eq(locations.slug, 'ortschaft-hochdorf'));
    const created = DateTime.fromISO('2026-03-04T09:00', { zone: 'Europe/Berlin' });
    const request = (code: string, status: 'open' | 'declined' | 'withdrawn', answeredHours?: number) => ({
      code, pinHash: 'x', locationId: branch!.id, status, preferences: [], createdAt: created.toJSDate(),
      answeredAt: answeredHours === undefined ? null : created.plus({ hours: answeredHours }).toJSDate(),
    });
    await getDb().insert(appointmentRequests).values([request('A-T1', 'declined', 3), request('A-T2', 'declined', 5), request('A-T3', 'withdrawn'), request('A-T4', 'open')]);
    await rollUpStatistics({ eraseAfterDays: 7, now: created.plus({ days: 1 }).toJSDate() });
    const facts = await loadStatisticsFacts({ viewer: admin, locationId: branch!.id, from: '2026-03-01', to: '2026-03-31' });
    expect(facts.requests).toEqual({ received: 4, confirmed: 0, declined: 2, withdrawn: 1, answered: 2, answerMinutes: 480 });
  });

  it('shows a clerk only the own office', async () => {
    const clerk = await signInAs('clerk@musterstadt.example');
    const [branch] = await getDb().select().from(locations).where(eq(locations.slug, 'ortschaft-hochdorf'));
    await expect(loadStatisticsFacts({ viewer: clerk, locationId: branch!.id, from: '2026-01-01', to: '2026-01-31' })).rejects.toBeInstanceOf(StaffAccessError);
    const asked = await statisticsFor({ query: { office: 'ortschaft-hochdorf' } });
    expect(asked.offices.map((o) => o.slug)).toEqual(['buergeramt-mitte']);
    expect(asked.office!.slug).toBe('buergeramt-mitte');
    testCookies.clear();
    await expect(statisticsFor({ query: {} })).rejects.toBeInstanceOf(StaffAccessError);
  });

  it('exports each table as CSV with German numbers and dates, and as XLSX with the same numbers', async () => {
    const admin = await signInAs('admin@musterstadt.example');
    const day = openWednesday(2);
    const office = await mainOffice();
    await book({ day, hhmm: '08:00', services: { personalausweis: 1 } });
    const absent = await book({ day, hhmm: '08:40' });
    expect(await changeBookingStatus({ actor: admin, bookingId: absent.id, status: 'no_show', now: day.set({ hour: 9 }).toJSDate() })).toEqual({ ok: true });
    await rollUpStatistics({ eraseAfterDays: 7, now: day.plus({ days: 1 }).toJSDate() });
    const url = (params: Record<string, string>) =>
      new Request(`http://localhost/api/statistik?${new URLSearchParams({ standort: office.slug, zeitraum: 'tag', datum: day.toISODate()!, ...params })}`);

    const csv = await exportStatistics(url({ tabelle: 'outcomes', format: 'csv', sprache: 'de' }));
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Ausgang;Zeitraum;Quote;Vorzeitraum;Quote Vorzeitraum');
    expect(lines[1]).toBe('Wahrgenommen;0;0,0 %;0;');
    expect(lines[2]).toBe('Nicht erschienen;1;50,0 %;0;');
    const days = await (await exportStatistics(url({ tabelle: 'utilisation', format: 'csv', sprache: 'de' }))).text();
    expect(days).toContain(`${day.toFormat('dd.MM.yyyy')};`);
    const english = await (await exportStatistics(url({ tabelle: 'outcomes', format: 'csv', sprache: 'en' }))).text();
    expect(english).toContain('No-show,1,50.0%,0,');

    const xlsx = await exportStatistics(url({ tabelle: 'all', format: 'xlsx', sprache: 'de' }));
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    const outcomes = await readSheet(Buffer.from(await xlsx.arrayBuffer()), 'Ausgang der Termine');
    expect(outcomes[0]).toEqual(['Ausgang', 'Zeitraum', 'Quote', 'Vorzeitraum', 'Quote Vorzeitraum']);
    expect(outcomes[2]).toEqual(['Nicht erschienen', 1, 0.5, 0, null]);

    // A clerk of the main office gets no other office's figures, and nobody without a session gets any.
    await signInAs('clerk@musterstadt.example');
    expect((await exportStatistics(url({ standort: 'ortschaft-hochdorf', tabelle: 'outcomes', format: 'csv' }))).status).toBe(403);
    expect((await exportStatistics(url({ tabelle: 'outcomes', format: 'csv' }))).status).toBe(200);
    testCookies.clear();
    expect((await exportStatistics(url({ tabelle: 'outcomes', format: 'csv' }))).status).toBe(401);
  });
});
