import { expect, test, type Browser } from '@playwright/test';
import type { Locale } from './support/booking-flow';
import { expectAccessible } from './support/axe';
import { sql } from './support/database';
import { ownAddressContext } from './support/staff';

const text = {
  de: { email: 'E-Mail-Adresse', password: 'Passwort', signIn: 'Anmelden', office: 'Bürgeramt Musterstadt-Mitte', totals: 'Übersicht des Tages', noShow: 'Nicht erschienen', citizenMenu: 'Hauptnavigation' },
  en: { email: 'Email address', password: 'Password', signIn: 'Sign in', office: "Citizens' Office Musterstadt Centre", totals: 'The day at a glance', noShow: 'No-show', citizenMenu: 'Main navigation' },
} as const;

/**
 * A booking at the main office around now (today), put straight into the database; if another test holds that
 * counter then, a few minutes later (the exclusion constraint decides).
 */
async function bookedAround({ counter, minutesAgo, status, name }: { counter: number; minutesAgo: number; status: string; name: string }) {
  for (let attempt = 0; ; attempt++) {
    const code = `T${counter}${status.slice(0, 2).toUpperCase()}-${Date.now().toString(36).toUpperCase()}${attempt}`;
    const start = new Date(Date.now() - (minutesAgo - attempt * 4) * 60_000);
    try {
      await sql(
        `insert into bookings (code, location_id, counter_id, during, status, source, name)
         select $1, l.id, c.id, tstzrange($2::timestamptz, $3::timestamptz), $5, 'staff', $6
         from locations l join counters c on c.location_id = l.id where l.slug = 'buergeramt-mitte' order by c.position offset $4 limit 1`,
        [code, start.toISOString(), new Date(start.getTime() + 3 * 60_000).toISOString(), counter, status, name],
      );
      return code;
    } catch (error) {
      if (attempt >= 5 || !String(error).includes('exclusion')) throw error;
    }
  }
}

async function clerkOn(browser: Browser, locale: Locale, viewport: { width: number; height: number }) {
  const t = text[locale];
  const page = await (await ownAddressContext(browser, { locale, viewport })).newPage();
  await page.goto(`/${locale}/verwaltung`);
  await page.getByLabel(t.email).fill('clerk@musterstadt.example');
  await page.getByLabel(t.password).fill('Clerk-Demo-2026');
  await page.getByRole('button', { name: t.signIn }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(t.office);
  return page;
}

test.describe('the day plan on a busy morning', () => {
  test('names the office, counts the day, shows a readable no-show card and fits a 390 px phone without the citizen menu', async ({ browser }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const t = text[locale];
    const code = await bookedAround({ counter: locale === 'de' ? 0 : 1, minutesAgo: 30 + (locale === 'de' ? 0 : 5), status: 'no_show', name: `Nora Nichtda ${locale}` });
    const page = await clerkOn(browser, locale, { width: 390, height: 844 });
    const totals = page.getByRole('region', { name: t.totals });
    const noShows = totals.locator('div').filter({ has: page.getByText(t.noShow, { exact: true }) }).getByRole('definition');
    expect(Number(await noShows.textContent())).toBeGreaterThanOrEqual(1);
    await expect(page.getByRole('navigation', { name: t.citizenMenu })).toHaveCount(0);
    await expect(page.getByRole('article').filter({ hasText: code })).toBeVisible();
    const lanes = await page.getByRole('region', { name: /^(Schalter|Counter) \d/ }).all();
    expect(lanes.length).toBeGreaterThan(1);
    for (const lane of lanes) {
      const box = (await lane.boundingBox())!;
      expect(box.x + box.width, 'a counter column is cut off on the phone').toBeLessThanOrEqual(390);
    }
    await expectAccessible(page, 'day plan');
  });

  test('updates by itself, keeping the clerk where they were', async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    const locale = testInfo.project.name as Locale;
    const page = await clerkOn(browser, locale, { width: 1280, height: 500 });
    await page.mouse.wheel(0, 200);
    // The wheel scrolls asynchronously (and the live waiting list renders after hydration): measure once it rests.
    let scrolled = -1;
    await expect.poll(async () => {
      const before = scrolled;
      scrolled = await page.evaluate(() => window.scrollY);
      return scrolled > 0 && scrolled === before;
    }, { intervals: [250] }).toBe(true);
    const name = `Lisa Live ${locale} ${Date.now()}`;
    await bookedAround({ counter: locale === 'de' ? 2 : 0, minutesAgo: -60 - (locale === 'de' ? 0 : 5), status: 'booked', name });
    await expect(page.getByText(name)).toBeVisible({ timeout: 45_000 });
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  });
});
