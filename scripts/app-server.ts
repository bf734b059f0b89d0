import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { logFor } from '../lib/log/logger';
import { routeOf } from '../lib/metrics/http-route';
import { processMetrics } from '../lib/metrics/registry';

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

const log = logFor('http');
// A request id the proxy sent (nginx: `proxy_set_header X-Request-Id $request_id`) is kept when it looks like one.
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The HTTP server in front of Next.js for `npm start` and `npm run serve`. Without a reverse proxy
 * (TRUSTED_PROXY_HOPS=0) the only address a client cannot choose is its socket's: the X-Forwarded-For it
 * sent is replaced by that, because Next.js keeps a client's header and adds the socket address only when
 * there is none. Behind proxies (1 or more) the header is theirs to append to and passes unchanged.
 * Every answer is timed into the latency metric and logged as one line: request id, route (never the path
 * itself, which may hold a booking number), status, duration; no client address.
 */
export function createAppServer({ handle, trustedProxyHops }: { handle: Handle; trustedProxyHops: number }): Server {
  const { requestDuration } = processMetrics();
  return createServer((req, res) => {
    const started = process.hrtime.bigint();
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    req.headers['x-request-id'] = requestId;
    res.setHeader('X-Request-Id', requestId);
    if (trustedProxyHops === 0) {
      req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? 'unknown';
      delete req.headers['x-real-ip'];
    }
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(req.url);
      const status = res.writableFinished ? res.statusCode : 499;
      requestDuration.observe({ route, method: req.method ?? 'GET', status: String(status) }, seconds);
      if (route !== '/_next/static' && route !== '/api/health') {
        log.info({ requestId, method: req.method, route, status, durationMs: Math.round(seconds * 1000) }, 'request');
      }
    });
    void handle(req, res);
  });
}
