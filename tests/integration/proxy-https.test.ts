import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';

// A build knows nothing of APP_URL; configuration is read on the first import of '@/lib/env', at runtime.
process.env.APP_URL = 'https://termine.musterstadt.example';
const { default: proxy } = await import('@/proxy');

const request = (path: string) => new NextRequest(new URL(path, 'https://termine.musterstadt.example'));

describe('the proxy when the app is served over https', () => {
  it('sends HSTS on pages and on its own refusals', async () => {
    for (const path of ['/de', '/en/appointment', '/de/gibt-es-nicht.txt']) {
      expect((await proxy(request(path))).headers.get('strict-transport-security'), path).toBe('max-age=63072000; includeSubDomains');
    }
    const foreign = await proxy(new NextRequest(new URL('/de/termin', 'https://termine.musterstadt.example'), { method: 'POST', headers: { origin: 'https://evil.example', host: 'termine.musterstadt.example' } }));
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('strict-transport-security')).toContain('max-age=');
  });
});
