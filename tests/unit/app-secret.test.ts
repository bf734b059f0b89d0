import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { grantMatches, signChangeGrant } from '@/lib/booking/change-grant';
import { parseEnv } from '@/lib/env';
import { ensureLocalAppSecret } from '@/lib/secrets/local-app-secret';
import { hashPin, verifyPin } from '@/lib/secrets/pin-hash';

const a = { current: 'the-first-server-secret-32-bytes-long!' };
const b = { current: 'the-second-server-secret-32-bytes-long' };
const rotated = { ...b, previous: a.current };
const owner = { scope: 'booking', id: 7 } as const;

describe('PIN hashes keyed by APP_SECRET', () => {
  it('check the PIN of the owner they were made for, only with the secret', async () => {
    const storedHash = hashPin({ ...owner, pin: '123456' }, a);
    expect(storedHash).toMatch(/^hmac-sha256\$/);
    expect(await verifyPin({ ...owner, storedHash, pin: '123456' }, a)).toBe(true);
    expect(await verifyPin({ ...owner, storedHash, pin: '123457' }, a)).toBe(false);
    expect(await verifyPin({ ...owner, id: 8, storedHash, pin: '123456' }, a)).toBe(false);
    expect(await verifyPin({ ...owner, scope: 'request', storedHash, pin: '123456' }, a)).toBe(false);
    expect(await verifyPin({ ...owner, storedHash, pin: '123456' }, b)).toBe(false);
    expect(await verifyPin({ ...owner, storedHash: 'garbage', pin: '123456' }, a)).toBe(false);
  });

  it('keep working through a rotation while APP_SECRET_PREVIOUS holds the old secret', async () => {
    const storedHash = hashPin({ ...owner, pin: '123456' }, a);
    expect(await verifyPin({ ...owner, storedHash, pin: '123456' }, rotated)).toBe(true);
    expect(hashPin({ ...owner, pin: '123456' }, rotated)).toBe(hashPin({ ...owner, pin: '123456' }, b));
  });

  it('cost microseconds, so checking a million PINs is cheap for the server and useless without the secret', async () => {
    const storedHash = hashPin({ ...owner, pin: '123456' }, a);
    const started = performance.now();
    for (let i = 0; i < 2_000; i++) await verifyPin({ ...owner, storedHash, pin: String(i).padStart(6, '0') }, a);
    // argon2id with the password parameters takes about 20 ms a check: 2000 of them would be some 40 s.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('change grants keyed by APP_SECRET', () => {
  const booking = { id: 42, pinHash: 'hmac-sha256$x' };
  const now = new Date('2026-03-02T10:00:00Z');
  it('fit only under the secret they were signed with, or it as the previous one', () => {
    const grant = signChangeGrant({ bookingId: booking.id, pinHash: booking.pinHash, now, secrets: a });
    expect(grantMatches(grant, booking, now, a)).toBe(true);
    expect(grantMatches(grant, booking, now, b)).toBe(false);
    expect(grantMatches(grant, booking, now, rotated)).toBe(true);
  });
});

describe('APP_SECRET configuration', () => {
  const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db.example/amtstermin' } as const;
  it('is required in production with an external database, with at least 32 bytes', () => {
    expect(() => parseEnv(production)).toThrow(/APP_SECRET/);
    expect(() => parseEnv({ ...production, APP_SECRET: 'x'.repeat(31) })).toThrow(/APP_SECRET/);
    expect(parseEnv({ ...production, APP_SECRET: 'x'.repeat(32) }).APP_SECRET).toBe('x'.repeat(32));
    expect(() => parseEnv({ NODE_ENV: 'development', DATABASE_URL: production.DATABASE_URL })).not.toThrow();
  });

  it('is made once for a local installation, readable by its owner only', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'amtstermin-secret-')), '.data', 'app-secret');
    const first = ensureLocalAppSecret(file);
    expect(Buffer.byteLength(first)).toBeGreaterThanOrEqual(32);
    expect(ensureLocalAppSecret(file)).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
