import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { getDb } from '@/db/client';
import { loadBusyIntervals, type LocationForBooking } from '@/db/queries/availability';
import { findSlots } from '@/lib/booking/availability';
import { publicHolidaysBadenWuerttemberg } from '@/lib/holidays/baden-wuerttemberg';
import { confirmWish, registerWish } from '@/lib/waitlist/register';
import { email } from './booked';

/** The `index`-th open `weekday` (ISO) of the seeded main office from next week on (no holiday, not 24/31 December). */
export function openDay(weekday: number, index: number): DateTime {
  const closed = (d: DateTime) => publicHolidaysBadenWuerttemberg(d.year).some((h) => h.date === d.toISODate()) || (d.month === 12 && (d.day === 24 || d.day === 31));
  let day = DateTime.now().setZone('Europe/Berlin').startOf('day').plus({ days: 7 });
  for (let found = -1; ; day = day.plus({ days: 1 })) {
    if (day.weekday === weekday && !closed(day) && ++found === index) return day;
  }
}

/** The confirmation token and PIN the confirmation mail of a wish carries. */
export async function confirmationMail(wishId: number): Promise<{ token: string; pin: string }> {
  const { rows } = await getDb().execute<{ payload: { token: string; pin: string } }>(sql`select payload from outbox where kind = 'waitlist-confirm' and (payload->>'wishId')::bigint = ${wishId}`);
  return rows[0]!.payload;
}

/** A wish registered and confirmed as a citizen does it: for one day, Beglaubigung × 1 unless told otherwise. */
export async function waitingWish({ office, day, address = email('wish'), serviceSlug = 'beglaubigung', count = 1, parts = ['morning', 'afternoon'] as ('morning' | 'afternoon')[] }: { office: LocationForBooking; day: DateTime; address?: string; serviceSlug?: string; count?: number; parts?: ('morning' | 'afternoon')[] }) {
  const service = office.services.find((s) => s.slug === serviceSlug)!;
  const created = await registerWish({
    locationIds: [office.id],
    items: [{ serviceId: service.id, count }],
    earliestDate: day.toISODate()!,
    latestDate: day.toISODate()!,
    weekdays: [day.weekday],
    parts,
    locale: 'en',
    name: 'Max Mustermann',
    email: address,
  });
  if (created.status !== 'created') throw new Error('duplicate wish');
  const { token, pin } = await confirmationMail(created.id);
  const confirmed = await confirmWish({ token });
  if (!confirmed) throw new Error('could not confirm');
  return { id: created.id, code: created.code, pin, address };
}

export type OfferState = { id: number; wish_id: number; status: string; start: Date; counter_id: number; source: string; hold_expires_at: Date; email: string | null };

/** Every offer ever made to these wishes (held, booked or ended), oldest first. */
export async function offers(wishIds: readonly number[]): Promise<OfferState[]> {
  const { rows } = await getDb().execute<OfferState>(sql`
    select id::int, wish_id::int, status, lower(during) as start, counter_id, source, hold_expires_at, email from bookings
    where wish_id = any(${`{${wishIds.join(',')}}`}::bigint[]) order by id`);
  return rows.map((r) => ({ ...r, start: new Date(r.start), hold_expires_at: new Date(r.hold_expires_at) }));
}

/** Whether the public booking flow offers `start` for `minutes` at the office right now. */
export async function publiclyOffered(office: LocationForBooking, start: Date, minutes: number): Promise<boolean> {
  const day = DateTime.fromJSDate(start, { zone: office.timeZone }).toISODate()!;
  const slots = await findSlots({ location: office, durationMinutes: minutes, from: day, to: day, releaseDelayMinutes: 0 });
  return slots.some((s) => s.start.getTime() === start.getTime());
}

export { loadBusyIntervals };
