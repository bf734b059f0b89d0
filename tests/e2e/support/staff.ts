import type { Browser, BrowserContextOptions } from '@playwright/test';

let next = 0;

/**
 * A browser context with a client address of its own (X-Forwarded-For, kept by Next.js), as each clerk's
 * workstation has: sign-in limits count per address, so parallel tests do not use up each other's budget.
 */
export function ownAddressContext(browser: Browser, options: BrowserContextOptions = {}) {
  const address = `203.0.113.${(process.pid + next++) % 250 + 1}`;
  return browser.newContext({ ...options, extraHTTPHeaders: { ...options.extraHTTPHeaders, 'x-forwarded-for': address } });
}
