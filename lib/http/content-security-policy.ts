/** A fresh nonce per response: 128 random bits, base64. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

/**
 * The Content-Security-Policy of every page. Scripts run only with this response's nonce (Next.js puts
 * it on its own scripts when it finds the policy on the request); 'strict-dynamic' lets those load the
 * app's chunks. Styles may be inline: the day plan positions bookings with style attributes, and
 * styles cannot run code. Development adds what React's dev tooling needs (eval, the HMR socket).
 */
export function contentSecurityPolicy(nonce: string, { development = false, https = false } = {}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${development ? ' ws: wss:' : ''}`,
    // The proof-of-work runs in a worker the widget creates from a blob.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}
