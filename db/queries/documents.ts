import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { documents, serviceDocuments, services, type Localized } from '@/db/schema';

export type DocumentToBring = { id: number; name: Localized; hint: Localized | null; formUrl: string | null };

/** What to bring for these services, each document once, in the order of the services and their lists. */
export async function listDocumentsForServices({ serviceIds, tx = getDb() }: { serviceIds: number[]; tx?: DbOrTx }): Promise<DocumentToBring[]> {
  if (serviceIds.length === 0) return [];
  const rows = await tx
    .select({ id: documents.id, name: documents.name, hint: documents.hint, formUrl: documents.formUrl })
    .from(serviceDocuments)
    .innerJoin(documents, eq(documents.id, serviceDocuments.documentId))
    .innerJoin(services, eq(services.id, serviceDocuments.serviceId))
    .where(inArray(serviceDocuments.serviceId, serviceIds))
    .orderBy(asc(services.position), asc(serviceDocuments.position));
  return [...new Map(rows.map((row) => [row.id, row])).values()];
}
