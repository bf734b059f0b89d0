import 'server-only';
import { logFor } from '@/lib/log/logger';
import { findBookingByCode, type BookingDetails } from '@/db/queries/booking-lookup';
import { hitRateLimit } from '@/db/queries/rate-limits';
import { signChangeGrant } from './change-grant';
import { normalizeBookingCode } from './secrets';
import { clientTag } from '@/lib/http/client-tag';
import { hashPin, verifyPin } from '@/lib/secrets/pin-hash';

const log = logFor('pin');

/** Attempts allowed per booking number and per client address; every attempt counts, right or wrong. */
export const PIN_ATTEMPT_LIMITS = {
  perBooking: { limit: 5, windowSeconds: 15 * 60 },
  perClient: { limit: 20, windowSeconds: 15 * 60 },
} as const;

// Checking a PIN for an unknown number costs one HMAC like a real one, so timing does not tell which numbers exist.
const DUMMY_OWNER = { scope: 'booking', id: 0 } as const;

export type PinCheck =
  | { status: 'verified'; booking: BookingDetails; grant: string }
  /** Unknown number or wrong PIN: deliberately one answer. */
  | { status: 'invalid' }
  | { status: 'rate-limited'; retryAfterSeconds: number };

/**
 * Checks a booking number and PIN (DESIGN.md invariant 5). Attempts are limited per number and per
 * client address in PostgreSQL, counted before the check, so even the right PIN is refused once the
 * limit is reached. Failures are logged without the PIN. On success returns a grant for the cookie.
 */
export async function verifyBookingPin({ code, pin, clientAddress, now = new Date() }: { code: string; pin: string; clientAddress: string; now?: Date }): Promise<PinCheck> {
  const normalized = normalizeBookingCode(code);
  const { perBooking, perClient } = PIN_ATTEMPT_LIMITS;
  const limits = await Promise.all([
    hitRateLimit({ key: `pin:booking:${normalized}`, ...perBooking }),
    hitRateLimit({ key: `pin:client:${clientAddress}`, ...perClient }),
  ]);
  const blocked = limits.filter((l) => !l.allowed);
  if (blocked.length > 0) {
    log.warn({ booking: normalized, client: await clientTag(clientAddress) }, 'PIN attempt refused by rate limit');
    return { status: 'rate-limited', retryAfterSeconds: Math.max(...blocked.map((l) => l.retryAfterSeconds)) };
  }

  const booking = await findBookingByCode({ code: normalized });
  const owner = booking ? { scope: 'booking' as const, id: booking.id } : DUMMY_OWNER;
  const matches = await verifyPin({ ...owner, storedHash: booking?.pinHash ?? hashPin({ ...DUMMY_OWNER, pin: 'none' }), pin });
  if (!booking?.pinHash || !matches) {
    log.warn({ booking: normalized, client: await clientTag(clientAddress) }, 'wrong booking number or PIN');
    return { status: 'invalid' };
  }
  return { status: 'verified', booking, grant: signChangeGrant({ bookingId: booking.id, pinHash: booking.pinHash, now }) };
}
