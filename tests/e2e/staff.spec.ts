import { hash } from '@node-rs/argon2';
import { expect, test, type Page } from '@playwright/test';
import { BookingFlow, type Locale } from './support/booking-flow';
import { sql } from './support/database';
import { openDay, uniqueEmail } from './support/dates';
import { ownAddressContext } from './support/staff';

const text = {
  de: {
    title: 'Anmeldung für Mitarbeitende', email: 'E-Mail-Adresse', password: 'Passwort', signIn: 'Anmelden', invalid: 'E-Mail-Adresse oder Passwort ist falsch.', locked: /Zu viele Anmeldeversuche/, plan: /Tagesplan/,
    checkIn: 'Angekommen', arrived: 'angekommen', done: 'Erledigt', noShow: 'Nicht erschienen', undoArrival: 'Ankunft zurücknehmen', undoDone: '„Erledigt“ zurücknehmen', signOut: 'Abmelden',
    search: /^Suche nach/, searchButton: 'Suchen', results: /Suchergebnisse/, office: 'Bürgeramt Musterstadt-Mitte', certificate: 'Meldebescheinigung', booked: 'gebucht',
  },
  en: {
    title: 'Staff sign-in', email: 'Email address', password: 'Password', signIn: 'Sign in', invalid: 'Email address or password is wrong.', locked: /Too many sign-in attempts/, plan: /Day plan/,
    checkIn: 'Arrived', arrived: 'arrived', done: 'Done', noShow: 'No-show', undoArrival: 'Undo arrival', undoDone: 'Undo “done”', signOut: 'Sign out',
    search: /^Search by/, searchButton: 'Search', results: /Search results/, office: "Citizens' Office Musterstadt Centre", certificate: 'Certificate of registration', booked: 'booked',
  },
} as const;

/** A booking at the main office that began a few minutes ago (today), put straight into the database. */
async function bookedNow(counterIndex: number) {
  for (let attempt = 0; ; attempt++) {
    const code = `HEUTE-${counterIndex}-${Date.now().toString(36).toUpperCase()}${attempt}`;
    const start = new Date(Date.now() - (2 + attempt) * 60_000);
    try {
      await sql(
        `insert into bookings (code, location_id, counter_id, during, status, source, name)
         select $1, l.id, c.id, tstzrange($2::timestamptz, $3::timestamptz), 'booked', 'staff', 'Heute Hier'
         from locations l join counters c on c.location_id = l.id where l.slug = 'buergeramt-mitte' order by c.position offset $4 limit 1`,
        [code, start.toISOString(), new Date(start.getTime() + 60_000 * (4 + attempt)).toISOString(), (counterIndex + 1 + attempt) % 3],
      );
      return code;
    } catch (error) {
      // Another test's booking on that counter just now: the next counter (the exclusion constraint decides).
      if (attempt >= 5 || !String(error).includes('exclusion')) throw error;
    }
  }
}

async function signIn(page: Page, locale: Locale, email: string, password: string) {
  const t = text[locale];
  await page.goto(`/${locale}/verwaltung`);
  await page.getByLabel(t.email).fill(email);
  await page.getByLabel(t.password).fill(password);
  await page.getByRole('button', { name: t.signIn }).click();
}

test.describe('staff area', () => {
  test('a clerk sees the booking a citizen just made, with no check-in before its day', async ({ page, browser }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const t = text[locale];
    const day = openDay(2, locale === 'de' ? 0 : 1);
    const citizen = `Clara Bürger ${locale.toUpperCase()}`;
    const flow = new BookingFlow(page, locale);
    await flow.chooseServices({ certificate: 1 });
    await flow.openDay(day);
    await flow.reserve('09:30');
    await flow.fillContact({ name: citizen, email: uniqueEmail('staff') });
    const { code } = await flow.confirm();

    const clerk = await (await ownAddressContext(browser, { locale })).newPage();
    await signIn(clerk, locale, 'clerk@musterstadt.example', 'Clerk-Demo-2026');
    await expect(clerk.getByRole('heading', { level: 1, name: t.plan })).toBeVisible();
    await clerk.goto(`/${locale}/verwaltung?standort=buergeramt-mitte&datum=${day.toISODate()}`);
    const card = clerk.getByRole('article').filter({ hasText: code });
    await expect(card).toContainText(citizen);
    await expect(card.getByRole('button', { name: t.checkIn })).toHaveCount(0);
    await clerk.getByRole('button', { name: t.signOut }).click();
    await expect(clerk.getByRole('heading', { name: t.title })).toBeVisible();
  });

  test('a clerk checks in today\'s citizen, undoes it, and finishes in order', async ({ browser }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const t = text[locale];
    const code = await bookedNow(locale === 'de' ? 0 : 1);
    const clerk = await (await ownAddressContext(browser, { locale })).newPage();
    await signIn(clerk, locale, 'clerk@musterstadt.example', 'Clerk-Demo-2026');
    const card = () => clerk.getByRole('article').filter({ hasText: code });
    await expect(card().getByRole('button', { name: t.done, exact: true })).toHaveCount(0);
    await card().getByRole('button', { name: t.checkIn }).click();
    await expect(card()).toContainText(t.arrived);
    await card().getByRole('button', { name: t.undoArrival }).click();
    await expect(card().getByRole('button', { name: t.checkIn })).toBeVisible();
    expect((await sql<{ status: string }>('select status from bookings where code = $1', [code]))[0]!.status).toBe('booked');
    await card().getByRole('button', { name: t.checkIn }).click();
    await card().getByRole('button', { name: t.done, exact: true }).click();
    await expect(card().getByRole('button', { name: t.undoDone })).toBeVisible();
    const audit = await sql<{ action: string }>("select action from audit_log where entity = 'booking' and entity_id = (select id::text from bookings where code = $1) order by id", [code]);
    expect(audit.map((a) => a.action)).toEqual(['booking-checked_in', 'booking-status-undone', 'booking-checked_in', 'booking-done']);
  });

  test('the staff search finds by email and phone and shows day, time, office, services and status; no check-in on another day', async ({ page, browser }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const t = text[locale];
    const day = openDay(2, locale === 'de' ? 1 : 2);
    const email = uniqueEmail('search');
    const phone = `0711 ${String(Date.now()).slice(-7)}`;
    const flow = new BookingFlow(page, locale);
    await flow.chooseServices({ certificate: 1 });
    await flow.openDay(day);
    await flow.reserve('10:00');
    await flow.fillContact({ name: `Sina Suche ${locale.toUpperCase()}`, email, phone });
    const { code } = await flow.confirm();

    const clerk = await (await ownAddressContext(browser, { locale })).newPage();
    await signIn(clerk, locale, 'clerk@musterstadt.example', 'Clerk-Demo-2026');
    const dateLabel = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Berlin' }).format(day.toJSDate());
    for (const query of [email.toUpperCase(), phone.replace(/ /g, '/')]) {
      await clerk.getByLabel(t.search).fill(query);
      await clerk.getByRole('button', { name: t.searchButton }).click();
      const hits = clerk.getByRole('region', { name: t.results });
      const card = hits.getByRole('article').filter({ hasText: code });
      await expect(card).toContainText(dateLabel);
      await expect(card).toContainText(/10:00\s*–\s*10:\d\d/);
      await expect(card).toContainText(t.office);
      await expect(card).toContainText(t.certificate);
      await expect(card).toContainText(t.booked);
      await expect(card.getByRole('button', { name: t.checkIn })).toHaveCount(0);
      await expect(card.getByRole('button', { name: t.noShow })).toHaveCount(0);
    }
  });

  test('a clerk moves a citizen\'s booking to another time; the citizen keeps one appointment', async ({ page, browser }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const day = openDay(2, locale === 'de' ? 0 : 1);
    const flow = new BookingFlow(page, locale);
    await flow.chooseServices({ certificate: 1 });
    await flow.openDay(day);
    await flow.reserve('10:30');
    await flow.fillContact({ name: `Moritz Umzug ${locale.toUpperCase()}`, email: uniqueEmail('move') });
    const { code } = await flow.confirm();

    const clerk = await (await ownAddressContext(browser, { locale })).newPage();
    await signIn(clerk, locale, 'clerk@musterstadt.example', 'Clerk-Demo-2026');
    await expect(clerk.getByRole('heading', { level: 1, name: text[locale].plan })).toBeVisible();
    await clerk.goto(`/${locale}/verwaltung?standort=buergeramt-mitte&datum=${day.toISODate()}`);
    await clerk.getByRole('article').filter({ hasText: code }).getByRole('link', { name: locale === 'de' ? 'Verschieben' : 'Move' }).click();
    // The move starts on the appointment's own day and shows the appointment being moved.
    await expect(clerk.getByLabel(locale === 'de' ? 'Tag' : 'Day', { exact: true })).toHaveValue(day.toISODate()!);
    await expect(clerk.getByText(locale === 'de' ? 'Bisheriger Termin' : 'Current appointment')).toBeVisible();
    await expect(clerk.locator('.walk-in-current')).toContainText(/10:30\s*–\s*10:\d\d/);
    await clerk.getByRole('radio', { name: '11:10' }).check();
    await clerk.getByRole('button', { name: locale === 'de' ? 'Auf diese Zeit verschieben' : 'Move to this time' }).click();
    await expect(clerk.getByRole('status').filter({ hasText: locale === 'de' ? /Verschoben auf .*11:10/ : /Moved to .*11:10/ })).toBeVisible();
    await clerk.getByRole('link', { name: locale === 'de' ? 'Zurück zum Tagesplan' : 'Back to the day plan' }).click();
    await expect(clerk).toHaveURL(new RegExp(`datum=${day.toISODate()}`));
    const rows = await sql<{ status: string; code: string }>(
      'select status, code from bookings where code = $1 or rescheduled_from_id = (select id from bookings where code = $1) order by id',
      [code],
    );
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'booked']);
  });

  test('a clerk books for a caller through the same reservation path and gets number and PIN', async ({ browser }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const page = await (await ownAddressContext(browser, { locale })).newPage();
    const day = openDay(2, locale === 'de' ? 2 : 3);
    await signIn(page, locale, 'clerk@musterstadt.example', 'Clerk-Demo-2026');
    await expect(page.getByRole('heading', { level: 1, name: text[locale].plan })).toBeVisible();
    await page.goto(`/${locale}/verwaltung/buchen?standort=buergeramt-mitte&anzahl_beglaubigung=2&tag=${day.toISODate()}`);
    await page.getByRole('radio').first().check();
    await page.getByLabel(locale === 'de' ? 'Name' : 'Name', { exact: true }).fill('Walter Anrufer');
    // The caller's language for the mail, not the clerk's.
    const other = locale === 'de' ? 'en' : 'de';
    await page.getByRole('radio', { name: other === 'en' ? 'English' : 'Deutsch' }).check();
    await page.getByRole('button', { name: locale === 'de' ? 'Verbindlich buchen' : 'Book', exact: true }).click();
    const status = page.getByRole('status').filter({ hasText: locale === 'de' ? /Buchungsnummer/ : /booking number/ });
    await expect(status).toBeVisible();
    const code = (await status.textContent())!.match(/[A-Z2-9]{4}-[A-Z2-9]{4}/)![0];
    const slip = page.getByRole('region', { name: locale === 'de' ? 'Ihr Termin' : 'Your appointment' });
    const dateLabel = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Berlin' }).format(day.toJSDate());
    await expect(slip).toContainText(dateLabel);
    await expect(slip).toContainText(locale === 'de' ? 'Bürgeramt Musterstadt-Mitte' : "Citizens' Office Musterstadt Centre");
    await expect(slip).toContainText(locale === 'de' ? '2 × Beglaubigung von Kopien' : '2 × Certified copies');
    await expect(slip).toContainText(locale === 'de' ? 'Bitte mitbringen' : 'Please bring');
    const [row] = await sql<{ status: string; source: string; name: string; locale: string }>('select status, source, name, locale from bookings where code = $1', [code]);
    expect(row).toEqual({ status: 'booked', source: 'staff', name: 'Walter Anrufer', locale: other });
  });

  test('answers a wrong password generically and locks the account after repeated failures', async ({ browser }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const page = await (await ownAddressContext(browser, { locale })).newPage();
    const t = text[locale];
    const email = `lockout-${locale}-${Date.now()}@musterstadt.example`;
    await sql("insert into staff_users (email, name, role, password_hash) values ($1, 'Test Clerk', 'clerk', $2)", [email, await hash('Right-Password-1')]);
    await signIn(page, locale, email, 'wrong');
    await expect(page.getByRole('alert').filter({ hasText: t.invalid })).toBeVisible();
    await expect(page.getByLabel(t.email)).toHaveValue(email);
    await expect(page.getByLabel(t.password)).toHaveValue('');
    await signIn(page, locale, 'nobody@musterstadt.example', 'wrong');
    await expect(page.getByRole('alert').filter({ hasText: t.invalid })).toBeVisible();
    for (let i = 0; i < 4; i++) await signIn(page, locale, email, 'wrong');
    await signIn(page, locale, email, 'Right-Password-1');
    await expect(page.getByRole('alert').filter({ hasText: t.locked })).toBeVisible();
    await expect(page.getByRole('heading', { name: t.plan })).toHaveCount(0);
  });

  test('shows no staff data without a session, even with a forged middleware header', async ({ browser }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const context = await ownAddressContext(browser, { locale, extraHTTPHeaders: { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' } });
    const page = await context.newPage();
    await page.goto(`/${locale}/verwaltung?standort=buergeramt-mitte`);
    await expect(page.getByRole('heading', { name: text[locale].title })).toBeVisible();
    await expect(page.getByRole('heading', { name: text[locale].plan })).toHaveCount(0);
    // Counter names appear only in the day plan's lanes.
    expect(await page.content()).not.toContain('Schalter 1');
  });
});
