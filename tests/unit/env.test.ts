import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';

// lib/env.ts parses process.env once, on first import; each case imports it afresh.
const loadEnv = async (variables: Record<string, string>) => {
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  vi.resetModules();
  return (await import('@/lib/env')).env;
};

afterEach(() => vi.unstubAllEnvs());

describe('configuration checks at start', () => {
  it('takes a server-actions key of 32 random bytes in base64, and refuses anything else by name', async () => {
    const key = randomBytes(32).toString('base64');
    expect((await loadEnv({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key })).NEXT_SERVER_ACTIONS_ENCRYPTION_KEY).toBe(key);
    for (const bad of ['secret', randomBytes(16).toString('base64'), randomBytes(32).toString('hex')]) {
      await expect(loadEnv({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: bad }), bad).rejects.toThrow(/NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: must be 32 random bytes/);
    }
  });

  it('has sane pool defaults and reads DEMO as a switch', async () => {
    expect(await loadEnv({})).toMatchObject({ DB_POOL_MAX: 10, DB_STATEMENT_TIMEOUT_MS: 15_000, DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: 30_000 });
    expect((await loadEnv({ DEMO: 'true' })).DEMO).toBe(true);
    await expect(loadEnv({ DB_POOL_MAX: '0' })).rejects.toThrow(/DB_POOL_MAX/);
  });
});
