import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * The HTTP server in front of Next.js for `npm start`. Without a reverse proxy (TRUSTED_PROXY_HOPS=0) the
 * only address a client cannot choose is its socket's: the X-Forwarded-For it sent is replaced by that,
 * because Next.js keeps a client's header and adds the socket address only when there is none. Behind
 * proxies (1 or more) the header is theirs to append to and passes unchanged.
 */
export function createAppServer({ handle, trustedProxyHops }: { handle: Handle; trustedProxyHops: number }): Server {
  return createServer((req, res) => {
    if (trustedProxyHops === 0) {
      req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? 'unknown';
      delete req.headers['x-real-ip'];
    }
    void handle(req, res);
  });
}
