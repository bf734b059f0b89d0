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
  const address = hops.length > 0 ? hops[Math.max(0, hops.length - env.TRUSTED_PROXY_HOPS)] : realIp;
  return (address || 'unknown').slice(0, 100);
}

/** The client's address for rate limits, in a server action or server component. */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  return clientAddressFrom(h.get('x-forwarded-for'), h.get('x-real-ip'));
}
