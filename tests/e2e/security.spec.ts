import http from 'node:http';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { BookingFlow, type Locale } from './support/booking-flow';
import { sql } from './support/database';
import { expectAccessible } from './support/axe';
import { openDay, uniqueEmail } from './support/dates';
import { createOwnOffice, removeOwnOffice } from './support/own-office';
import { startSecondInstance } from './support/second-instance';

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

test('404 pages, dotted paths too, send the CSP and run their scripts under its nonce', async ({ page }, testInfo) => {
  const locale = testInfo.project.name as Locale;
  const violations = cspViolations(page);
  for (const path of [`/${locale}/gibt-es-nicht`, `/${locale}/gibt-es-nicht.txt`, '/gibt-es-nicht.php']) {
    const response = (await page.goto(path))!;
    expect(response.status(), path).toBe(404);
    const nonce = /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1];
    expect(nonce, `${path}: CSP with a nonce`).toBeTruthy();
    // The scripts the server sent; chunks those scripts load later are trusted through 'strict-dynamic' (and
    // any the browser refused would be among the violations below).
    const scriptNonces = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map(([tag]) => /\snonce="([^"]*)"/.exec(tag)?.[1] ?? '');
    expect(scriptNonces.length, path).toBeGreaterThan(0);
    expect(new Set(scriptNonces), `${path}: scripts carry this response's nonce`).toEqual(new Set([nonce]));
  }
  expect(violations).toEqual([]);
});

test('a chunked form body (no Content-Length) over the size limit gets the translated 413 page, not a bare 500', async ({}, testInfo) => {
  const locale = testInfo.project.name as Locale;
  const url = new URL(locale === 'de' ? '/de/termin/daten' : '/en/appointment/details', testInfo.project.use.baseURL);
  const answer = await new Promise<{ status: number; type: string; csp: string; body: string }>((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked', origin: url.origin } }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, type: String(response.headers['content-type']), csp: String(response.headers['content-security-policy']), body }));
    });
    // The server may answer before the whole body is sent and close the connection.
    request.on('error', (error) => (error.message.includes('EPIPE') || error.message.includes('ECONNRESET') ? undefined : reject(error)));
    const chunk = `name=${'x'.repeat(64 * 1024)}`;
    for (let i = 0; i < 18; i++) request.write(chunk);
    request.end();
  });
  expect(answer.status).toBe(413);
  expect(answer.type).toContain('text/html');
  expect(answer.csp).toContain("frame-ancestors 'none'");
  expect(answer.body).toContain(locale === 'de' ? 'Die Eingabe ist zu lang' : 'The input is too long');
});

test.describe('two instances of one build with one server-actions key', () => {
  test.use({ javaScriptEnabled: false });

  /** Sends every form post of `context` to `target` instead, as a load balancer may. */
  async function postTo(context: BrowserContext, target: string): Promise<() => number> {
    let sent = 0;
    await context.route('**/*', async (route) => {
      const request = route.request();
      if (request.method() !== 'POST') return route.continue();
      const url = new URL(request.url());
      const other = new URL(target);
      url.host = other.host;
      sent++;
      // Sent from here rather than rerouted in the browser, so Host and Origin both name the other instance.
      const response = await route.fetch({ url: url.toString(), headers: { ...request.headers(), origin: other.origin }, maxRedirects: 0 });
      await route.fulfill({ response });
    });
    return () => sent;
  }

  test("take each other's forms: a booking made of pages from one and posts to the other, both ways", async ({ browser, page, context }, testInfo) => {
    // One pair of instances is enough; the forms are the same in both languages.
    test.skip(testInfo.project.name !== 'de', 'runs once');
    test.setTimeout(180_000);
    const second = await startSecondInstance();
    try {
      // A Wednesday no other spec books on, inside the 42-day horizon (a day beyond it would show another day's times).
      const day = openDay(3, 4);
      // Pages from the first instance, forms posted to the second.
      const toSecond = await postTo(context, second.url);
      const first = new BookingFlow(page, 'de');
      await first.chooseServices({ certificate: 1 });
      await first.openDay(day);
      await first.reserve('09:00');
      await first.fillContact({ name: 'Erika Zweitinstanz', email: uniqueEmail('two-instances') });
      expect((await first.confirm()).code).toBeTruthy();
      expect(toSecond()).toBeGreaterThanOrEqual(3);

      // Pages from the second instance, forms posted to the first.
      const otherContext = await browser.newContext({ baseURL: second.url, javaScriptEnabled: false, locale: 'de-DE' });
      try {
        const toFirst = await postTo(otherContext, testInfo.project.use.baseURL!);
        const back = new BookingFlow(await otherContext.newPage(), 'de');
        await back.chooseServices({ certificate: 1 });
        await back.openDay(day);
        await back.reserve('09:30');
        await back.fillContact({ name: 'Erik Erstinstanz', email: uniqueEmail('two-instances') });
        expect((await back.confirm()).code).toBeTruthy();
        expect(toFirst()).toBeGreaterThanOrEqual(3);
      } finally {
        await otherContext.close();
      }
    } finally {
      await second.stop();
    }
  });
});
