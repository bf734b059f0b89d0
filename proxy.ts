import createMiddleware from 'next-intl/middleware';
import { routing } from '@/lib/i18n/routing';

// Only locale negotiation and redirects happen here; access control lives with the data (DESIGN.md, invariant 6).
// Localized path names (/en/appointment → /en/termin) are rewritten in next.config.ts, not here: since
// Next.js 16.2.6 a proxy rewrite can be sent out as a request to the server itself and loop (vercel/next.js#94342).
const { pathnames: _localizedPaths, ...localeRouting } = routing;

export default createMiddleware(localeRouting);

export const config = {
  matcher: '/((?!api|_next|_vercel|.*\\..*).*)',
};
