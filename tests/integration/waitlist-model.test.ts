import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import type { LocationForBooking } from '@/db/queries/availability';
import { generateBookingCode } from '@/lib/booking/secrets';
import { acceptOffer, declineOffer } from '@/lib/waitlist/offers';
import { runWaitlistRound } from '@/lib/waitlist/worker';
import { at, mainOffice } from '../support/office';
import { openDay, waitingWish } from '../support/waitlist';

/**
 * Model-based test of the waitlist over real PostgreSQL: wishes (all alike: one Beglaubigung, any time of one
 * day), cancellations of fully booked times, accepts, declines and expiries, in any order fast-check picks. The
 * model says which wish holds which time; after every step the database must agree, and the invariants hold:
 * a freed time goes to exactly one wish, the longest-waiting eligible one; no wish has two offers; no counter
 * is held twice; a declined or expired time never returns to the same wish.
 */

const day = openDay(3, 3);
const TIMES = ['08:00', '08:30', '09:00', '09:30', '10:00', '10:30'];

type Time = { hhmm: string; state: 'booked' | 'free' | 'offered' | 'taken'; wish?: number };
type Wish = { id: number; waiting: boolean; refused: Set<string> };
type Model = { times: Time[]; wishes: Wish[] };
type Real = { office: LocationForBooking; originals: Map<string, number> };

/** Who gets a freed time: the longest-waiting wish that waits, holds no offer, and has not had this time. */
function settle(model: Model, time: Time) {
  const next = model.wishes.find((w) => w.waiting && !model.times.some((t) => t.state === 'offered' && t.wish === w.id) && !w.refused.has(time.hhmm));
  if (next) Object.assign(time, { state: 'offered', wish: next.id });
  else Object.assign(time, { state: 'free', wish: undefined });
}

class AddWish implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    const wish = await waitingWish({ office: real.office, day });
    model.wishes.push({ id: wish.id, waiting: true, refused: new Set() });
    await runWaitlistRound();
    await agree(model);
  }
  toString = () => 'AddWish';
}

class Cancel implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number) {}
  check = (model: Readonly<Model>) => model.times[this.index]!.state === 'booked';
  async run(model: Model, real: Real) {
    const time = model.times[this.index]!;
    await getDb().execute(sql`update bookings set status = 'cancelled', cancelled_at = now(), cancelled_by = 'citizen' where id = ${real.originals.get(time.hhmm)!}`);
    await runWaitlistRound();
    settle(model, time);
    await agree(model);
  }
  toString = () => `Cancel(${TIMES[this.index]})`;
}

class Answer implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number, readonly how: 'accept' | 'decline' | 'expire') {}
  check = (model: Readonly<Model>) => model.times.some((t) => t.state === 'offered');
  async run(model: Model) {
    const offered = model.times.filter((t) => t.state === 'offered');
    const time = offered[this.pick % offered.length]!;
    const wish = model.wishes.find((w) => w.id === time.wish)!;
    if (this.how === 'accept') {
      expect((await acceptOffer({ wishId: wish.id })).status).toBe('booked');
      Object.assign(time, { state: 'taken' });
      wish.waiting = false;
    } else {
      if (this.how === 'decline') expect(await declineOffer({ wishId: wish.id })).toBe(true);
      else await getDb().execute(sql`update bookings set hold_expires_at = now() - interval '1 second' where wish_id = ${wish.id} and status = 'held'`);
      await runWaitlistRound();
      wish.refused.add(time.hhmm);
      settle(model, time);
    }
    await agree(model);
  }
  toString = () => `${this.how}(#${this.pick})`;
}

/** The database's offers and bookings at the times match the model, and the invariants hold. */
async function agree(model: Model) {
  const { rows } = await getDb().execute<{ hhmm: string; status: string; wish_id: number | null; counter_id: number; source: string }>(sql`
    select to_char(lower(during) at time zone 'Europe/Berlin', 'HH24:MI') as hhmm, status, wish_id::int, counter_id, source from bookings
    where during && tstzrange(${at(day, '00:00').toISOString()}::timestamptz, ${at(day, '23:59').toISOString()}::timestamptz)
      and (status = 'booked' or (status = 'held' and hold_expires_at > now()))`);
  for (const time of model.times) {
    const here = rows.filter((r) => r.hhmm === time.hhmm);
    const held = here.filter((r) => r.status === 'held');
    if (time.state === 'offered') expect(held.map((r) => r.wish_id)).toEqual([time.wish]);
    else expect(held).toEqual([]);
    // Three counters: booked by others, except one that is free (free), held (offered) or booked by the wish (taken).
    expect(here.length).toBe(time.state === 'free' ? 2 : 3);
    if (time.state === 'taken') expect(here.filter((r) => r.source === 'waitlist' && r.status === 'booked').length).toBe(1);
    expect(new Set(here.map((r) => r.counter_id)).size).toBe(here.length);
  }
  const { rows: [doubles] } = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from (select wish_id from bookings where status = 'held' and wish_id is not null group by wish_id having count(*) > 1) d`);
  expect(doubles!.n).toBe(0);
  for (const wish of model.wishes) {
    const { rows: [row] } = await getDb().execute<{ status: string }>(sql`select status from waitlist_wishes where id = ${wish.id}`);
    expect(row!.status).toBe(wish.waiting ? 'waiting' : 'fulfilled');
  }
}

/** A fresh day: every time fully booked by others on all three counters, no wishes, no queued jobs. */
async function freshWorld(office: LocationForBooking): Promise<Real> {
  const db = getDb();
  await db.execute(sql`delete from bookings where during && tstzrange(${at(day, '00:00').toISOString()}::timestamptz, ${at(day, '23:59').toISOString()}::timestamptz)`);
  await db.execute(sql`delete from waitlist_wishes`);
  await db.execute(sql`delete from waitlist_sweeps`);
  const originals = new Map<string, number>();
  for (const hhmm of TIMES) {
    for (const counterId of office.counterIds) {
      const start = at(day, hhmm);
      const { rows: [row] } = await db.execute<{ id: number }>(sql`
        insert into bookings (code, location_id, counter_id, during, status, email, name)
        values (${generateBookingCode()}, ${office.id}, ${counterId}, tstzrange(${start.toISOString()}::timestamptz, ${new Date(start.getTime() + 5 * 60_000).toISOString()}::timestamptz), 'booked', 'other@example.org', 'Other')
        returning id::int`);
      if (!originals.has(hhmm)) originals.set(hhmm, row!.id);
    }
  }
  return { office, originals };
}

describe('the waitlist against its model', () => {
  it('gives every freed time to exactly one wish, in order of waiting, whatever happens in between', async () => {
    const office = await mainOffice();
    const commands = [
      fc.constant(new AddWish()),
      fc.integer({ min: 0, max: TIMES.length - 1 }).map((i) => new Cancel(i)),
      fc.tuple(fc.nat(5), fc.constantFrom('accept' as const, 'decline' as const, 'expire' as const)).map(([pick, how]) => new Answer(pick, how)),
    ];
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 20 }), async (cmds) => {
        const real = await freshWorld(office);
        const model: Model = { times: TIMES.map((hhmm) => ({ hhmm, state: 'booked' })), wishes: [] };
        await fc.asyncModelRun(() => ({ model, real }), cmds);
      }),
      { numRuns: 20 },
    );
  }, 240_000);
});
