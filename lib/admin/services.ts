import 'server-only';
import { getDb } from '@/db/client';
import { listAdminLocations } from '@/db/queries/admin-locations';
import { deleteOffer, listAdminServices, listOffers, lockService, updateServiceTexts, upsertOffer } from '@/db/queries/admin-services';
import { writeAudit } from '@/db/queries/staff';
import type { Localized } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff-session';
import { assertAdmin } from './access';
import { refuse, type Refusal } from './problems';

export async function listServicesForAdmin({ actor }: { actor: StaffUser | null }) {
  assertAdmin(actor);
  return listAdminServices();
}

export type OfferInput = { locationId: number; offered: boolean; minutesPerUnit: number; maxCount: number };
export type ServiceInput = { serviceId: number; name: Localized; description: Localized; offers: OfferInput[] };

/**
 * Saves a service's texts and where it is offered (minutes per unit, most units per booking). Booked
 * appointments keep the minutes they were booked with (copied into `booking_services`).
 */
export async function updateService({ actor, input }: { actor: StaffUser | null; input: ServiceInput }): Promise<{ ok: true } | Refusal> {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const service = await lockService({ id: input.serviceId, tx });
    if (!service) return refuse('form', 'notFound');
    const locationIds = new Set((await listAdminLocations({ tx })).map((l) => l.id));
    const before = await listOffers({ serviceId: service.id, tx });
    await updateServiceTexts({ id: service.id, name: input.name, description: input.description, tx });
    const offers = input.offers.filter((o) => locationIds.has(o.locationId));
    for (const offer of offers) {
      if (offer.offered) await upsertOffer({ serviceId: service.id, locationId: offer.locationId, minutesPerUnit: offer.minutesPerUnit, maxCount: offer.maxCount, tx });
      else await deleteOffer({ serviceId: service.id, locationId: offer.locationId, tx });
    }
    await writeAudit({
      tx,
      actorId: actor.id,
      action: 'service-updated',
      entity: 'service',
      entityId: service.id,
      details: {
        name: input.name,
        before: before.map(({ locationId, minutesPerUnit, maxCount }) => ({ locationId, minutesPerUnit, maxCount })),
        after: offers.filter((o) => o.offered).map(({ locationId, minutesPerUnit, maxCount }) => ({ locationId, minutesPerUnit, maxCount })),
      },
    });
    return { ok: true as const };
  });
}
