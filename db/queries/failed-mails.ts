import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type DbOrTx, type Tx } from '@/db/client';

export type FailedMail = {
  id: number;
  kind: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  /** The booking or request the mail is about; null once erased or deleted. */
  subject: { type: 'booking' | 'request'; id: number; code: string; startsAt: Date | null; erased: boolean } | null;
};

/** Mails given up after all retries, newest first, with the booking or request each is about. */
export async function listFailedMails({ tx = getDb(), limit = 200 }: { tx?: DbOrTx; limit?: number } = {}): Promise<FailedMail[]> {
  const { rows } = await tx.execute<{
    id: number; kind: string; attempts: number; last_error: string | null; created_at: Date;
    booking_id: number | null; booking_code: string | null; starts_at: Date | null; booking_erased: boolean | null;
    request_id: number | null; request_code: string | null; request_erased: boolean | null;
  }>(sql`
    select o.id::int as id, o.kind, o.attempts, o.last_error, o.created_at,
      b.id as booking_id, b.code as booking_code, lower(b.during) as starts_at, b.email is null as booking_erased,
      r.id as request_id, r.code as request_code, r.email is null as request_erased
    from outbox o
    left join bookings b on b.id = (o.payload->>'bookingId')::int
    left join appointment_requests r on r.id = (o.payload->>'requestId')::int
    where o.status = 'failed'
    order by o.created_at desc, o.id desc
    limit ${limit}`);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: new Date(r.created_at),
    subject: r.booking_id
      ? { type: 'booking', id: r.booking_id, code: r.booking_code!, startsAt: r.starts_at ? new Date(r.starts_at) : null, erased: !!r.booking_erased }
      : r.request_id
        ? { type: 'request', id: r.request_id, code: r.request_code!, startsAt: null, erased: !!r.request_erased }
        : null,
  }));
}

/** A failed mail, locked for the rest of the transaction; null when it is no longer `failed` (resent, erased). */
export async function lockFailedMail({ id, tx }: { id: number; tx: Tx }): Promise<{ id: number; kind: string; payload: Record<string, unknown> } | null> {
  const { rows } = await tx.execute<{ id: number; kind: string; payload: Record<string, unknown> }>(sql`
    select id::int as id, kind, payload from outbox where id = ${id} and status = 'failed' for update`);
  return rows[0] ?? null;
}

/** Puts a failed mail back in the queue, due now, with fresh attempts and `payload` (e.g. a new PIN). */
export async function requeueMail({ id, payload, tx }: { id: number; payload: Record<string, unknown>; tx: Tx }): Promise<void> {
  await tx.execute(sql`
    update outbox set status = 'pending', attempts = 0, last_error = null, next_attempt_at = now(), payload = ${JSON.stringify(payload)}::jsonb
    where id = ${id}`);
}

/** Replaces the PIN hash of a booking or request whose confirmation is sent again with a new PIN. */
export async function replacePinHash({ type, id, pinHash, tx }: { type: 'booking' | 'request'; id: number; pinHash: string; tx: Tx }): Promise<boolean> {
  const { rowCount } = type === 'booking'
    ? await tx.execute(sql`update bookings set pin_hash = ${pinHash} where id = ${id} and email is not null`)
    : await tx.execute(sql`update appointment_requests set pin_hash = ${pinHash} where id = ${id} and email is not null`);
  return (rowCount ?? 0) > 0;
}

/**
 * Mails stuck for more than `minutes`: still waiting that long after they were queued, or given up. For the
 * banner on the day plan; `oldest` is when the oldest of them was queued.
 */
export async function stuckMails({ minutes = 15, tx = getDb() }: { minutes?: number; tx?: DbOrTx } = {}): Promise<{ count: number; oldest: Date | null }> {
  const { rows } = await tx.execute<{ count: number; oldest: Date | null }>(sql`
    select count(*)::int as count, min(created_at) as oldest from outbox
    where status = 'failed' or (status = 'pending' and created_at < now() - make_interval(mins => ${minutes}))`);
  return { count: rows[0]!.count, oldest: rows[0]!.oldest ? new Date(rows[0]!.oldest) : null };
}
