import 'server-only';
import { cookies } from 'next/headers';
import { env } from '@/lib/env';
import { CHANGE_GRANT_MINUTES } from './change-grant';

// Separate from the hold cookie: a citizen may hold a new time while the grant for the old booking runs.
const COOKIE = 'amtstermin_change';

/** Stores a grant from `signChangeGrant` in this browser. */
export async function issueChangeGrantCookie(grant: string): Promise<void> {
  (await cookies()).set(COOKIE, grant, {
    httpOnly: true,
    sameSite: 'strict',
    secure: env.NODE_ENV === 'production' && env.APP_URL.startsWith('https:'),
    path: '/',
    maxAge: CHANGE_GRANT_MINUTES * 60,
  });
}

export async function readChangeGrantCookie(): Promise<string | null> {
  return (await cookies()).get(COOKIE)?.value ?? null;
}

export async function clearChangeGrantCookie(): Promise<void> {
  (await cookies()).delete(COOKIE);
}
