import { expect, test, type Locator, type Page } from '@playwright/test';
import { BookingFlow, type Locale } from './support/booking-flow';
import { openDay, uniqueEmail } from './support/dates';
import { ownAddressContext } from './support/staff';

/**
 * Every form of the app, walked through one error each: after the error every control still holds what was
 * typed or chosen (selects, dates, checkboxes and text alike). Only secrets (PIN, password) are typed again.
 */
type FormCase = {
  name: string;
  signIn?: 'admin';
  open: (page: Page, locale: Locale) => Promise<void>;
  submit: { de: string | RegExp; en: string | RegExp };
  /** Fills the form with values of which at least one is refused. */
  fill: (form: Locator, page: Page) => Promise<void>;
  /** The refused value exists only in a tampered page (an option the form does not offer): a server-rendered page cannot show it again. */
  tampered?: boolean;
};

const path = (locale: Locale, de: string, en: string) => (locale === 'de' ? `/de${de}` : `/en${en}`);

/** Picks an option by value, adding it first when the form does not offer it (a tampered or stale page). */
async function chooseValue(form: Locator, name: string, value: string) {
  const select = form.locator(`select[name="${name}"]`);
  await select.evaluate((el: HTMLSelectElement, v) => {
    if (![...el.options].some((o) => o.value === v)) el.add(new Option(v, v));
  }, value);
  await select.selectOption(value);
}

const field = (form: Locator, name: string) => form.locator(`[name="${name}"]`);

const cases: FormCase[] = [
  {
    name: 'service choice',
    open: async (page, locale) => void (await page.goto(path(locale, '/termin', '/appointment'))),
    submit: { de: 'Weiter zur Terminauswahl', en: 'Continue to choose a time' },
    fill: async (form) => {
      await chooseValue(form, 'count_reisepass', '2');
      await chooseValue(form, 'count_meldebescheinigung', '99');
    },
    tampered: true,
  },
  {
    name: 'contact details',
    open: async (page, locale) => {
      const flow = new BookingFlow(page, locale);
      await flow.chooseServices({ certificate: 1 });
      await flow.openDay(openDay(locale === 'de' ? 3 : 4, 2));
      await flow.reserve('12:00');
    },
    submit: { de: 'Weiter zur Prüfung', en: 'Continue to review' },
    fill: async (form) => {
      await field(form, 'name').fill('Erika <Mustermann>');
      await field(form, 'email').fill(uniqueEmail('keep'));
      await field(form, 'phone').fill('+49 7123 456789');
      await field(form, 'consent').check();
    },
  },
  {
    name: 'appointment request',
    open: async (page, locale) => void (await page.goto(`${path(locale, '/termin/anfrage', '/appointment/request')}?standort=ortschaft-hochdorf`)),
    submit: { de: 'Anfrage senden', en: 'Send request' },
    fill: async (form) => {
      await chooseValue(form, 'count_meldebescheinigung', '2');
      await chooseValue(form, 'count_anmeldung', '1');
      await chooseValue(form, 'day1', openDay(2, 1).toISODate()!);
      await chooseValue(form, 'part1', 'morning');
      await chooseValue(form, 'day2', openDay(4, 1).toISODate()!);
      await chooseValue(form, 'part2', 'afternoon');
      // Digits are no part of a name: refused.
      await field(form, 'name').fill('Anna Anfrage 2');
      await field(form, 'email').fill(uniqueEmail('request-keep'));
      await field(form, 'phone').fill('07123 4567');
      await field(form, 'note').fill('Bitte vormittags, ich arbeite nachmittags.');
      await field(form, 'consent').check();
    },
  },
  {
    name: 'cancel or move: booking number and PIN',
    open: async (page, locale) => void (await page.goto(path(locale, '/termin/absagen', '/appointment/cancel'))),
    submit: { de: 'Weiter', en: 'Continue' },
    fill: async (form) => {
      await field(form, 'code').fill('ABCD-EFGH');
      await field(form, 'pin').fill('12');
    },
  },
  {
    name: 'withdrawing a request',
    open: async (page, locale) => void (await page.goto(path(locale, '/termin/anfrage/zuruecknehmen', '/appointment/request/withdraw'))),
    submit: { de: 'Anfrage verbindlich zurücknehmen', en: 'Withdraw this request' },
    fill: async (form) => {
      await field(form, 'code').fill('nicht-gueltig');
      await field(form, 'pin').fill('123456');
    },
  },
  {
    name: 'staff sign-in',
    open: async (page, locale) => void (await page.goto(`/${locale}/verwaltung`)),
    submit: { de: 'Anmelden', en: 'Sign in' },
    fill: async (form) => {
      await field(form, 'email').fill('clerk@musterstadt.example');
      await field(form, 'password').fill('not-the-password');
    },
  },
  {
    name: 'admin: closure',
    signIn: 'admin',
    open: async (page, locale) => void (await page.goto(`/${locale}/verwaltung/einstellungen/schliesstage`)),
    submit: { de: 'Schließtag eintragen', en: 'Add closure' },
    fill: async (form) => {
      await form.locator('select[name="location"]').selectOption({ index: 1 });
      await field(form, 'startsOn').fill(openDay(5, 3).toISODate()!);
      // Ends before it starts: refused.
      await field(form, 'endsOn').fill(openDay(5, 2).toISODate()!);
      await field(form, 'reasonDe').fill('Betriebsausflug');
      await field(form, 'reasonEn').fill('Staff outing');
    },
  },
  {
    name: 'admin: opening window',
    signIn: 'admin',
    open: async (page, locale) => void (await page.goto(`/${locale}/verwaltung/einstellungen/standorte`)),
    submit: { de: 'Zeitfenster hinzufügen', en: 'Add time window' },
    fill: async (form) => {
      await chooseValue(form, 'weekday', '6');
      // Closes before it opens: refused.
      await field(form, 'opensAt').fill('14:00');
      await field(form, 'closesAt').fill('09:00');
      await field(form, 'countersOpen').fill('1');
    },
  },
  {
    name: 'admin: new staff account',
    signIn: 'admin',
    open: async (page, locale) => void (await page.goto(`/${locale}/verwaltung/einstellungen/konten`)),
    submit: { de: 'Konto anlegen', en: 'Create account' },
    fill: async (form) => {
      await field(form, 'name').fill('Neue Kollegin');
      await field(form, 'email').fill('not-an-address');
      await chooseValue(form, 'role', 'admin');
      await form.locator('select[name="location"]').selectOption({ index: 1 });
      await field(form, 'password').fill('Lang-genug-2026!');
    },
  },
];

/** What every visible control holds, in order; hidden fields and secrets (passwords, PINs) left out. */
function controls(form: Locator) {
  return form.evaluate((el: HTMLFormElement) =>
    [...el.elements]
      .filter((c): c is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement => (c instanceof HTMLInputElement || c instanceof HTMLSelectElement || c instanceof HTMLTextAreaElement) && !!c.name && !['hidden', 'password', 'submit', 'button'].includes(c.type))
      .map((c) => `${c.name}=${c instanceof HTMLInputElement && (c.type === 'checkbox' || c.type === 'radio') ? c.checked : c.value}`),
  );
}

async function signInAsAdmin(page: Page, locale: Locale) {
  await page.goto(`/${locale}/verwaltung`);
  await page.getByLabel(locale === 'de' ? 'E-Mail-Adresse' : 'Email address').fill('admin@musterstadt.example');
  await page.getByLabel(locale === 'de' ? 'Passwort' : 'Password').fill('Admin-Demo-2026');
  await page.getByRole('button', { name: locale === 'de' ? 'Anmelden' : 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: locale === 'de' ? /Tagesplan/ : /Day plan/ })).toBeVisible();
}

/** Submits and waits until the answer is on the page (a POST either way: server action or plain form). */
async function submitAndWait(page: Page, submit: Locator) {
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), submit.click()]);
  await page.waitForLoadState();
  // React commits the answer (and resets the form, unless told not to) right after the response has been read.
  await page.waitForTimeout(500);
}

for (const javaScript of [true, false]) {
  test.describe(`every form keeps what was typed after an error, ${javaScript ? 'with' : 'without'} JavaScript`, () => {
  for (const formCase of cases) {
    test(`${formCase.name}`, async ({ browser }, testInfo) => {
      test.skip(!javaScript && !!formCase.tampered, 'the refused value exists only in a tampered page');
      const locale = testInfo.project.name as Locale;
      const context = await ownAddressContext(browser, { locale, javaScriptEnabled: javaScript });
      const page = await context.newPage();
      if (formCase.signIn) await signInAsAdmin(page, locale);
      await formCase.open(page, locale);
      const submit = page.getByRole('button', { name: formCase.submit[locale], exact: true });
      const form = page.locator('form').filter({ has: submit });
      await formCase.fill(form, page);
      const typed = await controls(form);
      await submitAndWait(page, submit);
      await expect(form.getByRole('alert').or(form.locator('[aria-invalid="true"]')).first()).toBeVisible();
      expect(await controls(form)).toEqual(typed);
      // A second refusal keeps them too (the form is not reset to what the first answer carried).
      await submitAndWait(page, submit);
      await expect(form.getByRole('alert').or(form.locator('[aria-invalid="true"]')).first()).toBeVisible();
      expect(await controls(form)).toEqual(typed);
      await context.close();
    });
  }
  });
}
