import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/env';

/**
 * The client's address as the trusted proxy in front saw it: the X-Forwarded-For entry TRUSTED_PROXY_HOPS
 * places from the end. Entries before it are whatever the client sent, so they are never used.
 * Capped: it becomes part of a rate-limit key.
 */
export function clientAddressFrom(forwardedFor: string | null, realIp: string | null = null): string {
  const hops = (forwardedFor ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  if (hops.length === 0) return (realIp || 'unknown').slice(0, 100);
  // Fewer entries than trusted proxies: the request did not come through them, and every entry is the
  // client's own word; such clients share one budget rather than picking their own.
  if (hops.length < env.TRUSTED_PROXY_HOPS) return 'untrusted';
  return hops[hops.length - env.TRUSTED_PROXY_HOPS]!.slice(0, 100);
}

/** The client's address for rate limits, in a server action or server component. */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  return clientAddressFrom(h.get('x-forwarded-for'), h.get('x-real-ip'));
}
