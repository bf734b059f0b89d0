import 'server-only';
import { hitRateLimit } from '@/db/queries/rate-limits';
import { findWish, type WishDetails } from '@/db/queries/waitlist';
import { grantMatches, signChangeGrant } from '@/lib/booking/change-grant';
import { PIN_ATTEMPT_LIMITS } from '@/lib/booking/verify-pin';
import { clientTag } from '@/lib/http/client-tag';
import { logFor } from '@/lib/log/logger';
import { normalizeWishCode } from '@/lib/requests/reference';
import { hashPin, verifyPin } from '@/lib/secrets/pin-hash';

const log = logFor('pin');

const DUMMY_OWNER = { scope: 'wish', id: 0 } as const;

export type WishAccess =
  | { status: 'verified'; wish: WishDetails; grant: string }
  /** Unknown number, wrong PIN or a grant that no longer fits: deliberately one answer. */
  | { status: 'invalid' }
  | { status: 'rate-limited'; retryAfterSeconds: number };

/**
 * Opens a wish with its number and PIN (as bookings: attempts counted before the check, per number and per
 * client address in the budget booking PINs use), or with a grant an earlier check issued. The grant is the
 * booking change grant over the wish's PIN hash (which differs from any booking's), sent back with the page's
 * forms, so the PIN travels once.
 */
export async function openWish({ code, pin, grant, clientAddress, now = new Date() }: { code: string; pin?: string; grant?: string; clientAddress: string; now?: Date }): Promise<WishAccess> {
  const normalized = normalizeWishCode(code);
  if (grant) {
    const wish = await findWish({ code: normalized });
    return wish && grantMatches(grant, wish, now) ? { status: 'verified', wish, grant } : { status: 'invalid' };
  }
  const { perBooking, perClient } = PIN_ATTEMPT_LIMITS;
  const limits = await Promise.all([hitRateLimit({ key: `pin:wish:${normalized}`, ...perBooking }), hitRateLimit({ key: `pin:client:${clientAddress}`, ...perClient })]);
  const blocked = limits.filter((l) => !l.allowed);
  if (blocked.length > 0) {
    log.warn({ wish: normalized, client: await clientTag(clientAddress) }, 'wish PIN attempt refused by rate limit');
    return { status: 'rate-limited', retryAfterSeconds: Math.max(...blocked.map((l) => l.retryAfterSeconds)) };
  }
  const wish = await findWish({ code: normalized });
  const owner = wish ? { scope: 'wish' as const, id: wish.id } : DUMMY_OWNER;
  const matches = await verifyPin({ ...owner, storedHash: wish?.pinHash ?? hashPin({ ...DUMMY_OWNER, pin: 'none' }), pin: pin ?? '' });
  if (!wish || !matches) {
    log.warn({ wish: normalized, client: await clientTag(clientAddress) }, 'wrong wish number or PIN');
    return { status: 'invalid' };
  }
  return { status: 'verified', wish, grant: signChangeGrant({ bookingId: wish.id, pinHash: wish.pinHash, now }) };
}
