import 'server-only';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { countEvent } from './metric-counts';
import { bookingServices, bookings } from '@/db/schema';

const lockedColumns = {
  id: bookings.id,
  code: bookings.code,
  status: bookings.status,
  pinHash: bookings.pinHash,
  locationId: bookings.locationId,
  during: bookings.during,
  cancelReason: bookings.cancelReason,
  rescheduledFromId: bookings.rescheduledFromId,
  name: bookings.name,
  email: bookings.email,
  phone: bookings.phone,
  locale: bookings.locale,
  /** True while a hold is in force (database clock). */
  holdActive: sql<boolean>`${bookings.status} = 'held' and ${bookings.holdExpiresAt} > now()`,
};

export type LockedBooking = {
  id: number;
  code: string;
  status: (typeof bookings.$inferSelect)['status'];
  pinHash: string | null;
  locationId: number;
  during: { start: Date; end: Date };
  cancelReason: string | null;
  rescheduledFromId: number | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  locale: string;
  holdActive: boolean;
};

/** Locks the booking with this number until the transaction ends, so a cancel and a move of it run one after the other. */
export async function lockBookingByCode({ code, tx }: { code: string; tx: Tx }): Promise<LockedBooking | null> {
  const [row] = await tx.select(lockedColumns).from(bookings).where(eq(bookings.code, code)).for('update');
  return row ?? null;
}

/** Locks the booking or hold this browser's hold token belongs to. */
export async function lockBookingByTokenHash({ tokenHash, tx }: { tokenHash: string; tx: Tx }): Promise<LockedBooking | null> {
  const [row] = await tx.select(lockedColumns).from(bookings).where(eq(bookings.holdTokenHash, tokenHash)).for('update');
  return row ?? null;
}

/** Services and counts of one booking, by service id. */
export async function listBookingItems({ bookingId, tx }: { bookingId: number; tx: Tx }): Promise<{ serviceId: number; count: number }[]> {
  return tx
    .select({ serviceId: bookingServices.serviceId, count: bookingServices.count })
    .from(bookingServices)
    .where(eq(bookingServices.bookingId, bookingId))
    .orderBy(asc(bookingServices.serviceId));
}

/** Cancels a booked appointment; its counter time is free at once (a cancelled row is outside the exclusion constraint). */
export async function markBookingCancelled({ id, reason, by, tx }: { id: number; reason: string | null; by: 'citizen' | 'rescheduled'; tx: Tx }): Promise<boolean> {
  const rows = await tx
    .update(bookings)
    .set({ status: 'cancelled', cancelledAt: sql`now()`, cancelledBy: by, cancelReason: reason })
    .where(and(eq(bookings.id, id), eq(bookings.status, 'booked')))
    .returning({ id: bookings.id });
  return rows.length === 1;
}

/**
 * Turns a running hold into the booking that replaces `from`: contact and language are copied from the
 * old booking, the PIN is new. Null if the hold ran out meanwhile.
 */
export async function bookHoldAsReplacement({ holdId, from, pinHash, pinSealed, tx }: {
  holdId: number;
  from: Pick<LockedBooking, 'id' | 'name' | 'email' | 'phone' | 'locale'>;
  pinHash: string;
  pinSealed: string;
  tx: Tx;
}): Promise<{ id: number; code: string } | null> {
  const [row] = await tx
    .update(bookings)
    .set({
      status: 'booked',
      confirmedAt: sql`now()`,
      pinHash,
      pinSealed,
      name: from.name,
      email: from.email,
      phone: from.phone,
      locale: from.locale,
      rescheduledFromId: from.id,
    })
    .where(and(eq(bookings.id, holdId), eq(bookings.status, 'held'), gt(bookings.holdExpiresAt, sql`now()`)))
    .returning({ id: bookings.id, code: bookings.code });
  if (row) await countEvent({ name: 'bookings_confirmed', label: 'rescheduled', tx });
  return row ?? null;
}
