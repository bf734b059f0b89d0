import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { hitRateLimitBatched } from '@/db/queries/rate-limits';
import { env } from '@/lib/env';
import { clientAddressFrom } from '@/lib/http/client-address';
import { contentSecurityPolicy, createNonce } from '@/lib/http/content-security-policy';
import { guardedProxy, MAX_FORM_BODY_BYTES } from '@/lib/http/guarded-proxy';
import { noticeResponse } from '@/lib/http/notice-page';
import { routing, type Locale } from '@/lib/i18n/routing';

// Locale negotiation, the CSP nonce and two cheap refusals happen here; access control lives with the data
// (DESIGN.md, invariant 6). Localized path names (/en/appointment → /en/termin) are rewritten in
// next.config.ts, not here: since Next.js 16.2.6 a proxy rewrite can be sent out as a request to the
// server itself and loop (vercel/next.js#94342).
const { pathnames: _localizedPaths, ...localeRouting } = routing;
const handleI18nRouting = createMiddleware(localeRouting);

/**
 * Pages that compute free times, in every locale and under both the localized and the internal spelling
 * (next.config.ts rewrites one onto the other, so both reach the page): the reads a release rush hammers.
 */
const AVAILABILITY_PAGES = new Set(
  (['/termin/zeit', '/termin/verschieben'] as const).flatMap((path) => routing.locales.flatMap((locale) => [`/${locale}${routing.pathnames[path][locale]}`, `/${locale}${path}`])),
);

/**
 * Server actions accept only the app's own origin. Next.js checks too, but answers a foreign one with a
 * bare 500; refusing here gives the translated page. A request without Origin (no browser sends a form
 * post without one) is left to Next.js's own check.
 */
function fromOwnOrigin(request: NextRequest): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return true;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  return URL.canParse(origin) && new URL(origin).host === host;
}

/**
 * The path as the router matches it: Next.js decodes percent-escapes (`/de/termin/%7Aeit` renders the time
 * page), so the limit compares the decoded path, with repeated and trailing slashes folded.
 */
function routedPath(pathname: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // A malformed escape reaches no page; compare it as it came.
  }
  return decoded.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
}

/** The load test's framework floor, app/lasttest (404 unless LOAD_TEST_FLOOR=true). */
const FLOOR_PATH = '/lasttest';

const localeOf = (request: NextRequest): Locale => (request.nextUrl.pathname.startsWith('/en') ? 'en' : routing.defaultLocale);

async function proxy(request: NextRequest) {
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, { development: env.NODE_ENV === 'development', https: env.APP_URL.startsWith('https:') });

  if (request.method === 'POST' && !fromOwnOrigin(request)) {
    return noticeResponse({ notice: 'foreignOrigin', locale: localeOf(request), nonce, csp });
  }
  if (request.method === 'POST' && Number(request.headers.get('content-length') ?? 0) > MAX_FORM_BODY_BYTES) {
    return noticeResponse({ notice: 'tooLarge', locale: localeOf(request), nonce, csp });
  }
  if (request.method === 'GET' && AVAILABILITY_PAGES.has(routedPath(request.nextUrl.pathname))) {
    const address = clientAddressFrom(request.headers.get('x-forwarded-for'), request.headers.get('x-real-ip'));
    const limit = await hitRateLimitBatched({ key: `availability:${address}`, limit: env.AVAILABILITY_READS_PER_CLIENT_PER_MINUTE, windowSeconds: 60 });
    if (!limit.allowed) return noticeResponse({ notice: 'tooManyRequests', locale: localeOf(request), nonce, csp, retryAfterSeconds: limit.retryAfterSeconds });
  }

  // Next.js reads the nonce for its own scripts from the policy on the request.
  request.headers.set('Content-Security-Policy', csp);
  // The load test's framework floor (app/lasttest) has no locale: the same proxy work, no locale routing.
  const response = request.nextUrl.pathname === FLOOR_PATH ? NextResponse.next({ request: { headers: request.headers } }) : handleI18nRouting(request);
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

// HSTS, chunked bodies over the limit, and a translated 503 when the proxy fails (lib/http/guarded-proxy.ts).
export default guardedProxy(proxy);

// Dotted paths too (there are no public files): their 404 page needs the CSP and its nonce like any other.
export const config = {
  matcher: '/((?!api|_next|_vercel|favicon\\.ico).*)',
};

