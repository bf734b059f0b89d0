import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { locationServices, services, type Localized } from '@/db/schema';

export type AdminService = typeof services.$inferSelect & { offers: { locationId: number; minutesPerUnit: number; maxCount: number }[] };

/** Every service (inactive ones too) in display order, with the locations that offer it. */
export async function listAdminServices({ tx = getDb() }: { tx?: DbOrTx } = {}): Promise<AdminService[]> {
  const [rows, offers] = await Promise.all([tx.select().from(services).orderBy(asc(services.position), asc(services.id)), tx.select().from(locationServices)]);
  return rows.map((service) => ({
    ...service,
    offers: offers.filter((o) => o.serviceId === service.id).map(({ serviceId: _, ...offer }) => offer),
  }));
}

export async function lockService({ id, tx }: { id: number; tx: DbOrTx }) {
  const [row] = await tx.select().from(services).where(eq(services.id, id)).for('update');
  return row ?? null;
}

export async function listOffers({ serviceId, tx = getDb() }: { serviceId: number; tx?: DbOrTx }) {
  return tx.select().from(locationServices).where(eq(locationServices.serviceId, serviceId));
}

export async function updateServiceTexts({ id, name, description, tx }: { id: number; name: Localized; description: Localized; tx: DbOrTx }) {
  await tx.update(services).set({ name, description }).where(eq(services.id, id));
}

export async function upsertOffer({ serviceId, locationId, minutesPerUnit, maxCount, tx }: { serviceId: number; locationId: number; minutesPerUnit: number; maxCount: number; tx: DbOrTx }) {
  await tx
    .insert(locationServices)
    .values({ serviceId, locationId, minutesPerUnit, maxCount })
    .onConflictDoUpdate({ target: [locationServices.locationId, locationServices.serviceId], set: { minutesPerUnit, maxCount } });
}

export async function deleteOffer({ serviceId, locationId, tx }: { serviceId: number; locationId: number; tx: DbOrTx }) {
  await tx.delete(locationServices).where(and(eq(locationServices.serviceId, serviceId), eq(locationServices.locationId, locationId)));
}
