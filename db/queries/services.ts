import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { documents, locationServices, serviceDocuments, services, type Localized } from '@/db/schema';

export type CatalogDocument = { id: number; name: Localized; hint: Localized | null; formUrl: string | null };
export type CatalogService = typeof services.$inferSelect & {
  documents: CatalogDocument[];
  offers: { locationId: number; minutesPerUnit: number; maxCount: number }[];
};

/** Active services in display order with their documents to bring and where (and how long) each is offered. */
export async function listServiceCatalog({ tx = getDb() }: { tx?: DbOrTx } = {}): Promise<CatalogService[]> {
  const [rows, docs, offers] = await Promise.all([
    tx.select().from(services).where(eq(services.active, true)).orderBy(asc(services.position), asc(services.id)),
    tx
      .select({ serviceId: serviceDocuments.serviceId, id: documents.id, name: documents.name, hint: documents.hint, formUrl: documents.formUrl })
      .from(serviceDocuments)
      .innerJoin(documents, eq(documents.id, serviceDocuments.documentId))
      .orderBy(asc(serviceDocuments.position), asc(documents.id)),
    tx.select().from(locationServices),
  ]);
  return rows.map((service) => ({
    ...service,
    documents: docs.filter((d) => d.serviceId === service.id).map(({ serviceId: _, ...doc }) => doc),
    offers: offers.filter((o) => o.serviceId === service.id).map(({ serviceId: _, ...offer }) => offer),
  }));
}
