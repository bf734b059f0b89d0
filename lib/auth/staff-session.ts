import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { deleteSession, findSessionUser, insertSession, type StaffUser } from '@/db/queries/staff';
import { generateToken, hashToken } from '@/lib/booking/secrets';
import { env } from '@/lib/env';

// On https the cookie is `__Host-`: browsers then take it only with Secure, Path=/ and no Domain, so neither a
// sibling subdomain nor a plain-http page of the same host can plant or overwrite a session cookie.
const ON_HTTPS = env.APP_URL.startsWith('https:') && env.NODE_ENV !== 'development';
const COOKIE = ON_HTTPS ? '__Host-amtstermin_staff' : 'amtstermin_staff';
export const SESSION_IDLE_MINUTES = 30;
export const SESSION_ABSOLUTE_HOURS = 10;

export type { StaffUser };

/** Thrown by staff checks; actions turn it into a translated refusal, pages into the sign-in form. */
export class StaffAccessError extends Error {
  constructor(readonly reason: 'signed-out' | 'forbidden') {
    super(reason);
  }
}

export async function startStaffSession(userId: number): Promise<void> {
  const token = generateToken();
  await insertSession({ tokenHash: hashToken(token), userId, absoluteHours: SESSION_ABSOLUTE_HOURS });
  (await cookies()).set(COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: ON_HTTPS,
    path: '/',
    maxAge: SESSION_ABSOLUTE_HOURS * 3600,
  });
}

export async function endStaffSession(): Promise<void> {
  const store = await cookies();
  const token = store.get(COOKIE)?.value;
  if (token) await deleteSession({ tokenHash: hashToken(token) });
  store.delete(COOKIE);
}

/** The signed-in staff member of this request, read from the database once per request. */
export const currentStaff = cache(async (): Promise<StaffUser | null> => {
  const token = (await cookies()).get(COOKIE)?.value;
  if (!token) return null;
  return findSessionUser({ tokenHash: hashToken(token), idleMinutes: SESSION_IDLE_MINUTES });
});

/**
 * The check every staff query and action starts with (DESIGN.md invariant 6): a live session, and for
 * `role: 'admin'` an admin. Middleware is never trusted for this.
 */
export async function requireStaff({ role }: { role?: 'admin' } = {}): Promise<StaffUser> {
  const user = await currentStaff();
  if (!user) throw new StaffAccessError('signed-out');
  if (role === 'admin' && user.role !== 'admin') throw new StaffAccessError('forbidden');
  return user;
}

/** Whether `user` may work on bookings of `locationId`: admins everywhere, clerks at their own location. */
export const mayWorkAt = (user: StaffUser, locationId: number) => user.role === 'admin' || user.locationId === locationId;
