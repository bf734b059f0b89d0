import { createTranslator } from 'next-intl';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import { escapeHtml } from '@/lib/html/escape';
import type { Locale } from '@/lib/i18n/routing';

export type Notice = 'tooManyRequests' | 'tooLarge' | 'foreignOrigin' | 'unavailable';

const STATUS: Record<Notice, number> = { tooManyRequests: 429, tooLarge: 413, foreignOrigin: 403, unavailable: 503 };



/**
 * A small translated page the proxy answers with before the app runs (429 with Retry-After, 413, 403, 503):
 * no database, no React, so it stays cheap under the load it is there to turn away.
 */
export function noticeResponse({ notice, locale, nonce, csp, retryAfterSeconds }: { notice: Notice; locale: Locale; nonce: string; csp: string; retryAfterSeconds?: number }): Response {
  const t = createTranslator({ locale, messages: locale === 'en' ? en : de, namespace: 'Notice' });
  const minutes = Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60));
  const title = { tooManyRequests: t('tooManyTitle'), tooLarge: t('tooLargeTitle'), foreignOrigin: t('foreignOriginTitle'), unavailable: t('unavailableTitle') }[notice];
  const text = { tooManyRequests: t('tooManyText', { minutes }), tooLarge: t('tooLargeText'), foreignOrigin: t('foreignOriginText'), unavailable: t('unavailableText') }[notice];
  const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} – ${escapeHtml(t('town'))}</title>
<style nonce="${nonce}">
body { margin: 0; font: 1.125rem/1.6 system-ui, sans-serif; color: #1a1a1a; background: #fff; }
header { background: #0b4a8b; color: #fff; padding: 1rem 1.5rem; font-weight: 700; }
main { max-width: 40rem; padding: 2rem 1.5rem; }
h1 { font-size: 1.75rem; line-height: 1.25; color: #0b2f57; }
a { color: #0b4a8b; }
a:focus { outline: 3px solid #0b4a8b; outline-offset: 2px; }
</style>
</head>
<body>
<header>${escapeHtml(t('town'))}</header>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(text)}</p>
<p><a href="/${locale}">${escapeHtml(t('home'))}</a></p>
</main>
</body>
</html>`;
  const headers = new Headers({ 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp, 'Cache-Control': 'no-store' });
  if (notice === 'tooManyRequests' || notice === 'unavailable') headers.set('Retry-After', String(retryAfterSeconds ?? 60));
  return new Response(html, { status: STATUS[notice], headers });
}
