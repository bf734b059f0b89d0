import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { counters, locations, openingHours } from '@/db/schema';

export type AdminLocation = typeof locations.$inferSelect & {
  counters: (typeof counters.$inferSelect)[];
  openingHours: (typeof openingHours.$inferSelect)[];
};

/** Every location (inactive ones too) in display order, with all its counters and weekly windows. */
export async function listAdminLocations({ tx = getDb() }: { tx?: DbOrTx } = {}): Promise<AdminLocation[]> {
  const [rows, counterRows, hours] = await Promise.all([
    tx.select().from(locations).orderBy(asc(locations.position), asc(locations.id)),
    tx.select().from(counters).orderBy(asc(counters.position), asc(counters.id)),
    tx.select().from(openingHours).orderBy(asc(openingHours.weekday), asc(openingHours.opensAt)),
  ]);
  return rows.map((location) => ({
    ...location,
    counters: counterRows.filter((c) => c.locationId === location.id),
    openingHours: hours.filter((h) => h.locationId === location.id),
  }));
}

/**
 * Locks one location's row until the transaction ends. Changes to its opening hours and counters take
 * this lock first, so two admins cannot each add one of two overlapping windows.
 */
export async function lockLocation({ id, tx }: { id: number; tx: DbOrTx }) {
  // NO KEY UPDATE: serialises admins without blocking holds, whose bookings rows reference the location
  // (KEY SHARE); FOR UPDATE would deadlock with a hold that waits for the advisory lock the change takes.
  const [row] = await tx.select().from(locations).where(eq(locations.id, id)).for('no key update');
  return row ?? null;
}

export async function listWindows({ locationId, tx = getDb() }: { locationId: number; tx?: DbOrTx }) {
  return tx.select().from(openingHours).where(eq(openingHours.locationId, locationId)).orderBy(asc(openingHours.weekday), asc(openingHours.opensAt));
}

export async function countActiveCounters({ locationId, tx = getDb() }: { locationId: number; tx?: DbOrTx }): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(counters).where(and(eq(counters.locationId, locationId), eq(counters.active, true)));
  return row?.n ?? 0;
}

export async function insertWindow({ locationId, weekday, opensAt, closesAt, countersOpen, tx }: { locationId: number; weekday: number; opensAt: string; closesAt: string; countersOpen: number; tx: DbOrTx }) {
  const [row] = await tx.insert(openingHours).values({ locationId, weekday, opensAt, closesAt, countersOpen }).returning();
  return row!;
}

export async function findWindow({ id, tx = getDb() }: { id: number; tx?: DbOrTx }) {
  const [row] = await tx.select().from(openingHours).where(eq(openingHours.id, id));
  return row ?? null;
}

export async function deleteWindow({ id, tx }: { id: number; tx: DbOrTx }) {
  const [row] = await tx.delete(openingHours).where(eq(openingHours.id, id)).returning();
  return row ?? null;
}

export async function listCounters({ locationId, tx = getDb() }: { locationId: number; tx?: DbOrTx }) {
  return tx.select().from(counters).where(eq(counters.locationId, locationId)).orderBy(asc(counters.position), asc(counters.id));
}

export async function findCounter({ id, tx = getDb() }: { id: number; tx?: DbOrTx }) {
  const [row] = await tx.select().from(counters).where(eq(counters.id, id));
  return row ?? null;
}

/** A new active counter at the end of the location's list. */
export async function insertCounter({ locationId, name, tx }: { locationId: number; name: string; tx: DbOrTx }) {
  const [row] = await tx
    .insert(counters)
    .values({ locationId, name, position: sql`(select coalesce(max(${counters.position}), -1) + 1 from ${counters} where ${counters.locationId} = ${locationId})` })
    .returning();
  return row!;
}

export async function updateCounter({ id, name, active, tx }: { id: number; name?: string; active?: boolean; tx: DbOrTx }) {
  const [row] = await tx.update(counters).set({ name, active }).where(eq(counters.id, id)).returning();
  return row ?? null;
}

export async function updateWindowCounters({ id, countersOpen, tx }: { id: number; countersOpen: number; tx: DbOrTx }) {
  const [row] = await tx.update(openingHours).set({ countersOpen }).where(eq(openingHours.id, id)).returning();
  return row ?? null;
}

export type OfficeSettings = Pick<typeof locations.$inferSelect, 'bookingHorizonDays' | 'minLeadMinutes' | 'holdMinutes' | 'slotStepMinutes' | 'maxFutureBookingsPerEmail' | 'requireChallenge' | 'challengeWork'>;

export async function updateOfficeSettings({ id, settings, tx }: { id: number; settings: OfficeSettings; tx: DbOrTx }) {
  const [row] = await tx.update(locations).set(settings).where(eq(locations.id, id)).returning();
  return row ?? null;
}

/** An office's release schedule; `releaseTime` null: no fixed release. */
export async function updateReleaseSchedule({ id, releaseTime, releaseWeekdays, tx }: { id: number; releaseTime: string | null; releaseWeekdays: number[]; tx: DbOrTx }) {
  const [row] = await tx.update(locations).set({ releaseTime, releaseWeekdays }).where(eq(locations.id, id)).returning();
  return row ?? null;
}
