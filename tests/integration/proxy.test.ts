import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import proxy from '@/proxy';
import { env } from '@/lib/env';

const request = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) => new NextRequest(new URL(path, 'http://localhost:3000'), init);

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];

describe('the proxy in front of every page', () => {
  it('gives every page a Content-Security-Policy with a fresh nonce, no inline scripts, and no framing', async () => {
    const first = await proxy(request('/de/termin'));
    const second = await proxy(request('/de/termin'));
    const csp = first.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(nonceOf(second.headers.get('content-security-policy'))).not.toBe(nonceOf(csp));
  });

  it('answers a client that reads free times too often with a translated 429 and Retry-After, per client address', async () => {
    const limit = env.AVAILABILITY_READS_PER_CLIENT_PER_MINUTE;
    const from = (address: string, path = '/en/appointment/time?standort=buergeramt-mitte') => proxy(request(path, { headers: { 'x-forwarded-for': address } }));
    for (let i = 0; i < limit; i++) expect((await from('198.51.100.20')).status, `read ${i + 1}`).not.toBe(429);
    const refused = await from('198.51.100.20');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    const page = await refused.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Please wait a moment');
    // The German spelling of the page counts toward the same limit and answers in German.
    const german = await from('198.51.100.20', '/de/termin/zeit?standort=buergeramt-mitte');
    expect(german.status).toBe(429);
    expect(await german.text()).toContain('Bitte warten Sie einen Moment');
    // The internal spelling that the localized one is rewritten to reaches the same page, and counts too.
    expect((await from('198.51.100.20', '/en/termin/zeit?standort=buergeramt-mitte')).status).toBe(429);
    // Another client, and other pages for this one, are not affected.
    expect((await from('198.51.100.21')).status).not.toBe(429);
    expect((await from('198.51.100.20', '/de/termin')).status).not.toBe(429);
  });

  it('counts the time page however its path is spelled', async () => {
    const limit = env.AVAILABILITY_READS_PER_CLIENT_PER_MINUTE;
    // Next.js decodes the path before routing: each of these renders the time page.
    const spellings = ['/de/termin/%7Aeit', '/de/termin/zei%74', '/de/termin//zeit', '/de/termin/zeit/', '/en/appointment/%74ime'];
    for (let i = 0; i < limit; i++) await proxy(request(`${spellings[i % spellings.length]}?standort=buergeramt-mitte`, { headers: { 'x-forwarded-for': '198.51.100.40' } }));
    for (const spelling of spellings) expect((await proxy(request(spelling, { headers: { 'x-forwarded-for': '198.51.100.40' } }))).status, spelling).toBe(429);
    // A malformed escape reaches no page and is no error here.
    expect((await proxy(request('/de/termin/%E0%A4%A', { headers: { 'x-forwarded-for': '198.51.100.41' } }))).status).not.toBe(500);
  });

  it('counts the address the trusted proxy appended, not one the client put in front', async () => {
    const limit = env.AVAILABILITY_READS_PER_CLIENT_PER_MINUTE;
    for (let i = 0; i <= limit; i++) await proxy(request('/de/termin/zeit', { headers: { 'x-forwarded-for': `10.9.${i % 250}.1, 198.51.100.30` } }));
    expect((await proxy(request('/de/termin/zeit', { headers: { 'x-forwarded-for': '203.0.113.99, 198.51.100.30' } }))).status).toBe(429);
  });

  it('refuses a form body over the server-action limit with a translated 413 instead of a server error', async () => {
    const response = await proxy(request('/de/termin/daten', { method: 'POST', headers: { 'content-length': String(1_100_000), 'content-type': 'application/x-www-form-urlencoded' } }));
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('Die Eingabe ist zu lang');
  });

  it('refuses a chunked form body (no Content-Length) over the limit with the translated 413, and lets a small one through', async () => {
    const chunked = (bytes: number) => {
      const chunk = new Uint8Array(64 * 1024).fill(0x61);
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= bytes) return controller.close();
          const part = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
          sent += part.length;
          controller.enqueue(part);
        },
      });
      return new NextRequest(new URL('/en/appointment/details', 'http://localhost:3000'), { method: 'POST', body, duplex: 'half', headers: { 'content-type': 'application/x-www-form-urlencoded' } } as ConstructorParameters<typeof NextRequest>[1]);
    };
    const large = await proxy(chunked(1_100_000));
    expect(large.status).toBe(413);
    expect(large.headers.get('content-security-policy')).toContain("script-src 'self' 'nonce-");
    expect(await large.text()).toContain('The input is too long');
    const small = chunked(10_000);
    expect((await proxy(small)).status).not.toBe(413);
    // The app still gets the whole body.
    expect((await small.text()).length).toBe(10_000);
  });

  it('sends no HSTS while APP_URL is plain http', async () => {
    expect((await proxy(request('/de'))).headers.get('strict-transport-security')).toBeNull();
  });

  it('refuses a form post from another origin with a translated 403, and lets the own origin through', async () => {
    const post = (origin: string) => proxy(request('/en/appointment', { method: 'POST', headers: { origin, host: 'termine.musterstadt.example' } }));
    const foreign = await post('https://evil.example');
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain('This request did not come from our site');
    expect((await post('https://termine.musterstadt.example')).status).not.toBe(403);
  });
});
