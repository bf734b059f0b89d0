import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/env';

/**
 * The client's address as the trusted proxy in front saw it: the X-Forwarded-For entry TRUSTED_PROXY_HOPS
 * places from the end. Entries before it are whatever the client sent, so they are never used. With 0
 * hops the header holds only the socket address (`npm start`'s server replaced it) and X-Real-IP is ignored.
 * Capped: it becomes part of a rate-limit key.
 */
export function clientAddressFrom(forwardedFor: string | null, realIp: string | null = null, hops = env.TRUSTED_PROXY_HOPS): string {
  const entries = (forwardedFor ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  if (hops === 0) return (entries.at(-1) ?? 'unknown').slice(0, 100);
  if (entries.length === 0) return (realIp || 'unknown').slice(0, 100);
  // Fewer entries than trusted proxies: the request did not come through them, and every entry is the
  // client's own word; such clients share one budget rather than picking their own.
  if (entries.length < hops) return 'untrusted';
  return entries[entries.length - hops]!.slice(0, 100);
}

/** The client's address for rate limits, in a server action or server component. */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  return clientAddressFrom(h.get('x-forwarded-for'), h.get('x-real-ip'));
}
