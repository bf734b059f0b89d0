import { createHash, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';
import { scrapeMetrics } from '@/lib/metrics/scrape';

export const dynamic = 'force-dynamic';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Prometheus scrape endpoint; `Authorization: Bearer $METRICS_TOKEN`. Without METRICS_TOKEN it does not exist. */
export async function GET(request: Request): Promise<Response> {
  if (!env.METRICS_TOKEN) return new Response('Not found', { status: 404 });
  const given = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
  if (!timingSafeEqual(digest(given), digest(env.METRICS_TOKEN))) {
    return new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="metrics"', 'Cache-Control': 'no-store' } });
  }
  const { contentType, body } = await scrapeMetrics();
  return new Response(body, { headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' } });
}
