import { expect, test, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { BookingFlow, type Locale } from './support/booking-flow';
import { sql } from './support/database';
import { berlin, openDay, uniqueEmail } from './support/dates';

// Tuesday (de) or Friday (en) three weeks on: days the other booking specs leave alone.
const dayFor = (locale: Locale) => openDay(locale === 'de' ? 2 : 5, 2);

const text = {
  de: {
    otherWindow: /in einem anderen Fenster eine andere Uhrzeit reserviert/,
    edit: 'Ändern',
    expired: /Reservierung ist abgelaufen/,
    english: 'English',
    nameEn: 'First and last name',
    comeEarly: /5 Minuten vor Ihrem Termin/,
    map: 'Auf der Karte ansehen (OpenStreetMap)',
    fee: /Gebühr: 70,00 €/,
    print: 'Seite drucken',
  },
  en: {
    otherWindow: /reserved another time in a second window/,
    edit: 'Change',
    expired: /reservation has expired/,
    english: 'Deutsch',
    nameEn: 'Vor- und Nachname',
    comeEarly: /5 minutes before your appointment/,
    map: 'Show on the map (OpenStreetMap)',
    fee: /Fee: €70.00/,
    print: 'Print this page',
  },
} as const;

async function shoot(page: Page, name: string) {
  for (const [label, size] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 900 }]] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screens/${name}-${label}.png`, fullPage: true });
  }
}

test.describe('the citizen keeps what was typed and sees what happened', () => {
  test('confirming in a window whose reservation a second window replaced says so, shows the current one and books nothing', async ({ browser }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const context = await browser.newContext({ locale });
    const first = new BookingFlow(await context.newPage(), locale);
    const second = new BookingFlow(await context.newPage(), locale);
    const email = uniqueEmail('two-windows');

    await first.chooseServices({ certificate: 1 });
    await first.openDay(dayFor(locale));
    await first.reserve('09:30');
    await first.fillContact({ name: 'Erika Zweifenster', email });
    await expect(first.page).toHaveURL(/(pruefen|review)$/);

    await second.chooseServices({ certificate: 1 });
    await second.openDay(dayFor(locale));
    await second.reserve('11:30');

    await first.page.getByRole('button', { name: first.t.confirm }).click();
    const notice = first.page.getByRole('alert').filter({ hasText: text[locale].otherWindow });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('11:30');
    await shoot(first.page, `two-windows-${locale}`);
    const booked = await sql<{ n: number }>("select count(*)::int as n from bookings where status = 'booked' and email = $1", [email]);
    expect(booked[0]!.n).toBe(0);
    await context.close();
  });

  test('keeps name, email and consent through "Change", Back, a language switch and an expired hold, back on the chosen day', async ({ page }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const t = text[locale];
    const flow = new BookingFlow(page, locale);
    const day = dayFor(locale);
    const email = uniqueEmail('keep');
    await flow.chooseServices({ certificate: 1 });
    await flow.openDay(day);
    await flow.reserve('10:30');
    await flow.fillContact({ name: 'Karl Behalten', email });
    await expect(page).toHaveURL(/(pruefen|review)$/);

    // "Change" from the review: everything is still there, consent included.
    await page.getByRole('link', { name: t.edit, exact: true }).click();
    await expect(page.getByLabel(flow.t.name)).toHaveValue('Karl Behalten');
    await expect(page.getByLabel(flow.t.email)).toHaveValue(email);
    await expect(page.getByRole('checkbox', { name: flow.t.consent })).toBeChecked();

    // The browser's Back button from the review.
    await page.getByRole('button', { name: flow.t.toReview }).click();
    await expect(page).toHaveURL(/(pruefen|review)$/);
    await page.goBack();
    await expect(page.getByLabel(flow.t.name)).toHaveValue('Karl Behalten');

    // Typed but not yet sent, then the language switched.
    await page.getByLabel(flow.t.phone).fill('07123 98765');
    await page.getByRole('navigation', { name: locale === 'de' ? 'Sprache' : 'Language' }).getByRole('link', { name: t.english }).click();
    await expect(page.getByLabel(t.nameEn)).toHaveValue('Karl Behalten');
    await expect(page.getByRole('textbox', { name: locale === 'de' ? /Phone number/ : /Telefonnummer/ })).toHaveValue('07123 98765');
    await page.goBack();

    // The hold runs out: back to the chosen day, and the next reservation starts with the details.
    await sql("update bookings set hold_expires_at = now() - interval '1 second' where status = 'held' and lower(during) = $1::timestamptz", [berlin(day, '10:30').toISO()]);
    await page.reload();
    await expect(page.getByRole('alert').filter({ hasText: t.expired })).toBeVisible();
    expect(new URL(page.url()).searchParams.get('tag')).toBe(day.toISODate());
    await flow.reserve('10:50');
    await expect(page.getByLabel(flow.t.name)).toHaveValue('Karl Behalten');
    await expect(page.getByLabel(flow.t.email)).toHaveValue(email);
  });

  test('the confirmation gives the address with a map link, asks to come early, lists the fee and prints', async ({ page }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const t = text[locale];
    const flow = new BookingFlow(page, locale);
    await flow.chooseServices({ passport: 1 });
    await shoot(page, `time-${locale}`);
    await flow.openDay(dayFor(locale));
    await flow.reserve('12:00');
    await shoot(page, `details-${locale}`);
    await flow.fillContact({ name: 'Paula Druck', email: uniqueEmail('print') });
    await flow.confirm();
    await expect(page.getByText(t.comeEarly)).toBeVisible();
    await expect(page.getByText(t.fee)).toBeVisible();
    await expect(page.getByRole('link', { name: t.map })).toHaveAttribute('href', /^https:\/\/www\.openstreetmap\.org\/search\?query=Marktplatz/);
    await expect(page.getByRole('button', { name: t.print })).toBeVisible();
    await shoot(page, `confirmation-${locale}`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: t.print })).toBeHidden();
    await page.screenshot({ path: `test-results/screens/confirmation-print-${locale}.png`, fullPage: true });
  });
});

test.describe('requests to a branch office', () => {
  test('offer only the days the office opens, and for a day only the parts of day it is open', async ({ page }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    await page.goto(`/${locale}/${locale === 'de' ? 'termin/anfrage' : 'appointment/request'}?standort=ortschaft-hochdorf`);
    const day = page.getByLabel(locale === 'de' ? 'Wunschtag 1' : 'Preferred day 1', { exact: true });
    const offered = await day.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(offered.length).toBeGreaterThan(4);
    // Hochdorf opens Tuesday mornings and Thursday afternoons.
    for (const date of offered) expect([2, 4]).toContain(DateTime.fromISO(date).weekday);
    const part = page.getByLabel(locale === 'de' ? 'Tageszeit für Wunschtag 1' : 'Time of day for preferred day 1');
    await day.selectOption(openDay(2, 1).toISODate()!);
    expect(await part.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(['any', 'morning']);
    await day.selectOption(openDay(4, 1).toISODate()!);
    expect(await part.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(['any', 'afternoon']);
  });
});

test.describe('pages a citizen may land on', () => {
  test('an unknown address gets a translated, branded 404', async ({ page }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const response = await page.goto(`/${locale}/gibt-es-nicht/auch-nicht`);
    expect(response!.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: locale === 'de' ? 'Seite nicht gefunden' : 'Page not found' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: locale === 'de' ? 'Hauptnavigation' : 'Main navigation' })).toBeVisible();
    await shoot(page, `not-found-${locale}`);
  });

  test('the confirmation page for an unknown number does not claim a booking', async ({ page }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    await page.goto(`/${locale}/${locale === 'de' ? 'termin/bestaetigung' : 'appointment/confirmation'}?nummer=ABCD-EFGH`);
    await expect(page.getByRole('heading', { level: 1, name: locale === 'de' ? 'Buchung nicht gefunden' : 'Booking not found' })).toBeVisible();
    await expect(page.getByText(locale === 'de' ? 'Ihr Termin ist gebucht' : 'Your appointment is booked')).toHaveCount(0);
  });

  test('no page is wider than a 390 px phone', async ({ page }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    await page.setViewportSize({ width: 390, height: 844 });
    const paths =
      locale === 'de'
        ? ['/de', '/de/termin', '/de/termin/absagen', '/de/termin/anfrage?standort=ortschaft-hochdorf', '/de/termin/anfrage/zuruecknehmen', '/de/datenschutz', '/de/nirgends', '/de/verwaltung']
        : ['/en', '/en/appointment', '/en/appointment/cancel', '/en/appointment/request?standort=ortschaft-hochdorf', '/en/appointment/request/withdraw', '/en/privacy', '/en/nowhere', '/en/verwaltung'];
    for (const path of paths) {
      await page.goto(path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(390);
    }
    await page.goto(paths[1]!);
    await page.screenshot({ path: `test-results/screens/services-${locale}-phone.png`, fullPage: true });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    // The service list was 4,400 px with descriptions squeezed beside the choosers.
    expect(height).toBeLessThan(4000);
    await page.goto(paths[3]!);
    await page.screenshot({ path: `test-results/screens/request-${locale}-phone.png`, fullPage: true });
  });
});
