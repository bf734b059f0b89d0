import createMiddleware from 'next-intl/middleware';
import { routing } from '@/lib/i18n/routing';

// Only locale negotiation and redirects happen here; access control lives with the data (DESIGN.md, invariant 6).
export default createMiddleware(routing);

export const config = {
  matcher: '/((?!api|_next|_vercel|.*\\..*).*)',
};
