/**
 * Serves the production build (what `next start` does) through `createAppServer`, so that with
 * TRUSTED_PROXY_HOPS=0 rate limits count the socket address. `npm start` runs this; run it directly with
 * `PORT=3000 npx tsx scripts/serve.ts` after `next build`.
 */
import next from 'next';
import { createAppServer } from './app-server';

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? '0.0.0.0';
const trustedProxyHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);

const app = next({ dev: false, dir: process.cwd(), port, hostname });
await app.prepare();
const server = createAppServer({ handle: app.getRequestHandler(), trustedProxyHops });
server.listen(port, hostname, () => console.log(`  ▲ serving on http://localhost:${port} (client address: ${trustedProxyHops === 0 ? 'socket' : `X-Forwarded-For, ${trustedProxyHops} trusted proxy hop(s)`})`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
