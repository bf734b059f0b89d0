import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';

// Nothing listens on port 9 (as while PostgreSQL restarts); configuration is read on first import.
process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:9/none';
const { default: proxy } = await import('@/proxy');

describe('the proxy while the database does not answer', () => {
  it('answers the free-times pages with the translated 503 page, its CSP and Retry-After, not a bare 500', async () => {
    for (const [path, text] of [
      ['/de/termin/zeit?standort=buergeramt-mitte', 'Der Dienst ist kurz nicht erreichbar'],
      ['/en/appointment/time?standort=buergeramt-mitte', 'The service is briefly unavailable'],
    ] as const) {
      const response = await proxy(new NextRequest(new URL(path, 'http://localhost:3000'), { headers: { 'x-forwarded-for': '198.51.100.40' } }));
      expect(response.status, path).toBe(503);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await response.text()).toContain(text);
    }
  });
});
