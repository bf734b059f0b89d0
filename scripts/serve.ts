/**
 * Serves the production build (what `next start` does) through `createAppServer`, so that with
 * TRUSTED_PROXY_HOPS=0 rate limits count the socket address. `npm start` runs this; run it directly with
 * `PORT=3000 npx tsx scripts/serve.ts` after `next build`.
 */
import next from 'next';
import { createAppServer } from './app-server';

const port = Number(process.env.PORT ?? 3000);
const trustedProxyHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);

const app = next({ dev: false, dir: process.cwd(), port });
await app.prepare();
const server = createAppServer({ handle: app.getRequestHandler(), trustedProxyHops });
// All interfaces, as `next start` listens.
server.listen(port, () => console.log(`  ▲ serving on http://localhost:${port} (client address: ${trustedProxyHops === 0 ? 'socket' : `X-Forwarded-For, ${trustedProxyHops} trusted proxy hop(s)`})`));
const stop = () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  // Requests still running get a few seconds; keep-alive sockets must not hold the exit.
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
