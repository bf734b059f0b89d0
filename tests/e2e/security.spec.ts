import { expect, test, type Page } from '@playwright/test';
import { BookingFlow, type Locale } from './support/booking-flow';
import { sql } from './support/database';
import { expectAccessible } from './support/axe';
import { openDay } from './support/dates';
import { createOwnOffice, removeOwnOffice } from './support/own-office';

/** Every Content-Security-Policy complaint the browser logs while the test runs. */
function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|create)/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.describe('security headers', () => {
  test('every page runs its scripts under a per-response nonce and nothing is refused', async ({ page }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const violations = cspViolations(page);
    const response = (await page.goto(`/${locale}`))!;
    const csp = response.headers()['content-security-policy'] ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    // Browsers hide the attribute after parsing; the property keeps it.
    const scriptNonces = await page.locator('script').evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    // The scripts ran: the booking flow's client-side parts work (here: choosing and continuing).
    const flow = new BookingFlow(page, locale);
    await flow.chooseServices({ certificate: 1 });
    expect(violations).toEqual([]);
  });
});

test.describe('proof-of-work before holding a time', () => {
  // An office of its own per browser language that asks for the proof-of-work, so the seeded office stays as it is.
  let slug = '';
  test.beforeAll(async ({}, testInfo) => {
    slug = `e2e-pruefstelle-${testInfo.project.name}-${testInfo.repeatEachIndex}`;
    await createOwnOffice(slug, { requireChallenge: true });
  });
  test.afterAll(async () => {
    await removeOwnOffice(slug);
  });

  const timePage = (locale: Locale, day = openDay(locale === 'de' ? 1 : 2, 1)) =>
    `${locale === 'de' ? '/de/termin/zeit' : '/en/appointment/time'}?standort=${slug}&leistungen=meldebescheinigung:1&monat=${day.toFormat('yyyy-MM')}&tag=${day.toISODate()}`;

  test('the browser solves it without the citizen doing anything, and the time is held', async ({ page }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const violations = cspViolations(page);
    await page.goto(timePage(locale));
    // Hydrated (the widget's script is loaded by the page's own code), the solution most likely not ready yet.
    await page.waitForFunction(() => !!customElements.get('altcha-widget'));
    await expect(page.getByText(locale === 'de' ? /löst Ihr Browser eine kurze Rechenaufgabe/ : /your browser solves a short calculation/)).toBeVisible();
    await expectAccessible(page, 'the time page with the proof-of-work widget');
    // Chosen at once, before the solution may be ready: the form waits for it and sends the chosen time.
    await page.getByRole('button', { name: locale === 'de' ? /^10:00 Uhr reservieren/ : /^Reserve 10:00/ }).click();
    await expect(page).toHaveURL(/\/(daten|details)$/, { timeout: 30_000 });
    const [hold] = await sql<{ during: string }>(`select during::text from bookings b join locations l on l.id = b.location_id where l.slug = $1 and b.status = 'held' order by b.id desc limit 1`, [slug]);
    expect(hold?.during).toBeTruthy();
    expect(violations).toEqual([]);
  });

  test('when the check cannot run, the chosen time still goes out and the answer names the phone', async ({ page }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    // No challenge can be fetched (a proxy in between, a network error): the widget ends in its error state.
    await page.route('**/api/challenge**', (route) => route.abort());
    await page.goto(timePage(locale, openDay(locale === 'de' ? 1 : 2, 3)));
    await page.waitForFunction(() => !!customElements.get('altcha-widget'));
    await page.getByRole('button', { name: locale === 'de' ? /^09:00 Uhr reservieren/ : /^Reserve 09:00/ }).click();
    // (Next.js's route announcer is an alert region too; the notice is the one with the text.)
    await expect(page.getByRole('alert').filter({ hasText: locale === 'de' ? /telefonisch/ : /by phone/ })).toBeVisible({ timeout: 30_000 });
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('explains that the office needs JavaScript or a phone call, and holds nothing', async ({ page }, testInfo) => {
      const locale = testInfo.project.name as Locale;
      await page.goto(timePage(locale, openDay(locale === 'de' ? 1 : 2, 2)));
      await expect(page.getByText(locale === 'de' ? /JavaScript für die Online-Buchung nötig/ : /online booking needs JavaScript/)).toBeVisible();
      const before = await sql<{ n: number }>(`select count(*)::int as n from bookings b join locations l on l.id = b.location_id where l.slug = $1`, [slug]);
      await page.getByRole('button', { name: locale === 'de' ? /^11:00 Uhr reservieren/ : /^Reserve 11:00/ }).click();
      await expect(page.getByRole('alert').filter({ hasText: locale === 'de' ? /telefonisch/ : /by phone/ })).toBeVisible();
      expect(await sql(`select count(*)::int as n from bookings b join locations l on l.id = b.location_id where l.slug = $1`, [slug])).toEqual(before);
    });
  });
});

test('a form body over the size limit gets a translated page, not a server error', async ({ request }, testInfo) => {
  const locale = testInfo.project.name as Locale;
  const response = await request.post(locale === 'de' ? '/de/termin/daten' : '/en/appointment/details', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    data: `name=${'x'.repeat(1_100_000)}`,
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain(locale === 'de' ? 'Die Eingabe ist zu lang' : 'The input is too long');
});

test('a form post from another site is refused with a translated page, and changes nothing', async ({ request }, testInfo) => {
  const locale = testInfo.project.name as Locale;
  const before = await sql<{ n: number }>('select count(*)::int as n from bookings');
  const response = await request.post(locale === 'de' ? '/de/termin/zeit' : '/en/appointment/time', {
    headers: { origin: 'https://evil.example' },
    multipart: { locale, location: 'buergeramt-mitte', services: 'beglaubigung:1', start: new Date().toISOString() },
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain(locale === 'de' ? 'Diese Anfrage kam nicht von unserer Seite' : 'This request did not come from our site');
  expect(await sql('select count(*)::int as n from bookings')).toEqual(before);
});
