import 'server-only';
import { logFor } from '@/lib/log/logger';
import { and, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx, type Tx } from '@/db/client';
import { activeBookingStatuses, bookingServices, bookings, locations, services } from '@/db/schema';
import { generateBookingCode } from '@/lib/booking/secrets';
import { countEvent } from './metric-counts';
import { planHoldRepack, staffedCounters, type HoldRepack, type RepackBooking, type Staffing, type WeeklyWindow } from '@/lib/slots';

const EXCLUSION_VIOLATION = '23P01';
const UNIQUE_VIOLATION = '23505';

const pgCode = (error: unknown): string | undefined =>
  (error as { cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code;

export type BookingSource = (typeof bookings.source.enumValues)[number];

export type HoldItem = { serviceId: number; count: number; minutesPerUnit: number };

/** Marks holds that ran out and overlap `[start, end)` as expired, so they never block a writer (invariant 3). */
export async function expireStaleHolds({ locationId, start, end, tx }: { locationId: number; start: Date; end: Date; tx: DbOrTx }) {
  await tx.execute(sql`
    update bookings set status = 'expired'
    where status = 'held' and hold_expires_at <= now() and location_id = ${locationId}
      and during && tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz)`);
}

/**
 * Holds `[start, end)` at a location: on a staffed counter free as the day's bookings sit (the first of
 * `counterIds` that is), or else after re-packing the local day's bookings that have not started and are
 * not checked in onto other staffed counters (`planHoldRepack`, the rule the slots were offered by);
 * `counterPolicy: 'fixed'` never re-packs (the benchmark's "before"). The exclusion constraint decides in
 * the end: a clash raises 23P01 inside a savepoint and the hold is refused. Returns null when the time
 * does not fit.
 */
export async function insertHold(args: InsertHoldArgs): Promise<{ id: number; code: string; counterId: number; holdExpiresAt: Date } | null> {
  return getDb().transaction(async (tx) => {
    const hold = await insertHoldIn(tx, args);
    // Counted in the hold's transaction: every instance's /api/metrics shows the same totals.
    await countEvent({ name: hold ? 'holds_taken' : 'holds_refused', label: args.source ?? 'online', tx });
    return hold;
  });
}

type InsertHoldArgs = {
  locationId: number;
  counterIds: readonly number[];
  start: Date;
  end: Date;
  tokenHash: string;
  holdMinutes: number;
  locale: string;
  items: readonly HoldItem[];
  source?: BookingSource;
  counterPolicy?: CounterPolicy;
  /** A waitlist offer: the hold is for this wish (at most one held offer per wish, a unique index decides). */
  wishId?: number;
  /** Runs in the hold's transaction once the hold stands (e.g. the offer mail), so both commit or neither. */
  afterInsert?: (tx: Tx, hold: { id: number; code: string; counterId: number; holdExpiresAt: Date }) => Promise<void>;
};

async function insertHoldIn(tx: Tx, args: InsertHoldArgs): Promise<{ id: number; code: string; counterId: number; holdExpiresAt: Date } | null> {
  // Holds for one office day (its local date) queue here, one short transaction after the other. Without
  // it, two inserts that overlap on one counter wait for each other inside the exclusion check and
  // PostgreSQL breaks the deadlock only after deadlock_timeout (1 s); and a re-pack moves only bookings of
  // this day, which no other hold writes meanwhile. The constraint still decides who gets a counter.
  const { rows: [day] } = await tx.execute<{ local_date: string; day_start: Date; day_end: Date; time_zone: string }>(sql`
    select pg_advisory_xact_lock(${args.locationId}, d.local_date - date '1970-01-01'), d.local_date::text as local_date, d.time_zone,
      d.local_date::timestamp at time zone d.time_zone as day_start, (d.local_date + 1)::timestamp at time zone d.time_zone as day_end
    from (select time_zone, (${args.start.toISOString()}::timestamptz at time zone time_zone)::date as local_date from locations where id = ${args.locationId}) d`);
  if (!day) return null;
  const dayStart = new Date(day.day_start);
  const dayEnd = new Date(day.day_end);
  await expireStaleHolds({ locationId: args.locationId, start: dayStart, end: dayEnd, tx });
  // An admin may have closed the day or staffed fewer counters since the slot was computed; both changes
  // take the same lock, so what is read here holds until this transaction commits.
  const office = await officeDay({ tx, locationId: args.locationId, start: args.start, timeZone: day.time_zone });
  if (office.closed) return null;
  const staffed = staffedCounters(office.staffing, args.start, args.end);
  if (staffed.length === 0) return null;

  // Decide on the day's bookings as they are: a counter free as they sit (the caller's order first),
  // else a re-pack, else no. Only a re-pack locks the day's rows, and plans again on what it locked.
  let dayBookings = await dayBookingsOf({ tx, locationId: args.locationId, from: dayStart, to: dayEnd });
  const isFree = (counterId: number) => !dayBookings.some((b) => b.counterId === counterId && b.start < args.end && args.start < b.end);
  const freeCounter = [...args.counterIds.filter((id) => staffed.includes(id)), ...staffed].find(isFree);
  if (freeCounter === undefined && (args.counterPolicy ?? 'repack') === 'fixed') return null;
  let plan: HoldRepack | null = freeCounter === undefined ? planHoldRepack({ staffing: office.staffing, bookings: dayBookings, now: office.now, start: args.start, end: args.end }) : { counterId: freeCounter, moves: [] };
  if (plan && plan.moves.length > 0) {
    dayBookings = await dayBookingsOf({ tx, locationId: args.locationId, from: dayStart, to: dayEnd, lock: true });
    plan = planHoldRepack({ staffing: office.staffing, bookings: dayBookings, now: office.now, start: args.start, end: args.end });
  }
  if (!plan) return null;
  const { counterId, moves } = plan;
  const inserted =
    moves.length === 0
      ? await tryInsertOnCounter(tx, { ...args, counterId })
      : await withRollbackOnNull(tx, async (savepoint) => {
          await moveBookingsToCounters({ moves, tx: savepoint });
          return tryInsertOnCounter(savepoint, { ...args, counterId });
        });
  if (!inserted) return null;
  await tx.insert(bookingServices).values(args.items.map((item) => ({ bookingId: inserted.id, ...item })));
  await args.afterInsert?.(tx, { ...inserted, counterId });
  if (moves.length > 0) {
    logFor('holds').info({ locationId: args.locationId, day: day.local_date, holdId: inserted.id, moves: moves.map((m) => `#${m.bookingId} counter ${m.fromCounterId}→${m.counterId}`) }, `re-packed ${moves.length} booking(s)`);
  }
  return { ...inserted, counterId };
}

/** `repack` (default): counters are an assignment a hold may re-pack; `fixed`: a hold takes a counter free as bookings sit. */
export type CounterPolicy = 'repack' | 'fixed';

/** Runs `fn` in a savepoint that is rolled back when it returns null or hits the exclusion constraint. */
async function withRollbackOnNull<T>(tx: Tx, fn: (savepoint: Tx) => Promise<T | null>): Promise<T | null> {
  const rollback = new Error('rollback');
  try {
    return await tx.transaction(async (savepoint) => {
      const result = await fn(savepoint);
      if (result === null) throw rollback;
      return result;
    });
  } catch (error) {
    if (error === rollback || pgCode(error) === EXCLUSION_VIOLATION) return null;
    throw error;
  }
}

/**
 * What a hold needs to know about its office day, read under the day's lock: whether a closure covers it,
 * the opening windows of its weekday with the active counters in preference order, and the database clock.
 */
async function officeDay({ tx, locationId, start, timeZone }: { tx: Tx; locationId: number; start: Date; timeZone: string }): Promise<{ closed: boolean; staffing: Staffing; now: Date }> {
  const { rows: [row] } = await tx.execute<{ closed: boolean; windows: WeeklyWindow[]; counter_ids: (number | string)[]; now: Date }>(sql`
    with local as (select (${start.toISOString()}::timestamptz at time zone ${timeZone}) as starts)
    select
      exists (select 1 from closures c, local where (c.location_id = ${locationId} or c.location_id is null) and local.starts::date between c.starts_on and c.ends_on) as closed,
      (select coalesce(json_agg(json_build_object('weekday', h.weekday, 'opensAt', h.opens_at, 'closesAt', h.closes_at, 'countersOpen', h.counters_open)), '[]'::json)
         from opening_hours h, local where h.location_id = ${locationId} and h.weekday = extract(isodow from local.starts)) as windows,
      (select coalesce(array_agg(id order by position, id), '{}') from counters where location_id = ${locationId} and active) as counter_ids,
      now() as now`);
  return { closed: row!.closed, staffing: { timeZone, windows: row!.windows, counterIds: row!.counter_ids.map(Number) }, now: new Date(row!.now) };
}

/** The active bookings and holds that touch `[from, to)` at a location; with `lock`, locked until the transaction ends. */
async function dayBookingsOf({ tx, locationId, from, to, lock = false }: { tx: Tx; locationId: number; from: Date; to: Date; lock?: boolean }): Promise<RepackBooking[]> {
  const query = tx
    .select({ id: bookings.id, counterId: bookings.counterId, status: bookings.status, start: sql<Date>`lower(${bookings.during})`, end: sql<Date>`upper(${bookings.during})` })
    .from(bookings)
    .where(and(eq(bookings.locationId, locationId), inArray(bookings.status, [...activeBookingStatuses]), sql`${bookings.during} && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz)`));
  const rows = await (lock ? query.for('update') : query);
  // Checked-in, done and no-show bookings never move; neither do those already started (planHoldRepack).
  return rows.map((r) => ({ id: r.id, counterId: r.counterId, start: new Date(r.start), end: new Date(r.end), movable: r.status === 'held' || r.status === 'booked' }));
}

/**
 * Puts bookings on other counters of their location, keeping their times, in one statement: the
 * exclusion constraint is checked at its end (deferrable, initially immediate), so two bookings may
 * swap counters, and it still rejects any overlap the moves leave.
 */
export async function moveBookingsToCounters({ moves, tx }: { moves: readonly { bookingId: number; counterId: number }[]; tx: DbOrTx }) {
  if (moves.length === 0) return;
  await tx.execute(sql`
    update bookings b set counter_id = m.counter_id
    from unnest(${`{${moves.map((m) => m.bookingId).join(',')}}`}::bigint[], ${`{${moves.map((m) => m.counterId).join(',')}}`}::int[]) as m(id, counter_id)
    where b.id = m.id`);
}

async function tryInsertOnCounter(
  tx: Tx,
  args: { locationId: number; counterId: number; start: Date; end: Date; tokenHash: string; holdMinutes: number; locale: string; source?: BookingSource; wishId?: number },
) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await tx.transaction(async (savepoint) => {
        const [row] = await savepoint
          .insert(bookings)
          .values({
            code: generateBookingCode(),
            locationId: args.locationId,
            counterId: args.counterId,
            during: { start: args.start, end: args.end },
            status: 'held',
            source: args.source ?? 'online',
            locale: args.locale,
            holdTokenHash: args.tokenHash,
            holdExpiresAt: sql`now() + make_interval(mins => ${args.holdMinutes})`,
            wishId: args.wishId ?? null,
          })
          .returning({ id: bookings.id, code: bookings.code, holdExpiresAt: bookings.holdExpiresAt });
        return { id: row!.id, code: row!.code, holdExpiresAt: row!.holdExpiresAt! };
      });
    } catch (error) {
      if (pgCode(error) === EXCLUSION_VIOLATION) return null;
      // The wish got an offer meanwhile (another worker): it waits for this one's answer.
      if (pgCode(error) === UNIQUE_VIOLATION && String((error as { cause?: { constraint?: string } }).cause?.constraint) === 'bookings_one_offer_per_wish') return null;
      // A booking-number collision (one in 10^11): draw another number.
      if (pgCode(error) === UNIQUE_VIOLATION && String((error as { cause?: { constraint?: string } }).cause?.constraint).includes('code')) continue;
      throw error;
    }
  }
  return null;
}

export type HeldBooking = typeof bookings.$inferSelect & {
  location: typeof locations.$inferSelect;
  items: { serviceId: number; slug: string; name: { de: string; en: string }; fee: { de: string; en: string } | null; count: number; minutesPerUnit: number }[];
  /** True while a hold is in force (server clock). */
  holdActive: boolean;
};

/** The booking this browser's token belongs to, with location and services; null if the token is unknown. */
export async function findBookingByTokenHash({ tokenHash, tx = getDb() }: { tokenHash: string; tx?: DbOrTx }): Promise<HeldBooking | null> {
  const [row] = await tx
    .select({ booking: bookings, location: locations, holdActive: sql<boolean>`${bookings.status} = 'held' and ${bookings.holdExpiresAt} > now()` })
    .from(bookings)
    .innerJoin(locations, eq(locations.id, bookings.locationId))
    .where(eq(bookings.holdTokenHash, tokenHash));
  if (!row) return null;
  const items = await tx
    .select({ serviceId: services.id, slug: services.slug, name: services.name, fee: services.fee, count: bookingServices.count, minutesPerUnit: bookingServices.minutesPerUnit })
    .from(bookingServices)
    .innerJoin(services, eq(services.id, bookingServices.serviceId))
    .where(eq(bookingServices.bookingId, row.booking.id))
    .orderBy(services.position);
  return { ...row.booking, location: row.location, items, holdActive: row.holdActive };
}

/** Gives a running hold `minutes` more, once: added to its expiry, so the hold never gets shorter. */
export async function extendHold({ tokenHash, minutes, tx = getDb() }: { tokenHash: string; minutes: number; tx?: DbOrTx }): Promise<boolean> {
  const rows = await tx
    .update(bookings)
    .set({ holdExpiresAt: sql`${bookings.holdExpiresAt} + make_interval(mins => ${minutes})`, holdExtended: true })
    .where(and(eq(bookings.holdTokenHash, tokenHash), eq(bookings.status, 'held'), gt(bookings.holdExpiresAt, sql`now()`), eq(bookings.holdExtended, false)))
    .returning({ id: bookings.id });
  return rows.length === 1;
}

/** Booked, not yet past appointments of one email address (any case), the number the per-address cap counts. */
/** One mailbox under many spellings: lower case, no +tag. */
const mailbox = (email: SQL) => sql`regexp_replace(lower(${email}), '[+][^@]*@', '@')`;

export async function countFutureBookings({ email, tx = getDb() }: { email: string; tx?: DbOrTx }): Promise<number> {
  const [{ future } = { future: 0 }] = await tx
    .select({ future: sql<number>`count(*)::int` })
    .from(bookings)
    .where(and(sql`${mailbox(sql`${bookings.email}`)} = ${mailbox(sql`${email}`)}`, inArray(bookings.status, ['booked', 'checked_in']), sql`upper(${bookings.during}) > now()`));
  return future;
}

/** Stores the contact details on a running hold; false if the hold has run out. */
export async function saveHoldContact({ tokenHash, contact, locale, tx = getDb() }: { tokenHash: string; contact: { name: string; email: string; phone: string | null }; locale: string; tx?: DbOrTx }): Promise<boolean> {
  const rows = await tx
    .update(bookings)
    .set({ ...contact, locale })
    .where(and(eq(bookings.holdTokenHash, tokenHash), eq(bookings.status, 'held'), gt(bookings.holdExpiresAt, sql`now()`)))
    .returning({ id: bookings.id });
  return rows.length === 1;
}

/** Releases a hold the citizen gave up (e.g. chose another time). */
export async function releaseHold({ tokenHash, tx = getDb() }: { tokenHash: string; tx?: DbOrTx }): Promise<void> {
  await tx.update(bookings).set({ status: 'expired' }).where(and(eq(bookings.holdTokenHash, tokenHash), eq(bookings.status, 'held')));
}

export type ConfirmResult =
  | { status: 'confirmed'; booking: typeof bookings.$inferSelect }
  | { status: 'already-confirmed' }
  | { status: 'expired' }
  | { status: 'missing-contact' }
  | { status: 'limit-reached' };

/**
 * Turns a running hold into a booking exactly once. Runs `afterConfirm` (e.g. queueing the mail) in the
 * same transaction. Future bookings per email address are capped; an advisory lock on the address
 * makes two holds with one address confirm one after the other.
 */
export async function confirmHold(args: {
  tokenHash: string;
  pinHash: string;
  pinSealed: string;
  maxFutureBookingsPerEmail: number;
  afterConfirm?: (tx: Tx, booking: typeof bookings.$inferSelect) => Promise<void>;
}): Promise<ConfirmResult> {
  return getDb().transaction(async (tx) => {
    // The row lock makes a second, concurrent confirm wait and then see the booking the first one made.
    const [hold] = await tx
      .select({ id: bookings.id, status: bookings.status, email: bookings.email })
      .from(bookings)
      .where(eq(bookings.holdTokenHash, args.tokenHash))
      .for('update');
    if (!hold) return { status: 'expired' };
    if (hold.status !== 'held') return hold.status === 'expired' || hold.status === 'cancelled' ? { status: 'expired' } : { status: 'already-confirmed' };
    if (!hold.email) return { status: 'missing-contact' };

    // One mailbox under many spellings (Erika+1@…, ERIKA+2@…) counts once (see `countFutureBookings`).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${mailbox(sql`${hold.email}`)}))`);
    if ((await countFutureBookings({ email: hold.email, tx })) >= args.maxFutureBookingsPerEmail) return { status: 'limit-reached' };

    const [booking] = await tx
      .update(bookings)
      .set({ status: 'booked', confirmedAt: sql`now()`, pinHash: args.pinHash, pinSealed: args.pinSealed })
      .where(and(eq(bookings.id, hold.id), eq(bookings.status, 'held'), gt(bookings.holdExpiresAt, sql`now()`)))
      .returning();
    if (!booking) return { status: 'expired' };
    await countEvent({ name: 'bookings_confirmed', label: 'online', tx });
    await args.afterConfirm?.(tx, booking);
    return { status: 'confirmed', booking };
  });
}
