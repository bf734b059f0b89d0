import { expect, test, type Locator, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { expectAccessible } from './support/axe';
import { BookingFlow, type Locale } from './support/booking-flow';
import { ChangeFlow } from './support/change-flow';
import { openDay, uniqueEmail } from './support/dates';
import { ownAddressContext } from './support/staff';

// Other specs book Mondays 0–3 (mail: 10:00, admin: index 2/3); these tests take a later Monday of their own, or,
// when that lies beyond the office's 42-day horizon, Monday 0/1 at 11:00 and 11:30, which no other spec uses.
const HORIZON_DAYS = 42;
function mondayFor(locale: Locale): DateTime {
  const late = openDay(1, locale === 'de' ? 4 : 5);
  const lastBookable = DateTime.now().setZone('Europe/Berlin').startOf('day').plus({ days: HORIZON_DAYS });
  return late <= lastBookable ? late : openDay(1, locale === 'de' ? 0 : 1);
}

const paths = {
  de: { start: '/de', services: '/de/termin', request: '/de/termin/anfrage?standort=ortschaft-hochdorf', privacy: '/de/datenschutz', imprint: '/de/impressum', accessibility: '/de/barrierefreiheit', staff: '/de/verwaltung' },
  en: { start: '/en', services: '/en/appointment', request: '/en/appointment/request?standort=ortschaft-hochdorf', privacy: '/en/privacy', imprint: '/en/imprint', accessibility: '/en/accessibility', staff: '/en/verwaltung' },
} as const;

const nextMonth = { de: 'Nächster Monat', en: 'Next month' } as const;


test.describe('accessibility (axe, WCAG 2.1 AA)', () => {
  test('the start, legal, request and staff sign-in pages have no serious violations', async ({ browser }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const page = await (await ownAddressContext(browser, { locale })).newPage();
    const p = paths[locale];
    for (const [what, path] of [['start page', p.start], ['request form', p.request], ['privacy notice', p.privacy], ['imprint', p.imprint], ['accessibility statement', p.accessibility], ['staff sign-in', p.staff]] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page, what);
    }
    await page.context().close();
  });

  test('every step of the booking flow has no serious violations, errors shown included', async ({ browser }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const page = await (await ownAddressContext(browser, { locale })).newPage();
    const flow = new BookingFlow(page, locale);

    await page.goto(paths[locale].services);
    await expectAccessible(page, 'services');
    await page.getByRole('button', { name: flow.t.toTime }).click();
    await expect(page.getByRole('alert').filter({ hasText: flow.t.errorTitle })).toBeVisible();
    await expectAccessible(page, 'services with a validation error');

    await flow.chooseServices({ certificate: 1 });
    await flow.openDay(mondayFor(locale));
    await expect(page.getByRole('button', { name: flow.t.reserve('11:00') })).toBeVisible();
    await expectAccessible(page, 'time with a day selected');

    await flow.reserve('11:00');
    await expectAccessible(page, 'contact details');
    await flow.fillContact({ name: '<b>', email: 'erika@', phone: 'call me', consent: false });
    await expect(page.getByRole('alert').filter({ hasText: flow.t.errorTitle })).toBeVisible();
    await expectAccessible(page, 'contact details with field errors');

    await flow.fillContact({ name: 'Erika Mustermann', email: uniqueEmail('a11y') });
    await expect(page).toHaveURL(/(pruefen|review)$/);
    await expectAccessible(page, 'review');

    const { code, pin } = await flow.confirm();
    await expectAccessible(page, 'confirmation');

    const change = new ChangeFlow(page, locale);
    await page.goto(change.cancelUrl());
    await expectAccessible(page, 'cancel form');
    await change.enter({ code, pin: pin === '000000' ? '111111' : '000000' });
    await expect(page.getByText(change.t.invalid)).toBeVisible();
    await expectAccessible(page, 'cancel form with a wrong PIN');
    await page.context().close();
  });
});

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 150 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

test.describe('keyboard only', () => {
  test('books an appointment with Tab, arrow keys, Space and Enter alone', async ({ browser }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const page = await (await ownAddressContext(browser, { locale })).newPage();
    const flow = new BookingFlow(page, locale);
    const day = mondayFor(locale);

    await page.goto(paths[locale].services);
    const certificate = page.getByLabel(flow.t.count(flow.t.services.certificate));
    await tabTo(page, certificate);
    await page.keyboard.press('ArrowDown');
    await expect(certificate).toHaveValue('1');
    await tabTo(page, page.getByRole('button', { name: flow.t.toTime }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/(zeit|time)\?/);

    const dayLink = page.getByRole('link', { name: day.setLocale(locale).toLocaleString({ weekday: 'long', day: 'numeric', month: 'long' }) });
    for (let months = 0; (await dayLink.count()) === 0 && months < 3; months++) {
      const before = page.url();
      await tabTo(page, page.getByRole('link', { name: nextMonth[locale] }));
      await page.keyboard.press('Enter');
      await expect(page).not.toHaveURL(before);
    }
    await tabTo(page, dayLink);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`tag=${day.toISODate()}`));

    const slot = page.getByRole('button', { name: flow.t.reserve('11:30') });
    await tabTo(page, slot);
    await page.keyboard.press('Space');
    await expect(page).toHaveURL(/\/(daten|details)$/);

    // Back up from the submit button to the first field, as someone who overshot would.
    await tabTo(page, page.getByRole('button', { name: flow.t.toReview }));
    await tabTo(page, page.getByLabel(flow.t.name), { backwards: true });
    await page.keyboard.type('Karl Tastatur');
    await tabTo(page, page.getByLabel(flow.t.email));
    await page.keyboard.type(uniqueEmail('keyboard'));
    const consent = page.getByRole('checkbox', { name: flow.t.consent });
    await tabTo(page, consent);
    await page.keyboard.press('Space');
    await expect(consent).toBeChecked();
    await tabTo(page, page.getByRole('button', { name: flow.t.toReview }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/(pruefen|review)$/);

    await tabTo(page, page.getByRole('button', { name: flow.t.confirm }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: flow.t.booked })).toBeVisible();
    await page.context().close();
  });
});
