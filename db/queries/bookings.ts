import 'server-only';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { getDb, type DbOrTx, type Tx } from '@/db/client';
import { bookingServices, bookings, locations, services } from '@/db/schema';
import { generateBookingCode } from '@/lib/booking/secrets';

const EXCLUSION_VIOLATION = '23P01';
const UNIQUE_VIOLATION = '23505';

const pgCode = (error: unknown): string | undefined =>
  (error as { cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code;

export type HoldItem = { serviceId: number; count: number; minutesPerUnit: number };

/** Marks holds that ran out and overlap `[start, end)` as expired, so they never block a writer (invariant 3). */
export async function expireStaleHolds({ locationId, start, end, tx }: { locationId: number; start: Date; end: Date; tx: DbOrTx }) {
  await tx.execute(sql`
    update bookings set status = 'expired'
    where status = 'held' and hold_expires_at <= now() and location_id = ${locationId}
      and during && tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz)`);
}

/**
 * Holds `[start, end)` on the first of `counterIds` that PostgreSQL accepts. The exclusion constraint
 * decides: a counter taken meanwhile raises 23P01 inside a savepoint and the next one is tried.
 * Returns null when every counter was taken.
 */
export async function insertHold(args: {
  locationId: number;
  counterIds: readonly number[];
  start: Date;
  end: Date;
  tokenHash: string;
  holdMinutes: number;
  locale: string;
  items: readonly HoldItem[];
  source?: 'online' | 'staff' | 'request';
}): Promise<{ id: number; code: string; counterId: number; holdExpiresAt: Date } | null> {
  return getDb().transaction(async (tx) => {
    // Holds for one office day queue here, one short transaction after the other. Without it, two
    // inserts that overlap on one counter wait for each other inside the exclusion check and PostgreSQL
    // breaks the deadlock only after deadlock_timeout (1 s). The constraint still decides who gets a counter.
    await tx.execute(sql`select pg_advisory_xact_lock(${args.locationId}, ${Math.floor(args.start.getTime() / 86_400_000)})`);
    await expireStaleHolds({ locationId: args.locationId, start: args.start, end: args.end, tx });
    // An admin may have closed the day or staffed fewer counters since the slot was computed; both changes
    // take the same lock, so what is read here holds until this transaction commits.
    const { rows: closed } = await tx.execute(sql`
      select 1 from closures c join locations l on l.id = ${args.locationId}
      where (c.location_id = l.id or c.location_id is null)
        and (${args.start.toISOString()}::timestamptz at time zone l.time_zone)::date between c.starts_on and c.ends_on
      limit 1`);
    if (closed.length > 0) return null;
    const staffed = await staffedCounterIds(tx, args);
    for (const counterId of args.counterIds.filter((id) => staffed.has(id))) {
      const inserted = await tryInsertOnCounter(tx, { ...args, counterId });
      if (inserted) {
        await tx.insert(bookingServices).values(args.items.map((item) => ({ bookingId: inserted.id, ...item })));
        return { ...inserted, counterId };
      }
    }
    return null;
  });
}

/**
 * The counters staffed for the whole of `[start, end)`: the first `counters_open` active counters (by
 * position) of a window of that local weekday that contains the range; the rule of `staffedCounters`.
 */
async function staffedCounterIds(tx: Tx, { locationId, start, end }: { locationId: number; start: Date; end: Date }): Promise<Set<number>> {
  const { rows } = await tx.execute<{ id: number }>(sql`
    with local as (
      select (${start.toISOString()}::timestamptz at time zone time_zone) as starts, (${end.toISOString()}::timestamptz at time zone time_zone) as ends
      from locations where id = ${locationId}),
    ranked as (
      select id, row_number() over (order by position, id) as rank from counters where location_id = ${locationId} and active)
    select distinct r.id from ranked r, local, opening_hours h
    where h.location_id = ${locationId}
      and h.weekday = extract(isodow from local.starts)
      and h.opens_at <= local.starts::time
      and local.ends <= local.starts::date + h.closes_at
      and r.rank <= h.counters_open`);
  return new Set(rows.map((r) => Number(r.id)));
}

async function tryInsertOnCounter(
  tx: Tx,
  args: { locationId: number; counterId: number; start: Date; end: Date; tokenHash: string; holdMinutes: number; locale: string; source?: 'online' | 'staff' | 'request' },
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
          })
          .returning({ id: bookings.id, code: bookings.code, holdExpiresAt: bookings.holdExpiresAt });
        return { id: row!.id, code: row!.code, holdExpiresAt: row!.holdExpiresAt! };
      });
    } catch (error) {
      if (pgCode(error) === EXCLUSION_VIOLATION) return null;
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
export async function countFutureBookings({ email, tx = getDb() }: { email: string; tx?: DbOrTx }): Promise<number> {
  const [{ future } = { future: 0 }] = await tx
    .select({ future: sql<number>`count(*)::int` })
    .from(bookings)
    .where(and(sql`lower(${bookings.email}) = lower(${email})`, inArray(bookings.status, ['booked', 'checked_in']), sql`upper(${bookings.during}) > now()`));
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

    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(lower(${hold.email})))`);
    if ((await countFutureBookings({ email: hold.email, tx })) >= args.maxFutureBookingsPerEmail) return { status: 'limit-reached' };

    const [booking] = await tx
      .update(bookings)
      .set({ status: 'booked', confirmedAt: sql`now()`, pinHash: args.pinHash, pinSealed: args.pinSealed })
      .where(and(eq(bookings.id, hold.id), eq(bookings.status, 'held'), gt(bookings.holdExpiresAt, sql`now()`)))
      .returning();
    if (!booking) return { status: 'expired' };
    await args.afterConfirm?.(tx, booking);
    return { status: 'confirmed', booking };
  });
}
