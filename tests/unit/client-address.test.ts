import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { clientAddressFrom } from '@/lib/http/client-address';
import { env } from '@/lib/env';
import { createAppServer } from '@/scripts/app-server';

/** Sends one request with `headers` through an app server whose "Next.js" answers with the headers it got. */
async function seenBehind(trustedProxyHops: number, headers: Record<string, string>) {
  const server = createAppServer({ trustedProxyHops, handle: (req, res) => void res.end(JSON.stringify(req.headers)) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return (await (await fetch(`http://127.0.0.1:${port}/de/termin/zeit`, { headers })).json()) as Record<string, string | undefined>;
  } finally {
    server.close();
  }
}

describe('the client address rate limits count', () => {
  it('is the socket address without a proxy: a client cannot choose it by sending X-Forwarded-For', async () => {
    const seen = await seenBehind(0, { 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.8' });
    expect(seen['x-forwarded-for']).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(seen['x-real-ip']).toBeUndefined();
    expect(clientAddressFrom(seen['x-forwarded-for']!, null, 0)).toMatch(/127\.0\.0\.1$/);
    // Whatever else reaches the app in that mode, X-Real-IP never decides.
    expect(clientAddressFrom(null, '203.0.113.8', 0)).toBe('unknown');
  });

  it('is what the trusted proxy appended when there is one', async () => {
    const seen = await seenBehind(1, { 'x-forwarded-for': '203.0.113.7, 198.51.100.4' });
    expect(seen['x-forwarded-for']).toBe('203.0.113.7, 198.51.100.4');
    expect(clientAddressFrom(seen['x-forwarded-for']!, null, 1)).toBe('198.51.100.4');
    expect(clientAddressFrom(seen['x-forwarded-for']!, null, 2)).toBe('203.0.113.7');
    expect(clientAddressFrom('198.51.100.4', null, 2)).toBe('untrusted');
  });

  it('is the socket address by default, the setting for `npm start` without a proxy', () => {
    expect(env.TRUSTED_PROXY_HOPS).toBe(0);
  });
});
