import 'server-only';
import { DateTime } from 'luxon';
import { loadDayPlan, searchBookings } from '@/db/queries/day-plan';
import { loadLocationForBooking } from '@/db/queries/availability';
import { listLocations } from '@/db/queries/locations';
import { findSlots } from '@/lib/booking/availability';
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

/** Bookings matching number, name, email or phone in every location this staff member may see. */
export async function searchFor({ actor, query, now }: { actor: StaffUser | null; query: string; now?: Date }) {
  if (!actor) throw new StaffAccessError('signed-out');
  // No stored number or name holds control or invisible characters (a NUL byte would even fail the query).
  if (!isCleanText(query)) return [];
  const visible = await locationsFor(actor);
  return searchBookings({ locationIds: visible.map((l) => l.id), query, now });
}

/**
 * Counter time still free on `date` from `now` on, in minutes: what a clerk can still give to callers (no lead
 * time, cancelled times free at once). Summed over the slot grid, each free counter counting one step.
 */
export async function freeMinutesOn({ actor, slug, date, now = new Date() }: { actor: StaffUser | null; slug: string; date: string; now?: Date }) {
  if (!actor) throw new StaffAccessError('signed-out');
  const location = await loadLocationForBooking({ slug });
  if (!location) return 0;
  if (!mayWorkAt(actor, location.id)) throw new StaffAccessError('forbidden');
  const step = location.slotStepMinutes;
  const slots = await findSlots({ location: { ...location, minLeadMinutes: 0 }, durationMinutes: step, from: date, to: date, now, releaseDelayMinutes: 0 });
  return slots.reduce((sum, slot) => sum + slot.freeCounterIds.length * step, 0);
}
