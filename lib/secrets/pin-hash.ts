import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { verifySecret } from '@/lib/auth/password';
import { appKey, appKeys, type AppSecrets } from './app-secret';

/** What a PIN belongs to: the row id alone is not unique across the two tables. */
export type PinOwner = { scope: 'booking' | 'request' | 'wish'; id: number };

const PREFIX = 'hmac-sha256$';

const digest = (key: Buffer, { scope, id }: PinOwner, pin: string) =>
  createHmac('sha256', key).update(`${scope}:${id}:${pin}`).digest('base64url');

/**
 * A PIN as stored: HMAC-SHA-256 under a key derived from APP_SECRET over the owner's id and the PIN.
 * Six digits need no slow hash when the key is not in the database: a dump alone gives nothing to guess
 * against, and checking costs microseconds (rate limits, not CPU, stop guessing online).
 */
export function hashPin(owner: PinOwner & { pin: string }, secrets?: AppSecrets): string {
  return PREFIX + digest(appKey('pin-hash', secrets), owner, owner.pin);
}

/**
 * True if `pin` matches the stored hash of this owner, under the current or the previous APP_SECRET.
 * Hashes from before APP_SECRET (`$argon2…`) are still checked with argon2 until those rows are erased.
 */
export async function verifyPin({ storedHash, pin, ...owner }: PinOwner & { storedHash: string; pin: string }, secrets?: AppSecrets): Promise<boolean> {
  if (storedHash.startsWith('$argon2')) return verifySecret(storedHash, pin);
  if (!storedHash.startsWith(PREFIX)) return false;
  const given = Buffer.from(storedHash.slice(PREFIX.length));
  let match = false;
  for (const key of appKeys('pin-hash', secrets)) {
    const expected = Buffer.from(digest(key, owner, pin));
    match = (expected.length === given.length && timingSafeEqual(expected, given)) || match;
  }
  return match;
}
