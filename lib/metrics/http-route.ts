import { routing } from '@/lib/i18n/routing';

// Every public path (`/de/termin`, `/en/appointment`) → the route it stands for (`/[locale]/termin`).
const pages = new Map<string, string>();
for (const [internal, localized] of Object.entries(routing.pathnames)) {
  for (const locale of routing.locales) {
    const external = typeof localized === 'string' ? localized : localized[locale];
    pages.set(`/${locale}${external === '/' ? '' : external}`, `/[locale]${internal === '/' ? '' : internal}`);
  }
}

/**
 * The route a request path belongs to, for the latency metric and the request log: a fixed set of names
 * (never a booking number or anything else a client chose), `other` for whatever is not a route of the app.
 */
export function routeOf(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0]!.replace(/\/+$/, '') || '/';
  const page = pages.get(path);
  if (page) return page;
  if (/^\/(de|en)$/.test(path) || path === '/') return path === '/' ? '/' : '/[locale]';
  if (path.startsWith('/_next/static/')) return '/_next/static';
  if (path.startsWith('/_next/image')) return '/_next/image';
  if (/^\/api\/termin\/[^/]+\/ics$/.test(path)) return '/api/termin/[code]/ics';
  if (/^\/api\/(health|challenge|statistik|metrics)$/.test(path)) return path;
  return 'other';
}
