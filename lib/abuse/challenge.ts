import 'server-only';
import { createChallenge, randomInt, verifySolution, type Challenge, type Payload } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { spendChallenge } from '@/db/queries/challenges';
import { env } from '@/lib/env';
import { appKey } from '@/lib/secrets/app-secret';

/** How long a challenge may be solved and spent: a citizen reading the list of times for a while is fine. */
const CHALLENGE_MINUTES = 10;

// Not from the database: a dump must not let anyone mint challenges that count as solved.
async function secrets() {
  const signing = env.CHALLENGE_SECRET ?? appKey('challenge-signing').toString('base64url');
  return { hmacSignatureSecret: signing, hmacKeySignatureSecret: `${signing}:key` };
}

/**
 * A proof-of-work challenge for holding a time at `location` (ALTCHA, self-hosted), bound to the hold it
 * pays for: it signs the hash of the token that hold will carry (`holdTokenHash`, see
 * `issuePendingHoldToken`), so a solution pays for that one hold of that browser and nothing else. The
 * counter the browser must find is drawn up to `work` (the office's own effort or CHALLENGE_WORK): a few
 * seconds of hashing while a citizen reads the times, and the same for every hold a bot wants. Signed, so
 * the server keeps no state until a solution is spent.
 */
export async function createHoldChallenge({ location, holdTokenHash, work = env.CHALLENGE_WORK, now = new Date() }: { location: string; holdTokenHash: string; work?: number | null; now?: Date }): Promise<Challenge> {
  const max = work ?? env.CHALLENGE_WORK;
  return createChallenge({
    algorithm: 'SHA-256',
    cost: 1,
    counter: randomInt(Math.floor(max / 2), max),
    deriveKey,
    data: { purpose: 'hold', location, hold: holdTokenHash },
    expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000),
    ...(await secrets()),
  });
}

export type ChallengeCheck = 'ok' | 'missing' | 'invalid' | 'expired' | 'spent';

function parsePayload(value: string): Payload | null {
  try {
    const payload = JSON.parse(Buffer.from(value, 'base64').toString('utf8')) as Payload;
    return payload?.challenge?.parameters && payload.solution ? payload : null;
  } catch {
    return null;
  }
}

/**
 * Checks the solved challenge a hold form carries: signed by us, for this location and this hold token,
 * not expired, solved, and not spent before (each solution holds one time, recorded in PostgreSQL for every instance).
 */
export async function checkHoldChallenge({ payload, location, holdTokenHash }: { payload: string | undefined; location: string; holdTokenHash: string | undefined }): Promise<ChallengeCheck> {
  if (!payload) return 'missing';
  const parsed = payload.length <= 4_000 ? parsePayload(payload) : null;
  if (!parsed) return 'invalid';
  const { data, expiresAt } = parsed.challenge.parameters;
  if (data?.purpose !== 'hold' || data.location !== location || !holdTokenHash || data.hold !== holdTokenHash || typeof expiresAt !== 'number') return 'invalid';
  const result = await verifySolution({ challenge: parsed.challenge, solution: parsed.solution, deriveKey, ...(await secrets()) }).catch(() => null);
  if (!result) return 'invalid';
  if (result.expired) return 'expired';
  if (!result.verified) return 'invalid';
  const spent = await spendChallenge({ signature: parsed.challenge.signature!, expiresAt: new Date(expiresAt * 1000) });
  return spent ? 'ok' : 'spent';
}
