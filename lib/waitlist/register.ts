import 'server-only';
import { getDb } from '@/db/client';
import { confirmWishByToken, insertWish, type NewWish } from '@/db/queries/waitlist';
import { generatePin, generateToken, hashToken } from '@/lib/booking/secrets';
import { enqueueMail } from '@/lib/mail/outbox';
import { hashPin } from '@/lib/secrets/pin-hash';

/** Wishes one client address may register per hour: each one mails the address typed in. */
export const WISHES_PER_CLIENT_PER_HOUR = 10;

export type RegisterOutcome = { status: 'created'; id: number; code: string } | { status: 'duplicate' };

/**
 * Registers an unconfirmed wish and queues the mail with the confirmation link, the wish number and its PIN
 * (only the PIN's hash and the link token's hash are stored), in one transaction. The wish enters the queue
 * only when the link is followed (`confirmWish`), within a day.
 */
export async function registerWish(input: Omit<NewWish, 'confirmTokenHash'>): Promise<RegisterOutcome> {
  if (input.locationIds.length === 0 || input.items.length === 0) throw new Error('wish without offices or services');
  const pin = generatePin();
  const token = generateToken();
  return getDb().transaction(async (tx) => {
    const created = await insertWish({ wish: { ...input, confirmTokenHash: hashToken(token) }, pinHash: (id) => hashPin({ scope: 'wish', id, pin }), tx });
    if (created.status === 'created') await enqueueMail(tx, { kind: 'waitlist-confirm', wishId: created.id, token, pin });
    return created;
  });
}

/** Follows a confirmation link (POST from the page it opens): the wish joins the queue now. Null if the link is unknown, used or older than a day. */
export async function confirmWish({ token }: { token: string }): Promise<{ id: number; code: string } | null> {
  return confirmWishByToken({ tokenHash: hashToken(token) });
}
