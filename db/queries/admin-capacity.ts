import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { activeBookingStatuses, bookings, locations } from '@/db/schema';
import { strandedBookingColumns, type StrandedBooking } from './admin-closures';

export type OccupyingBooking = StrandedBooking & { counterId: number; status: (typeof activeBookingStatuses)[number]; holdExpiresAt: Date | null };

/**
 * Every booking and hold of a location that still occupies a counter after `now`, locked until the
 * transaction ends, so none changes between the plan and its execution.
 */
export async function lockOccupyingBookings({ locationId, now, tx }: { locationId: number; now: Date; tx: DbOrTx }): Promise<OccupyingBooking[]> {
  return tx
    .select({
      ...strandedBookingColumns,
      counterId: bookings.counterId,
      status: bookings.status,
      holdExpiresAt: bookings.holdExpiresAt,
    })
    .from(bookings)
    .innerJoin(locations, eq(locations.id, bookings.locationId))
    .where(and(eq(bookings.locationId, locationId), inArray(bookings.status, [...activeBookingStatuses]), sql`upper(${bookings.during}) > ${now.toISOString()}::timestamptz`))
    .orderBy(sql`lower(${bookings.during})`, bookings.id)
    .for('update', { of: bookings }) as Promise<OccupyingBooking[]>;
}

/** Puts bookings on other counters of their location, keeping their times, in one statement (a re-pack may swap two). */
export { moveBookingsToCounters as moveToCounters } from './bookings';

/** Ends running holds by id; their citizens see "your time ran out" and choose again. */
export async function expireHolds({ ids, tx }: { ids: readonly number[]; tx: DbOrTx }) {
  if (ids.length === 0) return;
  await tx.update(bookings).set({ status: 'expired' }).where(and(inArray(bookings.id, [...ids]), eq(bookings.status, 'held')));
}
