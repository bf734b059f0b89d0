import 'server-only';
import { getDb } from '@/db/client';
import { listAdminLocations } from '@/db/queries/admin-locations';
import {
  deleteOffer,
  insertDocument,
  insertService,
  listAdminServices,
  listAllDocuments,
  listOffers,
  listServiceDocumentIds,
  lockService,
  replaceServiceDocuments,
  setServiceActive,
  updateDocument,
  updateServiceTexts,
  upsertOffer,
  type DocumentFields,
} from '@/db/queries/admin-services';
import { writeAudit } from '@/db/queries/staff';
import type { Localized } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff-session';
import { assertAdmin } from './access';
import { refuse, type Refusal } from './problems';

/** Every service with its offers and document ids, and every document, for the settings page. */
export async function listServicesForAdmin({ actor }: { actor: StaffUser | null }) {
  assertAdmin(actor);
  const [services, links] = await Promise.all([listAdminServices(), listServiceDocumentIds()]);
  return services.map((service) => ({ ...service, documentIds: links.filter((l) => l.serviceId === service.id).map((l) => l.documentId) }));
}

export async function listDocumentsForAdmin({ actor }: { actor: StaffUser | null }) {
  assertAdmin(actor);
  return listAllDocuments();
}

export type OfferInput = { locationId: number; offered: boolean; minutesPerUnit: number; maxCount: number };
/** `serviceId` null: a new service. `active`: bookable at all; `documentIds`: what to bring, in order. */
export type ServiceInput = { serviceId: number | null; name: Localized; description: Localized; fee?: Localized | null; active?: boolean; documentIds?: number[]; offers: OfferInput[] };

/** A URL-safe name from the German name, for booking links (`?leistungen=personalausweis:1`). */
export const slugFrom = (name: string) =>
  name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'leistung';

/**
 * The documents ticked in a service form (`document-<id>` = "on"), in order: those already linked keep
 * their stored order, newly ticked ones follow in the order the form lists them.
 */
export function checkedDocumentIds(stored: readonly number[], input: Record<string, string>): number[] {
  const ticked = Object.entries(input).flatMap(([key, value]) => (/^document-\d+$/.test(key) && value === 'on' ? [Number(key.slice('document-'.length))] : []));
  return [...stored.filter((id) => ticked.includes(id)), ...ticked.filter((id) => !stored.includes(id))];
}

/**
 * Creates or saves a service: texts, whether it is bookable, its documents and where it is offered
 * (minutes per unit, most units per booking). Booked appointments keep the minutes they were booked
 * with (copied into `booking_services`).
 */
export async function updateService({ actor, input }: { actor: StaffUser | null; input: ServiceInput }): Promise<{ ok: true; id: number } | Refusal> {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const service =
      input.serviceId === null
        ? await insertService({ slug: slugFrom(input.name.de), name: input.name, description: input.description, active: input.active ?? true, tx })
        : await lockService({ id: input.serviceId, tx });
    if (!service) return refuse('form', 'notFound');
    const locationIds = new Set((await listAdminLocations({ tx })).map((l) => l.id));
    const before = await listOffers({ serviceId: service.id, tx });
    await updateServiceTexts({ id: service.id, name: input.name, description: input.description, fee: input.fee ?? null, tx });
    if (input.active !== undefined) await setServiceActive({ id: service.id, active: input.active, tx });
    if (input.documentIds) {
      const known = new Set((await listAllDocuments({ tx })).map((d) => d.id));
      await replaceServiceDocuments({ serviceId: service.id, documentIds: [...new Set(input.documentIds)].filter((id) => known.has(id)), tx });
    }
    const offers = input.offers.filter((o) => locationIds.has(o.locationId));
    for (const offer of offers) {
      if (offer.offered) await upsertOffer({ serviceId: service.id, locationId: offer.locationId, minutesPerUnit: offer.minutesPerUnit, maxCount: offer.maxCount, tx });
      else await deleteOffer({ serviceId: service.id, locationId: offer.locationId, tx });
    }
    await writeAudit({
      tx,
      actorId: actor.id,
      action: input.serviceId === null ? 'service-created' : 'service-updated',
      entity: 'service',
      entityId: service.id,
      details: {
        name: input.name,
        active: input.active,
        documentIds: input.documentIds,
        before: before.map(({ locationId, minutesPerUnit, maxCount }) => ({ locationId, minutesPerUnit, maxCount })),
        after: offers.filter((o) => o.offered).map(({ locationId, minutesPerUnit, maxCount }) => ({ locationId, minutesPerUnit, maxCount })),
      },
    });
    return { ok: true as const, id: service.id };
  });
}

/** Creates (`documentId` null) or saves a document to bring; with `formUrl` it is a form to fill in beforehand. */
export async function saveDocument({ actor, documentId, fields }: { actor: StaffUser | null; documentId: number | null; fields: DocumentFields }): Promise<{ ok: true; id: number } | Refusal> {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const row = documentId === null ? await insertDocument({ slug: slugFrom(fields.name.de), fields, tx }) : await updateDocument({ id: documentId, fields, tx });
    if (!row) return refuse('form', 'notFound');
    await writeAudit({ tx, actorId: actor.id, action: documentId === null ? 'document-created' : 'document-updated', entity: 'document', entityId: row.id, details: { ...fields } });
    return { ok: true as const, id: row.id };
  });
}
