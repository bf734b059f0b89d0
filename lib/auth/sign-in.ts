import 'server-only';
import { hitRateLimit, readRateLimit } from '@/db/queries/rate-limits';
import { findStaffForLogin, recordFailedLogin, resetFailedLogins, writeAudit } from '@/db/queries/staff';
import { hashSecret, verifySecret } from './password';
import { clientTag } from '@/lib/http/client-tag';

const LOCK_AFTER_FAILURES = 5;
const LOCK_MINUTES = 15;
const WINDOW_SECONDS = 15 * 60;
const FAILURES_PER_CLIENT = 20;

// Verifying against a real hash for unknown accounts keeps the answer time the same either way.
let dummyHash: Promise<string> | undefined;

export type SignInResult = { ok: true; userId: number } | { ok: false; reason: 'invalid' | 'rate-limited'; retryAfterSeconds?: number };

/**
 * Checks staff credentials. Failures are limited per address typed and per client, and lock the
 * account for a while; the answer never says whether an account exists.
 */
export async function signIn({ email, password, clientAddress }: { email: string; password: string; clientAddress: string }): Promise<SignInResult> {
  // Only failures count, so a busy office behind one address is never locked out by its own sign-ins.
  const accountKey = `login:account:${email.toLowerCase()}`;
  const clientKey = `login:client:${clientAddress}`;
  const [perAccount, perClient] = await Promise.all([
    readRateLimit({ key: accountKey, windowSeconds: WINDOW_SECONDS }),
    readRateLimit({ key: clientKey, windowSeconds: WINDOW_SECONDS }),
  ]);
  if (perAccount.hits >= LOCK_AFTER_FAILURES || perClient.hits >= FAILURES_PER_CLIENT) {
    console.warn(`[auth] sign-in rate limit hit, client ${await clientTag(clientAddress)}`);
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: Math.max(perAccount.retryAfterSeconds, perClient.retryAfterSeconds) };
  }
  const user = await findStaffForLogin({ email });
  dummyHash ??= hashSecret('not-a-password');
  const valid = await verifySecret(user?.passwordHash ?? (await dummyHash), password);
  const locked = user?.lockedUntil && user.lockedUntil > new Date();
  if (!user || !valid || !user.active || locked) {
    await Promise.all([
      hitRateLimit({ key: accountKey, limit: LOCK_AFTER_FAILURES, windowSeconds: WINDOW_SECONDS }),
      hitRateLimit({ key: clientKey, limit: FAILURES_PER_CLIENT, windowSeconds: WINDOW_SECONDS }),
      user && recordFailedLogin({ userId: user.id, lockAfter: LOCK_AFTER_FAILURES, lockMinutes: LOCK_MINUTES }),
    ]);
    await writeAudit({ actorId: user?.id ?? null, action: 'sign-in-failed', entity: 'staff', entityId: user?.id, details: { client: await clientTag(clientAddress) } });
    return { ok: false, reason: 'invalid' };
  }
  await resetFailedLogins({ userId: user.id });
  await writeAudit({ actorId: user.id, action: 'sign-in', entity: 'staff', entityId: user.id });
  return { ok: true, userId: user.id };
}
