import 'server-only';
import { getDb } from '@/db/client';
import { listFailedMails, lockFailedMail, replacePinHash, requeueMail, stuckMails } from '@/db/queries/failed-mails';
import { writeAudit } from '@/db/queries/staff';
import type { StaffUser } from '@/lib/auth/staff-session';
import { generatePin } from '@/lib/booking/secrets';
import { hashPin } from '@/lib/secrets/pin-hash';
import { assertAdmin } from './access';
import { refuse, type Refusal } from './problems';

// Kinds that carry the PIN: it was dropped when the mail was given up, so a resend brings a new one.
const WITH_PIN = new Set(['booking-confirmed', 'booking-rescheduled', 'request-received']);

/** The mails given up after all retries (admins only). */
export async function failedMailsFor({ actor }: { actor: StaffUser | null }) {
  assertAdmin(actor);
  return listFailedMails();
}

/**
 * "Erneut senden": puts a given-up mail back in the outbox, due now, with fresh retries. A mail that carried a
 * PIN gets a new one (the old one left the database when the mail was given up; only its hash remains, and that
 * is replaced in the same transaction, so the PIN in the mail is the one that works). Refused when the mail was
 * resent meanwhile or its booking's personal data is erased.
 */
export async function resendFailedMail({ actor, mailId }: { actor: StaffUser | null; mailId: number }): Promise<{ ok: true } | Refusal> {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const mail = await lockFailedMail({ id: mailId, tx });
    if (!mail) return refuse('form', 'notFound');
    const subject = typeof mail.payload.bookingId === 'number' ? { type: 'booking' as const, id: mail.payload.bookingId } : { type: 'request' as const, id: Number(mail.payload.requestId) };
    const payload = { ...mail.payload };
    if (WITH_PIN.has(mail.kind)) {
      const pin = generatePin();
      if (!(await replacePinHash({ ...subject, pinHash: hashPin({ scope: subject.type, id: subject.id, pin }), tx }))) return refuse('form', 'mailErased');
      payload.pin = pin;
    }
    await requeueMail({ id: mail.id, payload, tx });
    await writeAudit({ tx, actorId: actor.id, action: 'mail-resent', entity: subject.type === 'booking' ? 'booking' : 'appointment_request', entityId: subject.id, details: { kind: mail.kind, newPin: WITH_PIN.has(mail.kind) } });
    return { ok: true };
  });
}

/** For the day plan's banner (any staff member): mails waiting more than 15 minutes or given up. */
export async function stuckMailsFor({ actor }: { actor: StaffUser | null }) {
  if (!actor) return { count: 0, oldest: null };
  return stuckMails({ minutes: 15 });
}
