import { createHmac, timingSafeEqual } from 'node:crypto';
import { appKey, appKeys, type AppSecrets } from '@/lib/secrets/app-secret';

/** How long a checked number and PIN let this browser cancel or move the booking without typing the PIN again. */
export const CHANGE_GRANT_MINUTES = 30;

// Keyed by APP_SECRET, which is not in the database, so a copy of the database forges nothing. The PIN hash
// is signed along: a grant needs no table of its own, works on every app instance, and dies with the PIN.
const mac = (key: Buffer, pinHash: string, bookingId: number, expires: number) =>
  createHmac('sha256', key).update(`amtstermin:change-grant:v2:${bookingId}:${expires}:${pinHash}`).digest('base64url');

/**
 * A short-lived proof that this browser knew the booking's PIN: `bookingId.expiry.mac`.
 * It goes into an httpOnly cookie, so the PIN itself never travels in a URL or page between the steps.
 */
export function signChangeGrant({ bookingId, pinHash, now = new Date(), secrets }: { bookingId: number; pinHash: string; now?: Date; secrets?: AppSecrets }): string {
  const expires = Math.floor(now.getTime() / 1000) + CHANGE_GRANT_MINUTES * 60;
  return `${bookingId}.${expires}.${mac(appKey('change-grant', secrets), pinHash, bookingId, expires)}`;
}

function parse(grant: string): { bookingId: number; expires: number; mac: string } | null {
  const [id, expires, signature, ...rest] = grant.split('.');
  if (rest.length > 0 || !id || !expires || !signature || !/^\d{1,15}$/.test(id) || !/^\d{1,12}$/.test(expires)) return null;
  return { bookingId: Number(id), expires: Number(expires), mac: signature };
}

/** The booking a grant names; still to be checked against that booking with `grantMatches`. */
export const grantBookingId = (grant: string): number | null => parse(grant)?.bookingId ?? null;

/** True if `grant` was issued for this booking with its current PIN and has not expired (current or previous APP_SECRET). */
export function grantMatches(grant: string, booking: { id: number; pinHash: string | null }, now = new Date(), secrets?: AppSecrets): boolean {
  const parsed = parse(grant);
  if (!parsed || !booking.pinHash || parsed.bookingId !== booking.id || parsed.expires * 1000 <= now.getTime()) return false;
  const given = Buffer.from(parsed.mac);
  return appKeys('change-grant', secrets).some((key) => {
    const expected = Buffer.from(mac(key, booking.pinHash!, booking.id, parsed.expires));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}
