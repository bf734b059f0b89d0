import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { documents, locationServices, serviceDocuments, services, type Localized } from '@/db/schema';

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

export async function updateServiceTexts({ id, name, description, fee, tx }: { id: number; name: Localized; description: Localized; fee: Localized | null; tx: DbOrTx }) {
  await tx.update(services).set({ name, description, fee }).where(eq(services.id, id));
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

/**
 * `slug`, or `slug-2`, `slug-3` … if taken. Creations of one table queue on an advisory lock until their
 * transaction ends, so two admins adding the same name get different slugs instead of a unique violation.
 */
async function freeSlug({ table, slug, tx }: { table: 'services' | 'documents'; slug: string; tx: DbOrTx }): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`slugs:${table}`}))`);
  const { rows } = await tx.execute<{ slug: string }>(sql`select slug from ${sql.identifier(table)} where slug = ${slug} or slug like ${`${slug}-%`}`);
  const taken = new Set(rows.map((r) => r.slug));
  let unique = slug;
  for (let n = 2; taken.has(unique); n++) unique = `${slug}-${n}`;
  return unique;
}

/** A new service at the end of the list; its slug (used in booking links) is made unique with a number if needed. */
export async function insertService({ slug, name, description, active, tx }: { slug: string; name: Localized; description: Localized; active: boolean; tx: DbOrTx }) {
  const unique = await freeSlug({ table: 'services', slug, tx });
  const [row] = await tx
    .insert(services)
    .values({ slug: unique, name, description, active, position: sql`(select coalesce(max(${services.position}), -1) + 1 from ${services})` })
    .returning();
  return row!;
}

export async function setServiceActive({ id, active, tx }: { id: number; active: boolean; tx: DbOrTx }) {
  await tx.update(services).set({ active }).where(eq(services.id, id));
}

export async function listAllDocuments({ tx = getDb() }: { tx?: DbOrTx } = {}) {
  return tx.select().from(documents).orderBy(asc(documents.id));
}

export async function listServiceDocumentIds({ tx = getDb() }: { tx?: DbOrTx } = {}) {
  return tx.select().from(serviceDocuments).orderBy(asc(serviceDocuments.position));
}

/** Replaces a service's documents with `documentIds`, in that order. */
export async function replaceServiceDocuments({ serviceId, documentIds, tx }: { serviceId: number; documentIds: number[]; tx: DbOrTx }) {
  await tx.delete(serviceDocuments).where(eq(serviceDocuments.serviceId, serviceId));
  if (documentIds.length > 0) await tx.insert(serviceDocuments).values(documentIds.map((documentId, position) => ({ serviceId, documentId, position })));
}

export type DocumentFields = { name: Localized; hint: Localized | null; formUrl: string | null };

export async function insertDocument({ slug, fields, tx }: { slug: string; fields: DocumentFields; tx: DbOrTx }) {
  const unique = await freeSlug({ table: 'documents', slug, tx });
  const [row] = await tx.insert(documents).values({ slug: unique, ...fields }).returning();
  return row!;
}

export async function updateDocument({ id, fields, tx }: { id: number; fields: DocumentFields; tx: DbOrTx }) {
  const [row] = await tx.update(documents).set(fields).where(eq(documents.id, id)).returning();
  return row ?? null;
}
