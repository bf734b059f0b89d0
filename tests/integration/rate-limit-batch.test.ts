import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hitRateLimit, hitRateLimitBatched, readRateLimit } from '@/db/queries/rate-limits';

describe('batched rate limit', () => {
  it('counts every one of many concurrent hits and allows exactly the limit', async () => {
    const key = `availability:test-${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 45 }, () => hitRateLimitBatched({ key, limit: 20, windowSeconds: 60 })));
    expect(results.filter((r) => r.allowed)).toHaveLength(20);
    expect((await readRateLimit({ key, windowSeconds: 60 })).hits).toBe(45);
  });

  it('shares its count with unbatched hits and keeps keys apart', async () => {
    const [a, b] = [`availability:a-${randomUUID()}`, `availability:b-${randomUUID()}`];
    await hitRateLimit({ key: a, limit: 3, windowSeconds: 60 });
    await hitRateLimit({ key: a, limit: 3, windowSeconds: 60 });
    const results = await Promise.all([a, a, b, b].map((key) => hitRateLimitBatched({ key, limit: 3, windowSeconds: 60 })));
    expect(results.map((r) => r.allowed)).toEqual([true, false, true, true]);
    expect(results.every((r) => r.retryAfterSeconds >= 1 && r.retryAfterSeconds <= 60)).toBe(true);
  });
});
