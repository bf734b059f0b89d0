import 'server-only';
import { hkdfSync } from 'node:crypto';
import { env } from '@/lib/env';
import { ensureLocalAppSecret } from './local-app-secret';

/** APP_SECRET and, while a rotation runs, APP_SECRET_PREVIOUS: the new one signs, both are accepted. */
export type AppSecrets = { current: string; previous?: string };

let local: string | undefined;

function configured(): AppSecrets {
  if (env.APP_SECRET) return { current: env.APP_SECRET, previous: env.APP_SECRET_PREVIOUS };
  // lib/env.ts refuses production with DATABASE_URL and no APP_SECRET; anything else is a local setup.
  if (env.NODE_ENV === 'production') throw new Error('APP_SECRET is not set (at least 32 bytes, e.g. `openssl rand -base64 48`).');
  local ??= ensureLocalAppSecret();
  return { current: local };
}

const derived = new Map<string, Buffer>();

function derive(secret: string, purpose: string): Buffer {
  const id = `${purpose}\0${secret}`;
  let key = derived.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'amtstermin', `amtstermin:${purpose}`, 32));
    // A handful of purposes times one or two secrets in the app; tests pass their own.
    if (derived.size > 64) derived.clear();
    derived.set(id, key);
  }
  return key;
}

/**
 * Keys for one purpose (PIN hashes, change grants, challenge signing), derived from the server secret that
 * never lives in the database: the current key first, then the previous one during a rotation.
 */
export function appKeys(purpose: string, secrets: AppSecrets = configured()): Buffer[] {
  return [secrets.current, secrets.previous].filter((s): s is string => !!s).map((s) => derive(s, purpose));
}

/** The key that signs or hashes anything new for `purpose`. */
export const appKey = (purpose: string, secrets?: AppSecrets): Buffer => appKeys(purpose, secrets)[0]!;
