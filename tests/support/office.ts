import { DateTime } from 'luxon';
import { getDb } from '@/db/client';
import { loadLocationForBooking, type LocationForBooking } from '@/db/queries/availability';
import { bookings } from '@/db/schema';
import { seedDemoData } from '@/db/seed';
import type { ChosenService } from '@/lib/booking/choice';
import { generateBookingCode } from '@/lib/booking/secrets';
import { publicHolidaysBadenWuerttemberg } from '@/lib/holidays/baden-wuerttemberg';

/** The seeded main office (3 counters), loaded as the booking flow loads it. */
export async function mainOffice(): Promise<LocationForBooking> {
  await seedDemoData(getDb());
  return (await loadLocationForBooking({ slug: 'buergeramt-mitte' }))!;
}

export function choose(location: LocationForBooking, counts: Record<string, number>): ChosenService[] {
  return location.services.filter((s) => counts[s.slug]).map((s) => ({ ...s, count: counts[s.slug]! }));
}

/**
 * The `index`-th Wednesday from next week on that the seeded office is open (no public holiday, not
 * 24/31 December): well past the lead time and inside the 42-day horizon for index 0…3.
 */
export function openWednesday(index: number): DateTime {
  const closed = (d: DateTime) =>
    publicHolidaysBadenWuerttemberg(d.year).some((h) => h.date === d.toISODate()) || (d.month === 12 && (d.day === 24 || d.day === 31));
  let day = DateTime.now().setZone('Europe/Berlin').startOf('day').plus({ days: 7 });
  for (let found = -1; ; day = day.plus({ days: 1 })) {
    if (day.weekday === 3 && !closed(day) && ++found === index) return day;
  }
}

export const at = (day: DateTime, hhmm: string) => DateTime.fromISO(`${day.toISODate()}T${hhmm}`, { zone: 'Europe/Berlin' }).toJSDate();

/** Occupies a counter directly, as another citizen's booking would. */
export async function occupy(location: LocationForBooking, counterId: number, start: Date, end: Date, status: 'booked' | 'held' = 'booked', holdExpiresAt?: Date) {
  await getDb().insert(bookings).values({
    code: generateBookingCode(),
    locationId: location.id,
    counterId,
    during: { start, end },
    status,
    holdExpiresAt: status === 'held' ? (holdExpiresAt ?? new Date(Date.now() + 600_000)) : null,
  });
}
