import 'server-only';
import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { activeBookingStatuses, availabilityVersions, bookings, closures, counters, documents, locationServices, locations, openingHours, serviceDocuments, services } from '@/db/schema';
import type { BusyInterval, Closure, LocalDate, WeeklyWindow } from '@/lib/slots';
import { isSlug } from '@/lib/validation/text';

export type BookableService = {
  id: number;
  slug: string;
  name: { de: string; en: string };
  description: { de: string; en: string };
  minutesPerUnit: number;
  maxCount: number;
  documentIds: number[];
};

export type LocationForBooking = typeof locations.$inferSelect & {
  counterIds: number[];
  windows: WeeklyWindow[];
  services: BookableService[];
  documents: Map<number, { id: number; name: { de: string; en: string }; hint: { de: string; en: string } | null; formUrl: string | null }>;
};

/** Everything about a location that does not change from request to request: counters, hours, services, documents. */
export async function loadLocationForBooking({ slug, tx = getDb() }: { slug: string; tx?: DbOrTx }): Promise<LocationForBooking | null> {
  // Slugs come straight from URLs and forms; one no location can have (a NUL byte would even fail the query) finds none.
  if (!isSlug(slug)) return null;
  const [location] = await tx.select().from(locations).where(and(eq(locations.slug, slug), eq(locations.active, true)));
  if (!location) return null;
  const [counterRows, windowRows, serviceRows, documentRows] = await Promise.all([
    tx.select({ id: counters.id }).from(counters).where(and(eq(counters.locationId, location.id), eq(counters.active, true))).orderBy(asc(counters.position), asc(counters.id)),
    tx.select().from(openingHours).where(eq(openingHours.locationId, location.id)),
    tx
      .select({ id: services.id, slug: services.slug, name: services.name, description: services.description, minutesPerUnit: locationServices.minutesPerUnit, maxCount: locationServices.maxCount })
      .from(locationServices)
      .innerJoin(services, eq(services.id, locationServices.serviceId))
      .where(and(eq(locationServices.locationId, location.id), eq(services.active, true)))
      .orderBy(asc(services.position), asc(services.id)),
    tx
      .select({ serviceId: serviceDocuments.serviceId, id: documents.id, name: documents.name, hint: documents.hint, formUrl: documents.formUrl })
      .from(serviceDocuments)
      .innerJoin(documents, eq(documents.id, serviceDocuments.documentId))
      .orderBy(asc(serviceDocuments.position), asc(documents.id)),
  ]);
  return {
    ...location,
    counterIds: counterRows.map((c) => c.id),
    windows: windowRows.map((w) => ({ weekday: w.weekday, opensAt: w.opensAt, closesAt: w.closesAt, countersOpen: w.countersOpen })),
    services: serviceRows.map((s) => ({ ...s, documentIds: documentRows.filter((d) => d.serviceId === s.id).map((d) => d.id) })),
    documents: new Map(documentRows.map(({ serviceId: _, ...doc }) => [doc.id, doc])),
  };
}

/** Closures of this location or of every location that touch the local dates `from`…`to`. */
export async function loadClosures({ locationId, from, to, tx = getDb() }: { locationId: number; from: LocalDate; to: LocalDate; tx?: DbOrTx }): Promise<Closure[]> {
  return tx
    .select({ startsOn: closures.startsOn, endsOn: closures.endsOn })
    .from(closures)
    .where(and(or(eq(closures.locationId, locationId), isNull(closures.locationId)), lte(closures.startsOn, to), gte(closures.endsOn, from)));
}

/**
 * When a time cancelled at `cancelledAt` is offered again: `releaseDelayMinutes` later, rounded up to the next
 * full quarter hour (:00, :15, :30, :45), so citizens can know when cancelled times come back; 0 (staff) at once.
 */
const cancelledReleaseAt = (releaseDelayMinutes: number) =>
  sql`case when ${releaseDelayMinutes}::int = 0 then ${bookings.cancelledAt}
      else to_timestamp(ceil(extract(epoch from ${bookings.cancelledAt} + make_interval(mins => ${releaseDelayMinutes}::int)) / 900) * 900) end`;

/**
 * Counter time taken between `from` and `to`: active bookings, unexpired holds, and cancelled bookings whose
 * time is not offered again yet (`cancelledReleaseAt`), each with the `kind` that says whether a re-pack may
 * move it. `changesInMs`: how long until one of them changes by the clock alone (a hold expires, a cancelled
 * time comes back, a booking starts and can no longer move); null when none will. Measured on the database's
 * clock, so a cache on another machine's clock is off by the skew only, not by the query's age.
 */
export async function loadBusyState({ locationId, from, to, releaseDelayMinutes = 0, tx = getDb() }: BusyInput): Promise<{ busy: BusyInterval[]; changesInMs: number | null }> {
  const releaseAt = cancelledReleaseAt(releaseDelayMinutes);
  const rows = await tx
    .select({
      ...busyFields,
      changesInMs: sql<number | null>`extract(epoch from least(
          case when ${bookings.status} = 'held' then ${bookings.holdExpiresAt} end,
          case when ${bookings.status} = 'cancelled' then ${releaseAt} end,
          case when lower(${bookings.during}) > now() then lower(${bookings.during}) end) - now()) * 1000`,
    })
    .from(bookings)
    .where(busyWhere({ locationId, from, to, releaseAt }));
  const changes = rows.map((r) => (r.changesInMs === null ? Number.POSITIVE_INFINITY : Number(r.changesInMs)));
  const changesInMs = Math.min(Number.POSITIVE_INFINITY, ...changes);
  return { busy: rows.map(toBusyInterval), changesInMs: Number.isFinite(changesInMs) ? Math.max(0, changesInMs) : null };
}

/**
 * `loadBusyState`'s intervals alone, without working out when they change by the clock: what only the availability
 * cache needs costs the uncached reads (holds, the waitlist, staff) a fifth of their time over a long range.
 */
export async function loadBusyIntervals({ locationId, from, to, releaseDelayMinutes = 0, tx = getDb() }: BusyInput): Promise<BusyInterval[]> {
  const rows = await tx.select(busyFields).from(bookings).where(busyWhere({ locationId, from, to, releaseAt: cancelledReleaseAt(releaseDelayMinutes) }));
  return rows.map(toBusyInterval);
}

type BusyInput = { locationId: number; from: Date; to: Date; releaseDelayMinutes?: number; tx?: DbOrTx };

const busyFields = { counterId: bookings.counterId, status: bookings.status, start: sql<Date>`lower(${bookings.during})`, end: sql<Date>`upper(${bookings.during})` };

/** Active bookings overlapping `[from, to)`, and cancelled ones whose time has not come back yet. */
const busyWhere = ({ locationId, from, to, releaseAt }: { locationId: number; from: Date; to: Date; releaseAt: ReturnType<typeof cancelledReleaseAt> }) =>
  and(
    eq(bookings.locationId, locationId),
    sql`${bookings.during} && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz)`,
    or(
      and(inArray(bookings.status, [...activeBookingStatuses]), sql`not (${bookings.status} = 'held' and ${bookings.holdExpiresAt} <= now())`),
      and(eq(bookings.status, 'cancelled'), sql`${releaseAt} > now()`),
    ),
  );

// Held and booked times may be re-packed onto other counters; checked-in (and later) ones stay put.
const kindOf = (status: string): BusyInterval['kind'] => (status === 'cancelled' ? 'released' : status === 'held' || status === 'booked' ? 'movable' : 'fixed');
const toBusyInterval = (r: { counterId: number; status: string; start: Date; end: Date }): BusyInterval => ({ counterId: r.counterId, start: new Date(r.start), end: new Date(r.end), kind: kindOf(r.status) });

/** Every location's availability versions (see `availabilityVersions`); a location without a row has 0 and 0. */
export async function loadAvailabilityVersions({ tx = getDb() }: { tx?: DbOrTx } = {}): Promise<Map<number, { version: number; configVersion: number }>> {
  const rows = await tx.select({ locationId: availabilityVersions.locationId, version: availabilityVersions.version, configVersion: availabilityVersions.configVersion }).from(availabilityVersions);
  return new Map(rows.map((r) => [r.locationId, { version: r.version, configVersion: r.configVersion }]));
}
