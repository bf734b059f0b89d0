import 'server-only';
import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { bookingServices, bookings, counters, services } from '@/db/schema';

export type PlanBooking = {
  id: number;
  code: string;
  counterId: number;
  start: Date;
  end: Date;
  status: (typeof bookings.$inferSelect)['status'];
  name: string | null;
  email: string | null;
  phone: string | null;
  source: (typeof bookings.$inferSelect)['source'];
  items: { name: { de: string; en: string }; count: number }[];
};

const planColumns = {
  id: bookings.id,
  code: bookings.code,
  counterId: bookings.counterId,
  start: sql<Date>`lower(${bookings.during})`.mapWith((v) => new Date(v)),
  end: sql<Date>`upper(${bookings.during})`.mapWith((v) => new Date(v)),
  status: bookings.status,
  name: bookings.name,
  email: bookings.email,
  phone: bookings.phone,
  source: bookings.source,
};

async function withItems(rows: Omit<PlanBooking, 'items'>[], tx: DbOrTx): Promise<PlanBooking[]> {
  if (rows.length === 0) return [];
  const items = await tx
    .select({ bookingId: bookingServices.bookingId, name: services.name, count: bookingServices.count })
    .from(bookingServices)
    .innerJoin(services, eq(services.id, bookingServices.serviceId))
    .where(inArray(bookingServices.bookingId, rows.map((r) => r.id)))
    .orderBy(asc(services.position));
  return rows.map((r) => ({ ...r, items: items.filter((i) => i.bookingId === r.id).map(({ name, count }) => ({ name, count })) }));
}

/** Counters and the day's bookings (not holds) of one location between `from` and `to`. Callers check access first. */
export async function loadDayPlan({ locationId, from, to, tx = getDb() }: { locationId: number; from: Date; to: Date; tx?: DbOrTx }) {
  const [counterRows, rows] = await Promise.all([
    tx.select({ id: counters.id, name: counters.name, active: counters.active }).from(counters).where(eq(counters.locationId, locationId)).orderBy(asc(counters.position), asc(counters.id)),
    tx
      .select(planColumns)
      .from(bookings)
      .where(
        and(
          eq(bookings.locationId, locationId),
          inArray(bookings.status, ['booked', 'checked_in', 'done', 'no_show', 'cancelled']),
          sql`${bookings.during} && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz)`,
        ),
      )
      .orderBy(sql`lower(${bookings.during})`),
  ]);
  return { counters: counterRows, bookings: await withItems(rows, tx) };
}

/** Bookings of one location whose number or name matches `query`, newest first. */
export async function searchBookings({ locationId, query, tx = getDb() }: { locationId: number; query: string; tx?: DbOrTx }) {
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await tx
    .select(planColumns)
    .from(bookings)
    .where(and(eq(bookings.locationId, locationId), inArray(bookings.status, ['booked', 'checked_in', 'done', 'no_show', 'cancelled']), or(ilike(bookings.code, pattern), ilike(bookings.name, pattern))))
    .orderBy(sql`lower(${bookings.during}) desc`)
    .limit(50);
  return withItems(rows, tx);
}
