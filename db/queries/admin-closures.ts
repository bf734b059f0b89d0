import 'server-only';
import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { bookings, closures, locations, type Localized } from '@/db/schema';

export type ClosureRow = { id: number; locationId: number | null; locationName: Localized | null; startsOn: string; endsOn: string; reason: Localized };

/** Closures that end on or after `today`, earliest first; `locationName` is null for closures of every location. */
export async function listUpcomingClosures({ today, tx = getDb() }: { today: string; tx?: DbOrTx }): Promise<ClosureRow[]> {
  return tx
    .select({ id: closures.id, locationId: closures.locationId, locationName: locations.name, startsOn: closures.startsOn, endsOn: closures.endsOn, reason: closures.reason })
    .from(closures)
    .leftJoin(locations, eq(locations.id, closures.locationId))
    .where(gte(closures.endsOn, today))
    .orderBy(asc(closures.startsOn), asc(closures.id));
}

export type StrandedBooking = {
  id: number;
  code: string;
  name: string | null;
  email: string | null;
  locale: string;
  start: Date;
  end: Date;
  locationId: number;
  locationName: Localized;
  timeZone: string;
};

/** What the admin is shown of a booking a change would strand (select from bookings joined with locations). */
export const strandedBookingColumns = {
  id: bookings.id,
  code: bookings.code,
  name: bookings.name,
  email: bookings.email,
  locale: bookings.locale,
  start: sql<Date>`lower(${bookings.during})`.mapWith((v) => new Date(v)),
  end: sql<Date>`upper(${bookings.during})`.mapWith((v) => new Date(v)),
  locationId: bookings.locationId,
  locationName: locations.name,
  timeZone: locations.timeZone,
};

// A booking lies on a closure when it starts on one of the closure's dates, read in its location's time zone.
const onLocalDates = (startsOn: string, endsOn: string) => sql`
  ${bookings.during} && tstzrange((${startsOn}::date)::timestamp at time zone ${locations.timeZone}, ((${endsOn}::date + 1))::timestamp at time zone ${locations.timeZone})
  and lower(${bookings.during}) >= (${startsOn}::date)::timestamp at time zone ${locations.timeZone}`;

/**
 * Booked appointments a closure of `locationId` (null: every location) from `startsOn` to `endsOn` (inclusive
 * local dates) would strand, earliest first. With `lock`, the rows are locked until the transaction ends.
 */
export async function findStrandedBookings({ locationId, startsOn, endsOn, lock = false, tx = getDb() }: { locationId: number | null; startsOn: string; endsOn: string; lock?: boolean; tx?: DbOrTx }): Promise<StrandedBooking[]> {
  const query = tx
    .select(strandedBookingColumns)
    .from(bookings)
    .innerJoin(locations, eq(locations.id, bookings.locationId))
    .where(and(eq(bookings.status, 'booked'), locationId === null ? undefined : eq(bookings.locationId, locationId), onLocalDates(startsOn, endsOn)))
    .orderBy(sql`lower(${bookings.during})`, asc(bookings.id));
  return lock ? query.for('update', { of: bookings }) : query;
}

/**
 * Ends running holds on a closure's dates, so no citizen half-way through the booking flow can still confirm
 * an appointment on a day that is now closed. Returns how many holds ended.
 */
export async function expireHoldsOnDates({ locationId, startsOn, endsOn, tx }: { locationId: number | null; startsOn: string; endsOn: string; tx: DbOrTx }): Promise<number> {
  const rows = await tx
    .update(bookings)
    .set({ status: 'expired' })
    .from(locations)
    .where(and(eq(locations.id, bookings.locationId), eq(bookings.status, 'held'), locationId === null ? undefined : eq(bookings.locationId, locationId), onLocalDates(startsOn, endsOn)))
    .returning({ id: bookings.id });
  return rows.length;
}

/** Cancels booked appointments with the reason in each booking's language; returns the rows that changed. */
export async function cancelBookingsWithReason({ ids, reason, tx }: { ids: number[]; reason: Localized; tx: DbOrTx }) {
  if (ids.length === 0) return [];
  return tx
    .update(bookings)
    .set({ status: 'cancelled', cancelledAt: sql`now()`, cancelledBy: 'closure', cancelReason: sql`case when ${bookings.locale} = 'en' then ${reason.en} else ${reason.de} end` })
    .where(and(inArray(bookings.id, ids), eq(bookings.status, 'booked')))
    .returning({ id: bookings.id, email: bookings.email, cancelReason: bookings.cancelReason });
}

/**
 * Takes the advisory locks that slot holds take (`pg_advisory_xact_lock(location, local date as days since
 * 1970-01-01)`, see `insertHold`) for every location and day that `[from, to)` touches, in a fixed order,
 * so no hold is being written on those days while a closure is created. A local date is the UTC date of
 * the same instant or one day off, so one day either side of the UTC dates covers every time zone.
 */
export async function lockBookingDays({ locationIds, from, to, tx }: { locationIds: number[]; from: Date; to: Date; tx: DbOrTx }) {
  const firstDay = Math.floor(from.getTime() / 86_400_000) - 1;
  const lastDay = Math.floor((to.getTime() - 1) / 86_400_000) + 1;
  if (locationIds.length === 0 || lastDay < firstDay) return;
  await tx.execute(sql`
    select pg_advisory_xact_lock(l.id, d.day)
    from unnest(${`{${[...locationIds].sort((a, b) => a - b).join(',')}}`}::int[]) as l(id)
    cross join generate_series(${firstDay}::int, ${lastDay}::int) as d(day)
    order by l.id, d.day`);
}

export async function insertClosure({ locationId, startsOn, endsOn, reason, tx }: { locationId: number | null; startsOn: string; endsOn: string; reason: Localized; tx: DbOrTx }) {
  const [row] = await tx.insert(closures).values({ locationId, startsOn, endsOn, reason }).returning();
  return row!;
}

export async function deleteClosure({ id, tx }: { id: number; tx: DbOrTx }) {
  const [row] = await tx.delete(closures).where(eq(closures.id, id)).returning();
  return row ?? null;
}

/** The locations a closure of `locationId` (null: every location) applies to. */
export async function closureLocations({ locationId, tx }: { locationId: number | null; tx: DbOrTx }) {
  return tx
    .select({ id: locations.id, timeZone: locations.timeZone, bookingHorizonDays: locations.bookingHorizonDays })
    .from(locations)
    .where(locationId === null ? undefined : eq(locations.id, locationId))
    .orderBy(asc(locations.id));
}
