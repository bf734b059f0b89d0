import client from 'prom-client';

/**
 * What each process measures itself (request latency, its database pool): Prometheus scrapes every instance
 * and adds them up. Counts that must agree across instances come from PostgreSQL instead (lib/metrics/scrape.ts).
 * Kept on globalThis: the server script (scripts/app-server.ts) records and the Next.js route reads, and the
 * two may load their own copies of this module.
 */
type ProcessMetrics = { registry: client.Registry; requestDuration: client.Histogram<'route' | 'method' | 'status'> };

const state = globalThis as unknown as { amtsterminProcessMetrics?: ProcessMetrics };

export function processMetrics(): ProcessMetrics {
  if (!state.amtsterminProcessMetrics) {
    const registry = new client.Registry();
    const requestDuration = new client.Histogram({
      name: 'amtstermin_http_request_duration_seconds',
      help: 'Time from request to the end of the answer, by route (npm start and npm run serve)',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    client.collectDefaultMetrics({ register: registry, prefix: 'amtstermin_process_' });
    state.amtsterminProcessMetrics = { registry, requestDuration };
  }
  return state.amtsterminProcessMetrics;
}
