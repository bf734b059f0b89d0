// No 'server-only' here: scripts/start.ts and vitest.config.ts run it outside Next.js.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where the embedded default keeps its APP_SECRET (inside the git-ignored .data/ folder). */
export const LOCAL_APP_SECRET_FILE = path.join('.data', 'app-secret');

/**
 * The APP_SECRET of a local installation (embedded PostgreSQL, tests): made once, readable by the owner only,
 * and read again on every start, so PINs and grants stay valid across restarts. Production sets APP_SECRET.
 */
export function ensureLocalAppSecret(file = LOCAL_APP_SECRET_FILE): string {
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // `wx` fails if the file exists, so two processes starting at once keep the one secret written first.
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (Buffer.byteLength(secret) < 32) throw new Error(`${file} holds no usable secret (at least 32 bytes); delete it to make a new one.`);
  return secret;
}
