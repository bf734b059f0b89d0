import 'server-only';
import { logFor } from '@/lib/log/logger';
import { hitRateLimit, readRateLimit } from '@/db/queries/rate-limits';
import { findStaffForLogin, recordFailedLogin, resetFailedLogins, writeAudit } from '@/db/queries/staff';
import { hashSecret, verifySecret } from './password';
import { clientTag } from '@/lib/http/client-tag';

const log = logFor('auth');

const WINDOW_SECONDS = 15 * 60;
/** Wrong passwords one client may try on one account per window. */
const FAILURES_PER_ACCOUNT_AND_CLIENT = 5;
/** Wrong passwords one client may try on all accounts together per window. */
const FAILURES_PER_CLIENT = 20;
/** Wrong passwords on one account from all clients per window before it is throttled … */
const FAILURES_PER_ACCOUNT = 20;
/** … to this many per client and window while throttled: slow for a spread-out guesser, and the staff member's own address still gets its try. */
const FAILURES_PER_CLIENT_WHILE_THROTTLED = 1;

// Verifying against a real hash for unknown accounts keeps the answer time the same either way.
let dummyHash: Promise<string> | undefined;

export type SignInResult = { ok: true; userId: number } | { ok: false; reason: 'invalid' | 'rate-limited'; retryAfterSeconds?: number };

/**
 * Checks staff credentials. Failures are limited per account and client address together, per client,
 * and (more slowly) per account from everywhere, so wrong passwords from elsewhere never lock a staff
 * member out: at worst they leave each address one try per window. The answer never says whether an
 * account exists (unknown addresses are counted and throttled the same way).
 */
export async function signIn({ email, password, clientAddress }: { email: string; password: string; clientAddress: string }): Promise<SignInResult> {
  // Only failures count, so a busy office behind one address is never locked out by its own sign-ins.
  const account = email.toLowerCase();
  const pairKey = `login:pair:${account}:${clientAddress}`;
  const clientKey = `login:client:${clientAddress}`;
  const accountKey = `login:account:${account}`;
  const [perPair, perClient, perAccount] = await Promise.all([
    readRateLimit({ key: pairKey, windowSeconds: WINDOW_SECONDS }),
    readRateLimit({ key: clientKey, windowSeconds: WINDOW_SECONDS }),
    readRateLimit({ key: accountKey, windowSeconds: WINDOW_SECONDS }),
  ]);
  const pairBudget = perAccount.hits >= FAILURES_PER_ACCOUNT ? FAILURES_PER_CLIENT_WHILE_THROTTLED : FAILURES_PER_ACCOUNT_AND_CLIENT;
  if (perPair.hits >= pairBudget || perClient.hits >= FAILURES_PER_CLIENT) {
    log.warn({ client: await clientTag(clientAddress) }, 'sign-in rate limit hit');
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: Math.max(perPair.retryAfterSeconds, perClient.retryAfterSeconds) };
  }
  const user = await findStaffForLogin({ email });
  dummyHash ??= hashSecret('not-a-password');
  const valid = await verifySecret(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !valid || !user.active) {
    await Promise.all([
      hitRateLimit({ key: pairKey, limit: FAILURES_PER_ACCOUNT_AND_CLIENT, windowSeconds: WINDOW_SECONDS }),
      hitRateLimit({ key: clientKey, limit: FAILURES_PER_CLIENT, windowSeconds: WINDOW_SECONDS }),
      hitRateLimit({ key: accountKey, limit: FAILURES_PER_ACCOUNT, windowSeconds: WINDOW_SECONDS }),
      // Shown to admins ("throttled until"); the decision above rests on the counters alone.
      user && recordFailedLogin({ userId: user.id, lockAfter: FAILURES_PER_ACCOUNT, lockMinutes: WINDOW_SECONDS / 60 }),
    ]);
    await writeAudit({ actorId: user?.id ?? null, action: 'sign-in-failed', entity: 'staff', entityId: user?.id, details: { client: await clientTag(clientAddress) } });
    return { ok: false, reason: 'invalid' };
  }
  await resetFailedLogins({ userId: user.id });
  await writeAudit({ actorId: user.id, action: 'sign-in', entity: 'staff', entityId: user.id });
  return { ok: true, userId: user.id };
}
