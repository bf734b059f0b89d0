import { eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { loadLocationForBooking, type LocationForBooking } from '@/db/queries/availability';
import { staffUsers } from '@/db/schema';
import { DEMO_STAFF, seedDemoStaff } from '@/db/seed-staff';
import { addClosure, removeClosure } from '@/lib/admin/closures';
import { addCounter, addOpeningWindow, setWindowCounters } from '@/lib/admin/locations';
import { saveOfficeSettings } from '@/lib/admin/office-settings';
import { requireStaff, startStaffSession, type StaffUser } from '@/lib/auth/staff-session';
import { findSlots } from '@/lib/booking/availability';
import { releaseMomentOf } from '@/lib/slots';
import { NEW_DAY_LEAD_MINUTES, queueNewDays } from '@/lib/waitlist/new-days';
import { runWaitlistRound } from '@/lib/waitlist/worker';
import { testCookies } from '../support/next-headers';
import { at, mainOffice, occupy } from '../support/office';
import { offers, openDay, waitingWish } from '../support/waitlist';
import { localWorkers, otherInstance } from '../support/waitlist-workers';

const MINUTES = 5; // Beglaubigung × 1 in the seed; the office's slot grid is 10 minutes
const DAILY = { time: '08:00', weekdays: [1, 2, 3, 4, 5, 6, 7] };

async function asAdmin(): Promise<StaffUser> {
  testCookies.clear();
  const [user] = await getDb().select().from(staffUsers).where(eq(staffUsers.email, DEMO_STAFF[0].email));
  await startStaffSession(user!.id);
  return requireStaff();
}

/** The office releases a day every morning at 08:00 (or, `null`, has no schedule), gives the waitlist `share` % of new days, and has claimed none. */
async function releaseRules(office: LocationForBooking, rule: typeof DAILY | null, share: number): Promise<LocationForBooking> {
  await getDb().execute(sql`
    update locations set release_time = ${rule?.time ?? null}::time, release_weekdays = ${`{${(rule ?? DAILY).weekdays.join(',')}}`}::smallint[],
      waitlist_new_day_share = ${share}, waitlist_new_days_through = null
    where id = ${office.id}`);
  return (await loadLocationForBooking({ slug: office.slug }))!;
}

/** A few minutes before `day` is released: at its release moment, or (no schedule) when it enters the horizon at midnight. */
function justBeforeRelease(office: LocationForBooking, rule: typeof DAILY | null, day: DateTime): Date {
  const moment = rule ? releaseMomentOf({ rule, horizonDays: office.bookingHorizonDays, timeZone: office.timeZone, date: day.toISODate()! })! : day.minus({ days: office.bookingHorizonDays }).startOf('day').toJSDate();
  return new Date(moment.getTime() - (NEW_DAY_LEAD_MINUTES - 5) * 60_000);
}

/** Takes every counter for the whole day but the first counter's first `minutes` (the day's windows are 08:00–12:30 Wednesdays and Fridays). */
async function leaveFree(office: LocationForBooking, day: DateTime, minutes: number) {
  const [first, ...others] = office.counterIds;
  await occupy(office, first!, new Date(at(day, '08:00').getTime() + minutes * 60_000), at(day, '12:30'));
  for (const counterId of others) await occupy(office, counterId, at(day, '08:00'), at(day, '12:30'));
}

/** The times the public can book on `day` for one Beglaubigung, as of now (the day is released by the real clock). */
async function publicStarts(office: LocationForBooking, day: DateTime) {
  return (await findSlots({ location: office, durationMinutes: MINUTES, from: day.toISODate()!, to: day.toISODate()!, releaseDelayMinutes: 0 })).length;
}

async function wishesFor(office: LocationForBooking, day: DateTime, count: number) {
  const wishes = [];
  for (let i = 0; i < count; i++) wishes.push(await waitingWish({ office, day }));
  return wishes;
}

const held = async (wishIds: number[]) => (await offers(wishIds)).filter((o) => o.status === 'held');

/** Pairs of active bookings or holds on one counter at one moment (the exclusion constraint, checked from outside). */
async function clashes(): Promise<number> {
  const { rows: [row] } = await getDb().execute<{ n: number }>(sql`
    select count(*)::int as n from bookings a join bookings b on a.id < b.id and a.counter_id = b.counter_id and a.during && b.during
    where a.status in ('held', 'booked') and b.status in ('held', 'booked') and (a.status <> 'held' or a.hold_expires_at > now()) and (b.status <> 'held' or b.hold_expires_at > now())`);
  return row!.n;
}

beforeAll(async () => {
  await mainOffice();
  await seedDemoStaff(getDb());
});

describe('a newly released day', () => {
  it('goes to the waitlist for the office share of its free capacity before the public sees it, the rest to the public', async () => {
    const office = await releaseRules(await mainOffice(), DAILY, 50);
    const day = openDay(3, 2);
    await leaveFree(office, day, 100); // ten 10-minute pieces, half of them for the waitlist
    const wishes = await wishesFor(office, day, 8);

    const now = justBeforeRelease(office, DAILY, day);
    // At that moment the public does not see the day yet.
    expect(await findSlots({ location: office, durationMinutes: MINUTES, from: day.toISODate()!, to: day.toISODate()!, now })).toEqual([]);
    await runWaitlistRound({ now });
    const made = await held(wishes.map((w) => w.id));
    // Longest waiting first, one offer each, five pieces of 10 minutes: the other three wait for freed times.
    expect(made.map((o) => o.wish_id)).toEqual(wishes.slice(0, 5).map((w) => w.id));
    expect(new Set(made.map((o) => o.start.getTime())).size).toBe(5);
    for (const offer of made) expect(offer.start >= at(day, '08:00') && offer.start < at(day, '09:40')).toBe(true);
    expect(await publicStarts(office, day)).toBe(5);
    expect(await clashes()).toBe(0);

    // A worker that runs the same release again (it died before deleting the job) takes no more.
    await getDb().execute(sql`insert into waitlist_sweeps (location_id, during, new_days) values (${office.id}, tstzrange(${at(day, '00:00').toISOString()}::timestamptz, ${at(day, '23:59').toISOString()}::timestamptz), true)`);
    await runWaitlistRound({ now: justBeforeRelease(office, DAILY, day) });
    expect(await held(wishes.map((w) => w.id))).toHaveLength(5);
    expect(await publicStarts(office, day)).toBe(5);
  });

  it('changes nothing at share 0', async () => {
    const office = await releaseRules(await mainOffice(), DAILY, 0);
    const day = openDay(3, 1);
    await leaveFree(office, day, 100);
    const wishes = await wishesFor(office, day, 3);
    await runWaitlistRound({ now: justBeforeRelease(office, DAILY, day) });
    expect(await offers(wishes.map((w) => w.id))).toEqual([]);
    expect(await publicStarts(office, day)).toBe(10);
    const { rows: [row] } = await getDb().execute<{ claimed: string | null }>(sql`select waitlist_new_days_through::text as claimed from locations where id = ${office.id}`);
    expect(row!.claimed).toBeNull();
  });

  it('is shared out once when several workers in two instances race the release', async () => {
    const office = await releaseRules(await mainOffice(), DAILY, 30);
    const day = openDay(3, 0);
    await leaveFree(office, day, 100); // 30 % of ten pieces: three
    const wishes = await wishesFor(office, day, 6);
    const now = justBeforeRelease(office, DAILY, day);
    // Two workers in another instance, two here, all at the same moved clock.
    const other = otherInstance(2, { now });
    await other.ready;
    const [{ swept }] = await Promise.all([other.done, localWorkers(2, { now })]);
    expect(swept).toBeLessThanOrEqual(1);
    const { rows: [claimed] } = await getDb().execute<{ through: string }>(sql`select waitlist_new_days_through::text as through from locations where id = ${office.id}`);
    expect(claimed!.through).toBe(day.toISODate());
    const made = await held(wishes.map((w) => w.id));
    expect(made.map((o) => o.wish_id)).toEqual(wishes.slice(0, 3).map((w) => w.id));
    expect(new Set(made.map((o) => o.start.getTime())).size).toBe(3);
    expect(await publicStarts(office, day)).toBe(7);
    expect(await clashes()).toBe(0);
  });

  it('is queued once however many workers look at once', async () => {
    const office = await releaseRules(await mainOffice(), DAILY, 50);
    const day = openDay(5, 0);
    await leaveFree(office, day, 20);
    const [wish] = await wishesFor(office, day, 1);
    const now = justBeforeRelease(office, DAILY, day);
    const queued = await Promise.all(Array.from({ length: 8 }, () => queueNewDays({ now })));
    expect(queued.reduce((sum, n) => sum + n, 0)).toBe(1);
    const { rows } = await getDb().execute<{ during: string }>(sql`select during::text from waitlist_sweeps where location_id = ${office.id} and new_days`);
    expect(rows).toHaveLength(1);
    expect(await queueNewDays({ now: new Date(now.getTime() + 60_000) })).toBe(0);
    await runWaitlistRound({ now });
    expect((await held([wish!.id])).map((o) => o.start)).toEqual([at(day, '08:00')]);
  });

  it('counts the day that enters the horizon at midnight as released when the office has no schedule', async () => {
    const office = await releaseRules(await mainOffice(), null, 50);
    const day = openDay(5, 2);
    await leaveFree(office, day, 40);
    const wishes = await wishesFor(office, day, 3);
    // The evening before is not yet the lead time before midnight: nothing.
    await runWaitlistRound({ now: new Date(justBeforeRelease(office, null, day).getTime() - 3600_000) });
    expect(await offers(wishes.map((w) => w.id))).toEqual([]);
    await runWaitlistRound({ now: justBeforeRelease(office, null, day) });
    expect((await held(wishes.map((w) => w.id))).map((o) => o.wish_id)).toEqual(wishes.slice(0, 2).map((w) => w.id));
    await releaseRules(office, null, 0);
  });
});

describe('capacity an admin adds', () => {
  it('goes to a waiting wish first when a new counter is opened in a window', async () => {
    const office = await releaseRules(await mainOffice(), null, 0);
    const day = openDay(4, 2); // Thursday, 08:00–12:30 with three counters
    for (const counterId of office.counterIds) await occupy(office, counterId, at(day, '08:00'), at(day, '12:30'));
    const wish = await waitingWish({ office, day, parts: ['morning'] });
    await runWaitlistRound();
    expect(await offers([wish.id])).toEqual([]);

    const admin = await asAdmin();
    const added = await addCounter({ actor: admin, locationId: office.id, name: 'Schalter 4' });
    expect(added.ok).toBe(true);
    const { rows: [window] } = await getDb().execute<{ id: number }>(sql`select id from opening_hours where location_id = ${office.id} and weekday = 4 and opens_at = '08:00'`);
    expect((await setWindowCounters({ actor: admin, windowId: window!.id, countersOpen: 4 })).ok).toBe(true);
    await runWaitlistRound();
    const [offer] = await held([wish.id]);
    expect(offer).toMatchObject({ wish_id: wish.id, counter_id: added.ok ? added.id : 0 });
    expect(offer!.start).toEqual(at(day, '08:00'));
  });

  it('queues a sweep for a waiting wish when opening hours are added or a closure removed, and none when nobody waits', async () => {
    const office = await releaseRules(await mainOffice(), null, 0);
    const admin = await asAdmin();
    const sweeps = async () => (await getDb().execute<{ n: number }>(sql`select count(*)::int as n from waitlist_sweeps where location_id = ${office.id}`)).rows[0]!.n;
    await runWaitlistRound();
    await getDb().execute(sql`update waitlist_wishes set status = 'withdrawn', closed_at = now() where status = 'waiting'`);
    expect((await addOpeningWindow({ actor: admin, input: { locationId: office.id, weekday: 6, opensAt: '09:00', closesAt: '10:00', countersOpen: 1 } })).ok).toBe(true);
    expect(await sweeps()).toBe(0);

    // A Sunday window with one wish waiting for it: the wish gets its first time.
    const sunday = openDay(7, 1);
    const wish = await waitingWish({ office, day: sunday });
    expect((await addOpeningWindow({ actor: admin, input: { locationId: office.id, weekday: 7, opensAt: '09:00', closesAt: '10:00', countersOpen: 1 } })).ok).toBe(true);
    expect(await sweeps()).toBe(6); // one per Sunday of the 42-day horizon
    await runWaitlistRound();
    expect((await held([wish.id])).map((o) => o.start)).toEqual([at(sunday, '09:00')]);

    // A closure that is lifted again gives its day back to the waitlist first.
    const friday = openDay(5, 1);
    const closed = await addClosure({ actor: admin, input: { locationId: office.id, startsOn: friday.toISODate()!, endsOn: friday.toISODate()!, reason: { de: 'Betriebsausflug', en: 'Staff outing' } } });
    expect(closed.ok).toBe(true);
    const other = await waitingWish({ office, day: friday });
    await runWaitlistRound();
    expect(await offers([other.id])).toEqual([]);
    expect((await removeClosure({ actor: admin, closureId: closed.ok ? closed.closureId : 0 })).ok).toBe(true);
    expect(await sweeps()).toBe(1);
    await runWaitlistRound();
    expect((await held([other.id])).map((o) => o.start)).toEqual([at(friday, '08:00')]);
  });

  it('queues a sweep of what a longer horizon or a shorter notice opens when a wish waits, and nothing for stricter rules', async () => {
    const office = await releaseRules(await mainOffice(), null, 0);
    const admin = await asAdmin();
    await runWaitlistRound();
    await getDb().execute(sql`update waitlist_wishes set status = 'withdrawn', closed_at = now() where status = 'waiting'`);
    const ranges = async () => (await getDb().execute<{ start: Date; end: Date }>(sql`select lower(during) as start, upper(during) as "end" from waitlist_sweeps where location_id = ${office.id} order by id`)).rows.map((r) => [new Date(r.start), new Date(r.end)]);
    const rules = { bookingHorizonDays: office.bookingHorizonDays, minLeadMinutes: office.minLeadMinutes, holdMinutes: office.holdMinutes, slotStepMinutes: office.slotStepMinutes, maxFutureBookingsPerEmail: office.maxFutureBookingsPerEmail, requireChallenge: office.requireChallenge, challengeWork: office.challengeWork };
    const now = new Date();
    expect(await saveOfficeSettings({ actor: admin, locationId: office.id, settings: { ...rules, bookingHorizonDays: rules.bookingHorizonDays + 7 }, now })).toEqual({ ok: true });
    expect(await ranges()).toEqual([]);

    await waitingWish({ office, day: openDay(3, 0) });
    expect(await saveOfficeSettings({ actor: admin, locationId: office.id, settings: { ...rules, bookingHorizonDays: rules.bookingHorizonDays + 14, minLeadMinutes: rules.minLeadMinutes - 30 }, now })).toEqual({ ok: true });
    const today = DateTime.fromJSDate(now, { zone: office.timeZone }).startOf('day');
    expect(await ranges()).toEqual([
      [today.plus({ days: rules.bookingHorizonDays + 8 }).toJSDate(), today.plus({ days: rules.bookingHorizonDays + 15 }).toJSDate()],
      [new Date(now.getTime() + (rules.minLeadMinutes - 30) * 60_000), new Date(now.getTime() + rules.minLeadMinutes * 60_000)],
    ]);
    await runWaitlistRound();
    expect(await saveOfficeSettings({ actor: admin, locationId: office.id, settings: rules, now })).toEqual({ ok: true });
    expect(await ranges()).toEqual([]);
  });
});
