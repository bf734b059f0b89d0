import { describe, expect, it } from 'vitest';

describe('GET /api/health without a database', () => {
  it('answers 503', async () => {
    // Nothing listens on port 9; configuration is read on first import, so this file points it there first.
    process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:9/none';
    const { GET } = await import('@/app/api/health/route');
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ database: 'down' });
  });
});
