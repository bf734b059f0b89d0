import { describe, expect, it } from 'vitest';

describe('GET /api/health', () => {
  it('answers 200 while the database is reachable', async () => {
    const { GET } = await import('@/app/api/health/route');
    const response = await GET();
    expect(response.status).toBe(200);
  });
});
