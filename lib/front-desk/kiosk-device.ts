import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { insertKioskDevice, kioskDeviceByTokenHash, revokeKioskDevice } from '@/db/queries/front-desk';
import { writeAudit } from '@/db/queries/staff';
import { assertAdmin } from '@/lib/admin/access';
import type { StaffUser } from '@/lib/auth/staff-session';
import { generateToken, hashToken } from '@/lib/booking/secrets';
import { env } from '@/lib/env';

const ON_HTTPS = env.APP_URL.startsWith('https:') && env.NODE_ENV !== 'development';
const COOKIE = ON_HTTPS ? '__Host-amtstermin_kiosk' : 'amtstermin_kiosk';
/** A kiosk stays paired for a year (or until an admin revokes it); browsers cap cookies at 400 days. */
const COOKIE_DAYS = 365;

/** Registers a kiosk for an office; the token is returned once, to be typed or pasted on the tablet, and stored only hashed. */
export async function registerKiosk({ actor, locationId, name }: { actor: StaffUser | null; locationId: number; name: string }): Promise<{ id: number; token: string }> {
  assertAdmin(actor);
  const token = generateToken();
  return getDb().transaction(async (tx) => {
    const device = await insertKioskDevice({ tx, locationId, name, tokenHash: hashToken(token), createdBy: actor.id });
    await writeAudit({ tx, actorId: actor.id, action: 'kiosk-registered', entity: 'location', entityId: locationId, details: { device: device.id, name } });
    return { id: device.id, token };
  });
}

/** Ends a kiosk's access at once: its next request finds no device. */
export async function revokeKiosk({ actor, deviceId }: { actor: StaffUser | null; deviceId: number }): Promise<boolean> {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const device = await revokeKioskDevice({ id: deviceId, tx });
    if (device) await writeAudit({ tx, actorId: actor.id, action: 'kiosk-revoked', entity: 'location', entityId: device.locationId, details: { device: device.id } });
    return device !== null;
  });
}

/** The pairing step on the tablet: a valid token is kept in a long-lived httpOnly cookie. */
export async function pairKiosk(token: string): Promise<boolean> {
  const device = await kioskDeviceByTokenHash({ tokenHash: hashToken(token.trim()) });
  if (!device) return false;
  (await cookies()).set(COOKIE, token.trim(), { httpOnly: true, sameSite: 'strict', secure: ON_HTTPS, path: '/', maxAge: COOKIE_DAYS * 86_400 });
  return true;
}

/** The kiosk device of this request (from its cookie), or null: the kiosk's pages and actions accept nothing else. */
export const currentKiosk = cache(async () => {
  const token = (await cookies()).get(COOKIE)?.value;
  if (!token) return null;
  return kioskDeviceByTokenHash({ tokenHash: hashToken(token) });
});
