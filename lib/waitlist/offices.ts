import 'server-only';
import { DateTime } from 'luxon';
import { loadLocationForBooking, type LocationForBooking } from '@/db/queries/availability';
import { listLocations } from '@/db/queries/locations';

/** The offices a wish may name (booking mode, active), loaded as the booking flow loads them. */
export async function wishOffices(): Promise<LocationForBooking[]> {
  const listed = (await listLocations()).filter((l) => l.mode === 'booking');
  const loaded = await Promise.all(listed.map((l) => loadLocationForBooking({ slug: l.slug })));
  return loaded.filter((l): l is LocationForBooking => l !== null);
}

/** The days a wish may span: from tomorrow to the farthest booking horizon of the offices. */
export function wishBounds(offices: readonly { timeZone: string; bookingHorizonDays: number }[], now = new Date()): { first: string; last: string } {
  const zone = offices[0]?.timeZone ?? 'Europe/Berlin';
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const horizon = Math.max(1, ...offices.map((o) => o.bookingHorizonDays));
  return { first: today.plus({ days: 1 }).toISODate()!, last: today.plus({ days: horizon }).toISODate()! };
}
