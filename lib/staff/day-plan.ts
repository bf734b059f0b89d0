import 'server-only';
import { DateTime } from 'luxon';
import { loadDayPlan, searchBookings } from '@/db/queries/day-plan';
import { listLocations } from '@/db/queries/locations';
import { mayWorkAt, StaffAccessError, type StaffUser } from '@/lib/auth/staff-session';
import { isCleanText } from '@/lib/validation/text';

/** The locations this staff member may see: all for admins, their own for clerks. */
export async function locationsFor(actor: StaffUser | null) {
  if (!actor) throw new StaffAccessError('signed-out');
  const all = await listLocations();
  return all.filter((l) => mayWorkAt(actor, l.id));
}

/** One location's day (local date) per counter, after checking the actor may see that location. */
export async function dayPlanFor({ actor, location, date }: { actor: StaffUser | null; location: { id: number; timeZone: string }; date: string }) {
  if (!actor) throw new StaffAccessError('signed-out');
  if (!mayWorkAt(actor, location.id)) throw new StaffAccessError('forbidden');
  const day = DateTime.fromISO(date, { zone: location.timeZone }).startOf('day');
  return loadDayPlan({ locationId: location.id, from: day.toJSDate(), to: day.plus({ days: 1 }).toJSDate() });
}

export async function searchFor({ actor, locationId, query }: { actor: StaffUser | null; locationId: number; query: string }) {
  if (!actor) throw new StaffAccessError('signed-out');
  if (!mayWorkAt(actor, locationId)) throw new StaffAccessError('forbidden');
  // No stored number or name holds control or invisible characters (a NUL byte would even fail the query).
  if (!isCleanText(query)) return [];
  return searchBookings({ locationId, query });
}
