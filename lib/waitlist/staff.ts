import 'server-only';
import { writeAudit } from '@/db/queries/staff';
import { waitingDemand, waitingQueue, type DemandRow, type QueueRow } from '@/db/queries/waitlist';
import { mayWorkAt, requireStaff, StaffAccessError } from '@/lib/auth/staff-session';
import { locationsFor } from '@/lib/staff/day-plan';
import { offerTimeToWish } from './offers';

export type OfficeDemand = { location: Awaited<ReturnType<typeof locationsFor>>[number]; demand: DemandRow[]; queue: QueueRow[] };

/** The open wishes of the offices the signed-in staff member works at: demand counts and the queue. */
export async function waitlistOverview(): Promise<OfficeDemand[]> {
  const actor = await requireStaff();
  const offices = (await locationsFor(actor)).filter((l) => l.mode === 'booking');
  return Promise.all(offices.map(async (location) => ({ location, demand: await waitingDemand({ locationId: location.id }), queue: await waitingQueue({ locationId: location.id }) })));
}

/** A clerk offers a time to a wish by hand; checked against the clerk's office, recorded in the audit log. */
export async function offerByHand({ locationId, wishId, start }: { locationId: number; wishId: number; start: Date }) {
  const actor = await requireStaff();
  if (!mayWorkAt(actor, locationId)) throw new StaffAccessError('forbidden');
  const offer = await offerTimeToWish({ locationId, wishId, start });
  if (offer) await writeAudit({ actorId: actor.id, action: 'waitlist-offer-by-hand', entity: 'booking', entityId: offer.bookingId, details: { wishId } });
  return offer;
}
