import 'server-only';
import { logFor } from '@/lib/log/logger';
import { getDb } from '@/db/client';
import { hitRateLimit } from '@/db/queries/rate-limits';
import { findRequestByCode, withdrawOpenRequest } from '@/db/queries/requests';
import { writeAudit } from '@/db/queries/staff';
import { PIN_ATTEMPT_LIMITS } from '@/lib/booking/verify-pin';
import { normalizeRequestCode } from './reference';
import { clientTag } from '@/lib/http/client-tag';
import { hashPin, verifyPin } from '@/lib/secrets/pin-hash';

const log = logFor('pin');

export type WithdrawOutcome =
  | { status: 'withdrawn'; code: string }
  /** Right PIN, but the request was answered or withdrawn already. */
  | { status: 'not-open'; code: string; current: 'confirmed' | 'declined' | 'withdrawn' }
  /** Unknown number or wrong PIN: deliberately one answer. */
  | { status: 'invalid' }
  | { status: 'rate-limited'; retryAfterSeconds: number };

// Checking a PIN for an unknown number costs one HMAC like a real one, so timing tells nothing.
const DUMMY_OWNER = { scope: 'request', id: 0 } as const;

/**
 * Withdraws an open request with its number and PIN (DESIGN.md invariant 5). Attempts count before the
 * check, per request number and per client address; the address budget is the one booking PINs use, so
 * alternating between bookings and requests buys a guesser nothing.
 */
export async function withdrawRequest({ code, pin, clientAddress }: { code: string; pin: string; clientAddress: string }): Promise<WithdrawOutcome> {
  const normalized = normalizeRequestCode(code);
  const { perBooking, perClient } = PIN_ATTEMPT_LIMITS;
  const limits = await Promise.all([
    hitRateLimit({ key: `pin:request:${normalized}`, ...perBooking }),
    hitRateLimit({ key: `pin:client:${clientAddress}`, ...perClient }),
  ]);
  const blocked = limits.filter((l) => !l.allowed);
  if (blocked.length > 0) {
    log.warn({ request: normalized, client: await clientTag(clientAddress) }, 'withdrawal refused by rate limit');
    return { status: 'rate-limited', retryAfterSeconds: Math.max(...blocked.map((l) => l.retryAfterSeconds)) };
  }

  const request = await findRequestByCode({ code: normalized });
  const owner = request ? { scope: 'request' as const, id: request.id } : DUMMY_OWNER;
  const matches = await verifyPin({ ...owner, storedHash: request?.pinHash ?? hashPin({ ...DUMMY_OWNER, pin: 'none' }), pin });
  if (!request || !matches) {
    log.warn({ request: normalized, client: await clientTag(clientAddress) }, 'wrong request number or PIN');
    return { status: 'invalid' };
  }
  if (request.status !== 'open') return { status: 'not-open', code: request.code, current: request.status };

  const withdrawn = await getDb().transaction(async (tx) => {
    if (!(await withdrawOpenRequest({ id: request.id, tx }))) return false;
    await writeAudit({ tx, actorId: null, action: 'request-withdrawn', entity: 'appointment_request', entityId: request.id });
    return true;
  });
  if (withdrawn) return { status: 'withdrawn', code: request.code };
  // Answered by staff between the check and the update.
  const current = (await findRequestByCode({ code: normalized }))?.status;
  return { status: 'not-open', code: request.code, current: current === 'open' || !current ? 'withdrawn' : current };
}
