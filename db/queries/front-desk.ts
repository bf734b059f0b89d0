import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { bookingServices, bookings, counters, kioskDevices, locations, visits } from '@/db/schema';

/** The channel every change of a waiting room is announced on; the payload is the location id. */
export const FRONT_DESK_CHANNEL = 'front_desk';

/** Announces a change of `locationId`'s waiting room when the surrounding transaction commits (never for a rollback). */
export async function notifyFrontDesk({ locationId, tx }: { locationId: number; tx: DbOrTx }) {
  await tx.execute(sql`select pg_notify(${FRONT_DESK_CHANNEL}, ${String(locationId)})`);
}

/** Serialises changes to one office's waiting room (numbers, calls) inside the transaction. */
export async function lockWaitingRoom({ locationId, tx }: { locationId: number; tx: DbOrTx }) {
  // Namespace 0x46440000 ("FD") keeps these keys apart from the holds' (location, day) locks.
  await tx.execute(sql`select pg_advisory_xact_lock(${0x46440000}, ${locationId})`);
}

export async function nextVisitNumber({ locationId, day, tx }: { locationId: number; day: string; tx: DbOrTx }): Promise<number> {
  const [row] = await tx.select({ max: sql<number>`coalesce(max(${visits.number}), 0)::int` }).from(visits).where(and(eq(visits.locationId, locationId), eq(visits.day, day)));
  return (row?.max ?? 0) + 1;
}

export type VisitRow = typeof visits.$inferSelect;

/** The booking a kiosk may check in: found by its number or by the QR code's token, at the kiosk's office, locked. */
export async function lockBookingForCheckIn({ locationId, code, token, tx }: { locationId: number; code?: string; token?: string; tx: DbOrTx }) {
  const match = code ? eq(bookings.code, code) : eq(bookings.checkInToken, token ?? '');
  const [booking] = await tx
    .select({ id: bookings.id, status: bookings.status, during: bookings.during, locationId: bookings.locationId })
    .from(bookings)
    .where(and(match, eq(bookings.locationId, locationId)))
    .for('update');
  if (!booking) return null;
  const [minutes] = await tx.select({ total: sql<number>`coalesce(sum(${bookingServices.count} * ${bookingServices.minutesPerUnit}), 0)::int` }).from(bookingServices).where(eq(bookingServices.bookingId, booking.id));
  return { ...booking, minutes: minutes?.total ?? 0 };
}

export async function visitOfBooking({ bookingId, tx = getDb() }: { bookingId: number; tx?: DbOrTx }) {
  const [visit] = await tx.select().from(visits).where(eq(visits.bookingId, bookingId));
  return visit ?? null;
}

export async function insertVisit({ tx, ...values }: { tx: DbOrTx } & typeof visits.$inferInsert): Promise<VisitRow> {
  const [visit] = await tx.insert(visits).values(values).returning();
  return visit!;
}

/** Today's visits of an office, oldest first, for the queue, the call display and the day plan. */
export async function visitsOfDay({ locationId, day, tx = getDb() }: { locationId: number; day: string; tx?: DbOrTx }): Promise<VisitRow[]> {
  return tx.select().from(visits).where(and(eq(visits.locationId, locationId), eq(visits.day, day))).orderBy(asc(visits.id));
}

/** The latest calls of the day, newest first: what the call display shows (numbers and counters only). */
export async function latestCalls({ locationId, day, limit, tx = getDb() }: { locationId: number; day: string; limit: number; tx?: DbOrTx }) {
  return tx
    .select({ id: visits.id, kind: visits.kind, number: visits.number, status: visits.status, calls: visits.calls, lastCalledAt: visits.lastCalledAt, counterName: counters.name })
    .from(visits)
    .innerJoin(counters, eq(counters.id, visits.counterId))
    .where(and(eq(visits.locationId, locationId), eq(visits.day, day), isNotNull(visits.lastCalledAt), inArray(visits.status, ['called', 'done'])))
    .orderBy(desc(visits.lastCalledAt), desc(visits.id))
    .limit(limit);
}

export async function lockVisit({ visitId, tx }: { visitId: number; tx: DbOrTx }) {
  const [visit] = await tx.select().from(visits).where(eq(visits.id, visitId)).for('update');
  return visit ?? null;
}

export async function updateVisit({ visitId, values, tx }: { visitId: number; values: Partial<typeof visits.$inferInsert>; tx: DbOrTx }) {
  await tx.update(visits).set(values).where(eq(visits.id, visitId));
}

export async function frontDeskLocation({ slug, id, tx = getDb() }: { slug?: string; id?: number; tx?: DbOrTx }) {
  const [location] = await tx
    .select({ id: locations.id, slug: locations.slug, name: locations.name, timeZone: locations.timeZone, checkInEarlyMinutes: locations.checkInEarlyMinutes, checkInLateMinutes: locations.checkInLateMinutes, walkInEvery: locations.walkInEvery })
    .from(locations)
    .where(and(slug !== undefined ? eq(locations.slug, slug) : eq(locations.id, id ?? -1), eq(locations.active, true), eq(locations.mode, 'booking')));
  return location ?? null;
}

export async function countersOf({ locationId, tx = getDb() }: { locationId: number; tx?: DbOrTx }) {
  return tx.select({ id: counters.id, name: counters.name }).from(counters).where(and(eq(counters.locationId, locationId), eq(counters.active, true))).orderBy(asc(counters.position), asc(counters.id));
}

// Kiosk devices

export async function insertKioskDevice({ tx = getDb(), ...values }: { tx?: DbOrTx; locationId: number; name: string; tokenHash: string; createdBy: number }) {
  const [device] = await tx.insert(kioskDevices).values(values).returning({ id: kioskDevices.id });
  return device!;
}

export async function kioskDevicesOf({ locationIds, tx = getDb() }: { locationIds: number[]; tx?: DbOrTx }) {
  if (locationIds.length === 0) return [];
  return tx
    .select({ id: kioskDevices.id, name: kioskDevices.name, locationId: kioskDevices.locationId, createdAt: kioskDevices.createdAt, lastSeenAt: kioskDevices.lastSeenAt, revokedAt: kioskDevices.revokedAt })
    .from(kioskDevices)
    .where(inArray(kioskDevices.locationId, locationIds))
    .orderBy(asc(kioskDevices.id));
}

export async function revokeKioskDevice({ id, tx = getDb() }: { id: number; tx?: DbOrTx }) {
  const [device] = await tx.update(kioskDevices).set({ revokedAt: new Date() }).where(and(eq(kioskDevices.id, id), isNull(kioskDevices.revokedAt))).returning({ id: kioskDevices.id, locationId: kioskDevices.locationId });
  return device ?? null;
}

/** The device a kiosk token belongs to, unless revoked; marks it seen. */
export async function kioskDeviceByTokenHash({ tokenHash, tx = getDb() }: { tokenHash: string; tx?: DbOrTx }) {
  const [device] = await tx
    .update(kioskDevices)
    .set({ lastSeenAt: new Date() })
    .where(and(eq(kioskDevices.tokenHash, tokenHash), isNull(kioskDevices.revokedAt)))
    .returning({ id: kioskDevices.id, locationId: kioskDevices.locationId, name: kioskDevices.name });
  return device ?? null;
}

/** Names of the bookings behind visits, for the staff's waiting list only (never the display). */
export async function bookingNames({ ids, tx = getDb() }: { ids: number[]; tx?: DbOrTx }): Promise<Map<number, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: bookings.id, name: bookings.name, code: bookings.code }).from(bookings).where(inArray(bookings.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export type FrontDeskSettings = { checkInEarlyMinutes: number; checkInLateMinutes: number; walkInEvery: number };

export async function updateFrontDeskSettings({ locationId, settings, tx }: { locationId: number; settings: FrontDeskSettings; tx: DbOrTx }) {
  const [before] = await tx.select({ checkInEarlyMinutes: locations.checkInEarlyMinutes, checkInLateMinutes: locations.checkInLateMinutes, walkInEvery: locations.walkInEvery }).from(locations).where(eq(locations.id, locationId)).for('update');
  if (!before) return null;
  await tx.update(locations).set(settings).where(eq(locations.id, locationId));
  return before;
}
