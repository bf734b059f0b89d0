import 'server-only';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx, type Tx } from '@/db/client';
import { countEvent } from './metric-counts';
import { appointmentRequests, bookings, locations, requestServices, services, type Localized, type PreferredWindow } from '@/db/schema';
import { generateRequestCode } from '@/lib/requests/reference';

const UNIQUE_VIOLATION = '23505';

const pgError = (error: unknown) => ((error as { cause?: { code?: string; constraint?: string } })?.cause ?? (error as { code?: string; constraint?: string })) ?? {};

export type RequestItem = { serviceId: number; count: number };

export type NewRequest = {
  pinSealed: string;
  locationId: number;
  preferences: PreferredWindow[];
  locale: string;
  name: string;
  email: string;
  phone: string | null;
  note: string | null;
};

/**
 * Serialises request submissions per email address until the transaction ends, so two copies of one
 * form sent at once cannot both pass the duplicate check.
 */
export async function lockRequester({ email, tx }: { email: string; tx: Tx }): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('appointment-request:' || lower(${email})))`);
}

/**
 * An open request with the same address, location, preferred days and services made within the last
 * `withinMinutes`: a resubmitted form. `preferences` must be normalised as they are stored.
 */
export async function findRecentDuplicate({ email, locationId, preferences, items, withinMinutes, tx = getDb() }: {
  email: string;
  locationId: number;
  preferences: PreferredWindow[];
  items: readonly RequestItem[];
  withinMinutes: number;
  tx?: DbOrTx;
}): Promise<{ id: number; code: string } | null> {
  const wanted = JSON.stringify([...items].sort((a, b) => a.serviceId - b.serviceId).map((i) => [i.serviceId, i.count]));
  const { rows } = await tx.execute<{ id: string; code: string }>(sql`
    select r.id, r.code from appointment_requests r
    where lower(r.email) = lower(${email}) and r.location_id = ${locationId} and r.status = 'open'
      and r.created_at > now() - make_interval(mins => ${withinMinutes})
      and r.preferences = ${JSON.stringify(preferences)}::jsonb
      and (select coalesce(jsonb_agg(jsonb_build_array(rs.service_id, rs.count) order by rs.service_id), '[]'::jsonb)
           from request_services rs where rs.request_id = r.id) = ${wanted}::jsonb
    order by r.created_at, r.id
    limit 1`);
  const row = rows[0];
  return row ? { id: Number(row.id), code: row.code } : null;
}

/**
 * Stores a request and its services; draws another number on the (one in 10^11) collision. The id is
 * taken first because the PIN hash covers it.
 */
export async function insertRequest({ request, pinHash, items, tx }: {
  request: NewRequest;
  pinHash: (id: number) => string;
  items: readonly RequestItem[];
  tx: Tx;
}): Promise<{ id: number; code: string }> {
  const { rows } = await tx.execute<{ id: string }>(sql`select nextval(pg_get_serial_sequence('appointment_requests', 'id')) as id`);
  const id = Number(rows[0]!.id);
  for (let attempt = 0; ; attempt++) {
    try {
      return await tx.transaction(async (savepoint) => {
        const [row] = await savepoint
          .insert(appointmentRequests)
          .values({ ...request, id, pinHash: pinHash(id), code: generateRequestCode(), status: 'open' })
          .returning({ id: appointmentRequests.id, code: appointmentRequests.code });
        await savepoint.insert(requestServices).values(items.map((item) => ({ requestId: row!.id, ...item })));
        return row!;
      });
    } catch (error) {
      const { code, constraint } = pgError(error);
      if (attempt < 3 && code === UNIQUE_VIOLATION && String(constraint).includes('code')) continue;
      throw error;
    }
  }
}

export type RequestRow = typeof appointmentRequests.$inferSelect;

export type RequestDetails = RequestRow & {
  location: Pick<typeof locations.$inferSelect, 'id' | 'slug' | 'name' | 'street' | 'postalCode' | 'city' | 'phone' | 'email' | 'timeZone'>;
  items: { serviceId: number; slug: string; name: Localized; count: number }[];
};

const locationColumns = {
  id: locations.id,
  slug: locations.slug,
  name: locations.name,
  street: locations.street,
  postalCode: locations.postalCode,
  city: locations.city,
  phone: locations.phone,
  email: locations.email,
  timeZone: locations.timeZone,
};

async function itemsOf(tx: DbOrTx, requestIds: number[]) {
  if (requestIds.length === 0) return [];
  return tx
    .select({ requestId: requestServices.requestId, serviceId: services.id, slug: services.slug, name: services.name, count: requestServices.count })
    .from(requestServices)
    .innerJoin(services, eq(services.id, requestServices.serviceId))
    .where(inArray(requestServices.requestId, requestIds))
    .orderBy(asc(services.position), asc(services.id));
}

async function findRequestsWhere(where: SQL | undefined, tx: DbOrTx): Promise<RequestDetails[]> {
  const rows = await tx
    .select({ request: appointmentRequests, location: locationColumns })
    .from(appointmentRequests)
    .innerJoin(locations, eq(locations.id, appointmentRequests.locationId))
    .where(where)
    .orderBy(asc(appointmentRequests.createdAt), asc(appointmentRequests.id));
  const items = await itemsOf(tx, rows.map((r) => r.request.id));
  return rows.map(({ request, location }) => ({
    ...request,
    location,
    items: items.filter((i) => i.requestId === request.id).map(({ requestId: _, ...item }) => item),
  }));
}

/** The request with this number (already normalised), with location and services; null if there is none. */
export async function findRequestByCode({ code, tx = getDb() }: { code: string; tx?: DbOrTx }): Promise<RequestDetails | null> {
  return (await findRequestsWhere(eq(appointmentRequests.code, code), tx))[0] ?? null;
}

export async function findRequestById({ id, tx = getDb() }: { id: number; tx?: DbOrTx }): Promise<RequestDetails | null> {
  return (await findRequestsWhere(eq(appointmentRequests.id, id), tx))[0] ?? null;
}

/** Open requests of one location, oldest first, with their services. */
export async function listOpenRequests({ locationId, tx = getDb() }: { locationId: number; tx?: DbOrTx }): Promise<RequestDetails[]> {
  return findRequestsWhere(and(eq(appointmentRequests.locationId, locationId), eq(appointmentRequests.status, 'open')), tx);
}

/** The citizen takes the request back; only an open one. Returns false if it was answered or withdrawn meanwhile. */
export async function withdrawOpenRequest({ id, tx = getDb() }: { id: number; tx?: DbOrTx }): Promise<boolean> {
  const rows = await tx
    .update(appointmentRequests)
    .set({ status: 'withdrawn' })
    .where(and(eq(appointmentRequests.id, id), eq(appointmentRequests.status, 'open')))
    .returning({ id: appointmentRequests.id });
  return rows.length === 1;
}

/**
 * Answers an open request exactly once: the UPDATE only matches while the status is still `open`, and a
 * second clerk's concurrent UPDATE waits for the first one's row lock, then matches nothing.
 */
export async function answerOpenRequest({ id, answer, actorId, tx }: {
  id: number;
  answer: { status: 'confirmed'; bookingId: number } | { status: 'declined'; reason: string };
  actorId: number;
  tx: Tx;
}): Promise<boolean> {
  const rows = await tx
    .update(appointmentRequests)
    .set({
      status: answer.status,
      answeredAt: sql`now()`,
      answeredBy: actorId,
      ...(answer.status === 'confirmed' ? { bookingId: answer.bookingId } : { declineReason: answer.reason }),
    })
    .where(and(eq(appointmentRequests.id, id), eq(appointmentRequests.status, 'open')))
    .returning({ id: appointmentRequests.id });
  return rows.length === 1;
}

/**
 * Turns a staff hold made for a request into a booking at once (source `request`) with the request's
 * contact details; the hold token is dropped, the citizen holds number and PIN like any online booker.
 */
export async function bookHoldForRequest({ tokenHash, pinHash, contact, tx }: {
  tokenHash: string;
  pinHash: string;
  contact: { name: string | null; email: string | null; phone: string | null };
  tx: Tx;
}): Promise<{ id: number; code: string } | null> {
  const [row] = await tx
    .update(bookings)
    .set({ status: 'booked', source: 'request', confirmedAt: sql`now()`, pinHash, holdTokenHash: null, ...contact })
    .where(and(eq(bookings.holdTokenHash, tokenHash), eq(bookings.status, 'held')))
    .returning({ id: bookings.id, code: bookings.code });
  if (row) await countEvent({ name: 'bookings_confirmed', label: 'request', tx });
  return row ?? null;
}
