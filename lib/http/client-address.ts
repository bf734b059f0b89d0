import 'server-only';
import { headers } from 'next/headers';

/** The client's address for rate limits: the first X-Forwarded-For hop (set by Next.js or the proxy in front). */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  // Capped: it becomes part of a rate-limit key, and the header is whatever the client sent.
  return (h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip') || 'unknown').slice(0, 100);
}
