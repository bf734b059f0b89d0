import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';

export type ErasureCounts = { bookings: number; requests: number; holds: number; outbox: number; audit: number; sessions: number };

/**
 * Erases what identifies a citizen once the appointment lies `days` days before `now`: name, email,
 * phone, a request's note, the clerk's internal note, and the free text staff typed about them (cancel and decline reasons, also in
 * the audit log, which keeps who did what and when). Deletes what has no purpose left: holds that ran out
 * (they may carry contact data typed before the time ran out), outbox rows given up on, and staff
 * sessions past their end or idle timeout. Idempotent, so any number of app instances may run it; counts,
 * services, statuses and times stay for anonymous statistics.
 */
export async function erasePersonalData({ days, idleSessionMinutes = 30, now = new Date(), tx = getDb() }: { days: number; idleSessionMinutes?: number; now?: Date; tx?: DbOrTx }): Promise<ErasureCounts> {
  const cutoff = sql`${now.toISOString()}::timestamptz - make_interval(days => ${days})`;
  const at = sql`${now.toISOString()}::timestamptz`;
  const bookings = await tx.execute(sql`
    update bookings set name = null, email = null, phone = null, cancel_reason = null, staff_note = null, pin_sealed = null, personal_data_erased_at = ${at}
    where personal_data_erased_at is null and upper(during) < ${cutoff}`);
  // A request is done with once answered or withdrawn; open ones wait for their last wished day.
  const requests = await tx.execute(sql`
    update appointment_requests r set name = null, email = null, phone = null, note = null, decline_reason = null, personal_data_erased_at = ${at}
    where r.personal_data_erased_at is null and (
      (r.booking_id is not null and exists (select 1 from bookings b where b.id = r.booking_id and upper(b.during) < ${cutoff}))
      or (r.booking_id is null and r.status <> 'open' and coalesce(r.answered_at, r.created_at) < ${cutoff})
      or (r.status = 'open' and not exists (
        select 1 from jsonb_array_elements(r.preferences) p where (p->>'date')::date >= (${cutoff})::date)))`);
  // An hour's grace after expiry, so a confirm racing the deadline still finds its row (and refuses it).
  const holds = await tx.execute(sql`
    delete from bookings b
    where (b.status = 'expired' or (b.status = 'held' and b.hold_expires_at < ${at} - interval '1 hour'))
      and coalesce(b.hold_expires_at, b.created_at) < ${at} - interval '1 hour'
      and not exists (select 1 from bookings n where n.rescheduled_from_id = b.id)
      and not exists (select 1 from appointment_requests r where r.booking_id = b.id)
      -- A waitlist offer that ended tells its still-open wish which time it had (never offered twice).
      and not exists (select 1 from waitlist_wishes w where w.id = b.wish_id and w.status in ('unconfirmed', 'waiting'))`);
  // Sent mails are deleted by the worker; what is left is pending or given up. A reason travels in a
  // cancellation's payload, so rows about an erased booking go with it, given up ones after the period.
  const outbox = await tx.execute(sql`
    delete from outbox o
    where o.status <> 'pending' and (o.created_at < ${cutoff}
       or (o.payload ? 'bookingId' and exists (select 1 from bookings b where b.id = (o.payload->>'bookingId')::bigint and b.personal_data_erased_at is not null)))`);
  const audit = await tx.execute(sql`
    update audit_log a set details = a.details - 'reason'
    where a.details ? 'reason' and (
      (a.entity = 'booking' and not exists (select 1 from bookings b where b.id::text = a.entity_id and b.personal_data_erased_at is null))
      or (a.entity = 'appointment_request' and not exists (select 1 from appointment_requests r where r.id::text = a.entity_id and r.personal_data_erased_at is null)))`);
  const sessions = await tx.execute(sql`
    delete from staff_sessions where expires_at < ${at} or last_seen_at < ${at} - make_interval(mins => ${idleSessionMinutes})`);
  return {
    bookings: bookings.rowCount ?? 0,
    requests: requests.rowCount ?? 0,
    holds: holds.rowCount ?? 0,
    outbox: outbox.rowCount ?? 0,
    audit: audit.rowCount ?? 0,
    sessions: sessions.rowCount ?? 0,
  };
}
