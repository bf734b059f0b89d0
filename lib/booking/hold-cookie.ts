import 'server-only';
import { cookies } from 'next/headers';
import { env } from '@/lib/env';
import { generateToken, hashToken } from './secrets';

// The browser's proof that it made this hold: a random token in an httpOnly cookie; the database has its hash.
const COOKIE = 'amtstermin_hold';
const MAX_AGE_SECONDS = 2 * 60 * 60;

// The token a proof-of-work challenge is bound to, handed out with the challenge, used by the next hold.
const PENDING_COOKIE = 'amtstermin_hold_next';
const PENDING_MAX_AGE_SECONDS = 10 * 60;

/** Issues a new hold token (or makes `token`, a pending one, the current) and stores it in the cookie; returns its hash for the database. */
export async function issueHoldToken(token = generateToken()): Promise<{ token: string; tokenHash: string }> {
  (await cookies()).set(COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.NODE_ENV === 'production' && env.APP_URL.startsWith('https:'),
    path: '/',
    maxAge: MAX_AGE_SECONDS,
  });
  return { token, tokenHash: hashToken(token) };
}

/** A token for this browser's next hold, to bind a proof-of-work challenge to (`createHoldChallenge`); the hold then carries it. */
export async function issuePendingHoldToken(): Promise<{ tokenHash: string }> {
  const token = generateToken();
  (await cookies()).set(PENDING_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.NODE_ENV === 'production' && env.APP_URL.startsWith('https:'),
    path: '/',
    maxAge: PENDING_MAX_AGE_SECONDS,
  });
  return { tokenHash: hashToken(token) };
}

/** The pending token of this browser, taken out of its cookie: it pays for one hold attempt. */
export async function takePendingHoldToken(): Promise<{ token: string; tokenHash: string } | null> {
  const jar = await cookies();
  const token = jar.get(PENDING_COOKIE)?.value;
  if (!token) return null;
  jar.delete(PENDING_COOKIE);
  return { token, tokenHash: hashToken(token) };
}

/** The token of this browser's current hold, if any. */
export async function readHoldToken(): Promise<{ token: string; tokenHash: string } | null> {
  const token = (await cookies()).get(COOKIE)?.value;
  return token ? { token, tokenHash: hashToken(token) } : null;
}
