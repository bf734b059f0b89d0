import { logFor } from '@/lib/log/logger';
import type { NextRequest } from 'next/server';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/i18n/routing';
import { contentSecurityPolicy, createNonce } from './content-security-policy';
import { noticeResponse, type Notice } from './notice-page';

/** Below Next.js's own server-action limit (1 MiB), which it answers with a bare 500. */
export const MAX_FORM_BODY_BYTES = 1_000_000;

/** Two years, the preload list's minimum; sent from the proxy so it follows APP_URL at runtime, not at build. */
const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/** Seconds a client is asked to wait while the database does not answer (a PostgreSQL restart takes a few). */
const UNAVAILABLE_RETRY_SECONDS = 30;

const localeOf = (request: NextRequest): Locale => (request.nextUrl.pathname.startsWith('/en') ? 'en' : 'de');

/**
 * Whether a body sent without Content-Length (chunked) is longer than `limit`. Reads a copy, and stops
 * after `limit` bytes, so the app still gets the whole body and a huge one is not buffered.
 */
async function bodyLongerThan(request: NextRequest, limit: number): Promise<boolean> {
  const reader = request.clone().body?.getReader();
  if (!reader) return false;
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      total += value.byteLength;
      if (total > limit) return true;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

/**
 * What every answer of the proxy gets, whatever the proxy itself does: HSTS when APP_URL is https (read at
 * runtime, so one build serves http and https installations), a translated 413 for a chunked form body over
 * the limit (Next.js would answer a bare 500), and a translated 503 instead of a bare 500 when the proxy
 * fails, e.g. its rate-limit query while PostgreSQL restarts.
 */
export function guardedProxy(proxy: (request: NextRequest) => Promise<Response>): (request: NextRequest) => Promise<Response> {
  const https = env.APP_URL.startsWith('https:') && env.NODE_ENV !== 'development';
  return async (request) => {
    const notice = (kind: Notice, retryAfterSeconds?: number) => {
      const nonce = createNonce();
      const csp = contentSecurityPolicy(nonce, { development: env.NODE_ENV === 'development', https });
      return noticeResponse({ notice: kind, locale: localeOf(request), nonce, csp, retryAfterSeconds });
    };
    let response: Response;
    try {
      const chunked = request.method === 'POST' && !request.headers.has('content-length');
      response = chunked && (await bodyLongerThan(request, MAX_FORM_BODY_BYTES)) ? notice('tooLarge') : await proxy(request);
    } catch (error) {
      // The cause only: a failed query's message lists its parameters.
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      logFor('proxy').error({ cause: cause instanceof Error ? cause.message : 'unknown error' }, 'answered 503');
      response = notice('unavailable', UNAVAILABLE_RETRY_SECONDS);
    }
    if (https) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    return response;
  };
}
