import 'server-only';
import { cookies } from 'next/headers';
import { env } from '@/lib/env';
import { generateToken, hashToken } from './secrets';

// The browser's proof that it made this hold: a random token in an httpOnly cookie; the database has its hash.
const COOKIE = 'amtstermin_hold';
const MAX_AGE_SECONDS = 2 * 60 * 60;

/** Issues a new hold token and stores it in the cookie; returns its hash for the database. */
export async function issueHoldToken(): Promise<{ token: string; tokenHash: string }> {
  const token = generateToken();
  (await cookies()).set(COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.NODE_ENV === 'production' && env.APP_URL.startsWith('https:'),
    path: '/',
    maxAge: MAX_AGE_SECONDS,
  });
  return { token, tokenHash: hashToken(token) };
}

/** The token of this browser's current hold, if any. */
export async function readHoldToken(): Promise<{ token: string; tokenHash: string } | null> {
  const token = (await cookies()).get(COOKIE)?.value;
  return token ? { token, tokenHash: hashToken(token) } : null;
}
