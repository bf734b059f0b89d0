import 'server-only';
import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { bookingServices, bookings, counters, locations, services } from '@/db/schema';

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
  staffNote: string | null;
  /** What the citizen wrote in the appointment request this booking answers. */
  citizenNote: string | null;
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
  staffNote: bookings.staffNote,
  citizenNote: sql<string | null>`(select r.note from appointment_requests r where r.booking_id = ${bookings.id} limit 1)`,
};

async function withItems<Row extends Omit<PlanBooking, 'items'>>(rows: Row[], tx: DbOrTx): Promise<(Row & Pick<PlanBooking, 'items'>)[]> {
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

export type SearchHit = PlanBooking & { location: { id: number; slug: string; name: { de: string; en: string }; timeZone: string } };

/**
 * Bookings of the given locations whose number, name, email address or phone number matches `query`, the
 * coming ones first (soonest first), then the past ones (latest first). Phone numbers match on their digits,
 * so "0711 123" finds "+49 711 123…" only when typed alike, but "0711/123" finds "0711 123". Callers check access first.
 */
export async function searchBookings({ locationIds, query, now = new Date(), tx = getDb() }: { locationIds: number[]; query: string; now?: Date; tx?: DbOrTx }): Promise<SearchHit[]> {
  if (locationIds.length === 0) return [];
  const escape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
  const pattern = `%${escape(query)}%`;
  const digits = query.replace(/\D/g, '');
  const rows = await tx
    .select({ ...planColumns, location: { id: locations.id, slug: locations.slug, name: locations.name, timeZone: locations.timeZone } })
    .from(bookings)
    .innerJoin(locations, eq(locations.id, bookings.locationId))
    .where(
      and(
        inArray(bookings.locationId, locationIds),
        inArray(bookings.status, ['booked', 'checked_in', 'done', 'no_show', 'cancelled']),
        or(
          ilike(bookings.code, pattern),
          ilike(bookings.name, pattern),
          ilike(bookings.email, pattern),
          digits.length >= 4 ? sql`regexp_replace(${bookings.phone}, '\\D', '', 'g') like ${`%${digits}%`}` : undefined,
        ),
      ),
    )
    .orderBy(
      sql`upper(${bookings.during}) < ${now.toISOString()}::timestamptz`,
      sql`case when upper(${bookings.during}) >= ${now.toISOString()}::timestamptz then lower(${bookings.during}) end asc`,
      sql`lower(${bookings.during}) desc`,
    )
    .limit(50);
  return withItems(rows, tx);
}

/** Sets or clears (empty text) the clerks' internal note of a booking. Callers check access first. */
export async function setStaffNote({ bookingId, note, tx = getDb() }: { bookingId: number; note: string | null; tx?: DbOrTx }) {
  await tx.update(bookings).set({ staffNote: note }).where(eq(bookings.id, bookingId));
}
