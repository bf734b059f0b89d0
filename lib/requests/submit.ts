import 'server-only';
import { getDb } from '@/db/client';
import { findRecentDuplicate, insertRequest, lockRequester } from '@/db/queries/requests';
import type { PreferredWindow } from '@/db/schema';
import { generatePin, generateToken, sealPin } from '@/lib/booking/secrets';
import { enqueueMail } from '@/lib/mail/outbox';
import { hashPin } from '@/lib/secrets/pin-hash';
import { normalizePreferences } from './preferences';

/** Requests one client address may send per hour: each one mails the address typed in, so the form must not become a mail cannon. */
export const REQUESTS_PER_CLIENT_PER_HOUR = 20;

/** A second identical open request within this many minutes is taken for a resubmitted form. */
export const DUPLICATE_WINDOW_MINUTES = 10;

export type SubmitRequestOutcome =
  /** `receiptToken` goes to the submitting browser only: with it the confirmation page unseals the PIN. */
  | { status: 'created'; id: number; code: string; pin: string; receiptToken: string }
  /** The same request came in moments ago (double submit, reload): nothing new was stored or sent. */
  | { status: 'duplicate'; id: number; code: string };

/**
 * Stores an appointment request for a request-mode location, with its services, a PIN (only its hash is
 * kept) and the acknowledgement mail, all in one transaction. A resubmission of the same request (same
 * address, location, days and services, still open, within `DUPLICATE_WINDOW_MINUTES`) stores nothing and
 * names the first one; a lock per address makes two copies sent at once queue for that check.
 */
export async function submitRequest(input: {
  location: { id: number; mode: 'booking' | 'request' };
  services: readonly { id: number; count: number }[];
  preferences: readonly PreferredWindow[];
  contact: { name: string; email: string; phone: string | null };
  note: string | null;
  locale: string;
}): Promise<SubmitRequestOutcome> {
  if (input.location.mode !== 'request') throw new Error('location takes no appointment requests');
  if (input.services.length === 0 || input.preferences.length === 0) throw new Error('request without services or preferred days');
  const preferences = normalizePreferences(input.preferences);
  const items = input.services.map((s) => ({ serviceId: s.id, count: s.count }));
  const pin = generatePin();
  const receiptToken = generateToken();

  return getDb().transaction(async (tx) => {
    await lockRequester({ email: input.contact.email, tx });
    const duplicate = await findRecentDuplicate({ email: input.contact.email, locationId: input.location.id, preferences, items, withinMinutes: DUPLICATE_WINDOW_MINUTES, tx });
    if (duplicate) return { status: 'duplicate', ...duplicate };
    const created = await insertRequest({
      request: { pinSealed: sealPin(pin, receiptToken), locationId: input.location.id, preferences, locale: input.locale, ...input.contact, note: input.note },
      pinHash: (id) => hashPin({ scope: 'request', id, pin }),
      items,
      tx,
    });
    await enqueueMail(tx, { kind: 'request-received', requestId: created.id, pin });
    return { status: 'created', ...created, pin, receiptToken };
  });
}
