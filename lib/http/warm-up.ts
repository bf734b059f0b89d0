import { logFor } from '@/lib/log/logger';
import { routing } from '@/lib/i18n/routing';

const log = logFor('serve');

/** The pages a citizen opens first, in both languages; the time pages are left out (they count against a rate limit). */
export const WARM_UP_PATHS = routing.locales.flatMap((locale) => ['', '/termin', '/termin/absagen'].map((path) => (path ? `/${locale}${routing.pathnames[path as '/termin'][locale]}` : `/${locale}`)));

/**
 * Opens each page once as soon as the instance listens. A route's first render loads its code (about 0.35 s instead
 * of 0.03 s), so without this the first citizens after a start wait, and a request that arrives then is in flight
 * long enough that an instance dying at that moment takes it along (nginx can repeat a request on the other
 * instance only until the answer has begun). Failures are logged and ignored: the pages render on demand anyway.
 */
export async function warmUp({ baseUrl, paths = WARM_UP_PATHS }: { baseUrl: string; paths?: readonly string[] }): Promise<void> {
  const started = performance.now();
  for (const [i, path] of paths.entries()) {
    try {
      // Its own request id, so the log tells these from requests that came through the proxy.
      const response = await fetch(new URL(path, baseUrl), { redirect: 'manual', headers: { 'x-request-id': `warm-up-${i + 1}` } });
      await response.arrayBuffer();
    } catch (error) {
      log.warn({ path, error: String(error) }, 'warm-up request failed');
    }
  }
  log.info({ paths: paths.length, ms: Math.round(performance.now() - started) }, 'warmed up');
}
