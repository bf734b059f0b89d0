import 'server-only';
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { bookingServices, bookings, locations, services } from '@/db/schema';
import type { HeldBooking } from './bookings';

/** One booking with its location and services, in the shape the booking pages already show. */
export type BookingDetails = HeldBooking;

async function findBookingWhere(where: SQL, tx: DbOrTx): Promise<BookingDetails | null> {
  const [row] = await tx
    .select({ booking: bookings, location: locations, holdActive: sql<boolean>`${bookings.status} = 'held' and ${bookings.holdExpiresAt} > now()` })
    .from(bookings)
    .innerJoin(locations, eq(locations.id, bookings.locationId))
    .where(where);
  if (!row) return null;
  const items = await tx
    .select({ serviceId: services.id, slug: services.slug, name: services.name, fee: services.fee, count: bookingServices.count, minutesPerUnit: bookingServices.minutesPerUnit })
    .from(bookingServices)
    .innerJoin(services, eq(services.id, bookingServices.serviceId))
    .where(eq(bookingServices.bookingId, row.booking.id))
    .orderBy(asc(services.position), asc(services.id));
  return { ...row.booking, location: row.location, items, holdActive: row.holdActive };
}

/** The booking with this number (already normalised), with location and services; null if there is none. */
export async function findBookingByCode({ code, tx = getDb() }: { code: string; tx?: DbOrTx }): Promise<BookingDetails | null> {
  return findBookingWhere(eq(bookings.code, code), tx);
}

export async function findBookingById({ id, tx = getDb() }: { id: number; tx?: DbOrTx }): Promise<BookingDetails | null> {
  return findBookingWhere(eq(bookings.id, id), tx);
}
