import { afterAll, describe, expect, it } from 'vitest';

// Configuration is read on the first import of '@/lib/env'.
process.env.DB_POOL_MAX = '3';
process.env.DB_STATEMENT_TIMEOUT_MS = '1500';
process.env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = '2500';

const { closeDb, getPool } = await import('@/db/client');

afterAll(() => closeDb());

describe("the app's connection pool", () => {
  it('takes its size and both PostgreSQL timeouts from the settings', async () => {
    expect(getPool().options.max).toBe(3);
    const { rows } = await getPool().query<{ statement: string; idle: string }>(
      "select current_setting('statement_timeout') as statement, current_setting('idle_in_transaction_session_timeout') as idle",
    );
    expect(rows[0]).toEqual({ statement: '1500ms', idle: '2500ms' });
  });

  it('has PostgreSQL cancel a statement that runs past the timeout', async () => {
    await expect(getPool().query('select pg_sleep(5)')).rejects.toMatchObject({ code: '57014' });
  });
});
