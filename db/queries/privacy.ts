import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';

/**
 * Erases name, email, phone, the staff note (and a request's note) once the appointment lies `days` days in the past.
 * Idempotent, so any number of app instances may run it; counts, services, statuses and times stay
 * for anonymous statistics.
 */
export async function erasePersonalData({ days, tx = getDb() }: { days: number; tx?: DbOrTx }): Promise<{ bookings: number; requests: number }> {
  const bookings = await tx.execute(sql`
    update bookings set name = null, email = null, phone = null, staff_note = null, personal_data_erased_at = now()
    where personal_data_erased_at is null and upper(during) < now() - make_interval(days => ${days})`);
  // A request is done with once answered or withdrawn; open ones wait for their last wished day.
  const requests = await tx.execute(sql`
    update appointment_requests r set name = null, email = null, phone = null, note = null, personal_data_erased_at = now()
    where r.personal_data_erased_at is null and (
      (r.booking_id is not null and exists (select 1 from bookings b where b.id = r.booking_id and upper(b.during) < now() - make_interval(days => ${days})))
      or (r.booking_id is null and r.status <> 'open' and coalesce(r.answered_at, r.created_at) < now() - make_interval(days => ${days}))
      or (r.status = 'open' and not exists (
        select 1 from jsonb_array_elements(r.preferences) p where (p->>'date')::date >= (now() - make_interval(days => ${days}))::date)))`);
  return { bookings: bookings.rowCount ?? 0, requests: requests.rowCount ?? 0 };
}
