import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { locations, openingHours } from '@/db/schema';

export type LocationWithHours = typeof locations.$inferSelect & { openingHours: (typeof openingHours.$inferSelect)[] };

/** Active locations in display order, each with its weekly opening hours. */
export async function listLocations({ tx = getDb() }: { tx?: DbOrTx } = {}): Promise<LocationWithHours[]> {
  const [rows, hours] = await Promise.all([
    tx.select().from(locations).where(eq(locations.active, true)).orderBy(asc(locations.position), asc(locations.id)),
    tx.select().from(openingHours).orderBy(asc(openingHours.weekday), asc(openingHours.opensAt)),
  ]);
  return rows.map((location) => ({ ...location, openingHours: hours.filter((h) => h.locationId === location.id) }));
}
