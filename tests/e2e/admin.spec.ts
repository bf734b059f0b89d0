import { expect, test, type Browser, type Page } from '@playwright/test';
import { BookingFlow, type Locale } from './support/booking-flow';
import { sql } from './support/database';
import { openDay, uniqueEmail } from './support/dates';
import { createOwnOffice, removeOwnOffice } from './support/own-office';
import { mailsSent } from './support/mail-files';

const text = {
  de: {
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    signIn: 'Anmelden',
    plan: /Tagesplan/,
    closures: 'Schließtage',
    location: 'Standort',
    office: 'Bürgeramt Musterstadt-Mitte',
    startsOn: 'Erster Tag',
    endsOn: 'Letzter Tag (einschließlich)',
    reasonDe: 'Grund (Deutsch)',
    reasonEn: 'Grund (Englisch)',
    add: 'Schließtag eintragen',
    affected: '1 gebuchter Termin ist betroffen',
    confirm: 'Schließtag eintragen und 1 Termin absagen',
    created: /1 Termin wurde abgesagt/,
    forbidden: 'Keine Berechtigung',
    hours: '/de/verwaltung/einstellungen/standorte',
    weekday: 'Wochentag',
    monday: 'Montag',
    opensAt: 'Von (Uhrzeit)',
    closesAt: 'Bis (Uhrzeit)',
    countersOpen: 'Offene Schalter',
    addWindow: 'Zeitfenster hinzufügen',
    overlap: 'Überschneidet sich mit dem Zeitfenster 08:00–12:30 an diesem Wochentag.',
  },
  en: {
    email: 'Email address',
    password: 'Password',
    signIn: 'Sign in',
    plan: /Day plan/,
    closures: 'Closures',
    location: 'Office',
    office: "Citizens' Office Musterstadt Centre",
    startsOn: 'First day',
    endsOn: 'Last day (inclusive)',
    reasonDe: 'Reason (German)',
    reasonEn: 'Reason (English)',
    add: 'Add closure',
    affected: '1 booked appointment is affected',
    confirm: 'Add closure and cancel 1 appointment',
    created: /1 appointment was cancelled/,
    forbidden: 'No permission',
    hours: '/en/verwaltung/einstellungen/standorte',
    weekday: 'Weekday',
    monday: 'Monday',
    opensAt: 'Opens at',
    closesAt: 'Closes at',
    countersOpen: 'Counters open',
    addWindow: 'Add time window',
    overlap: 'Overlaps the time window 08:00–12:30 on this weekday.',
  },
} as const;

/**
 * A staff member's own browser. Each gets its own client address (X-Forwarded-For, kept by Next.js),
 * so these sign-ins do not count against the per-client sign-in limit other specs share.
 */
async function staffPage(browser: Browser, locale: Locale, email: string, password: string): Promise<Page> {
  const address = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
  const page = await (await browser.newContext({ locale, extraHTTPHeaders: { 'x-forwarded-for': address } })).newPage();
  const t = text[locale];
  await page.goto(`/${locale}/verwaltung`);
  await page.getByLabel(t.email).fill(email);
  await page.getByLabel(t.password).fill(password);
  await page.getByRole('button', { name: t.signIn }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.plan })).toBeVisible();
  return page;
}

/** A name part unique to this run; names may not contain digits. */
const uniqueLetters = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);

test.describe('admin settings', () => {
  test('an admin opens fewer counters: the booking no counter can take is listed, then cancelled with a mail', async ({ browser }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const slug = `e2e-kapazitaet-${locale}-${testInfo.repeatEachIndex}`;
    await createOwnOffice(slug, { counters: 2 });
    try {
      const day = openDay(3, 2);
      const start = `${day.toISODate()} 09:00 Europe/Berlin`;
      // Two citizens at 09:00, one at each counter of the office's own two.
      const booked = await sql<{ id: string; code: string; counter_id: number }>(
        `insert into bookings (code, location_id, counter_id, during, status, name, email, locale)
         select 'E2E' || substr(md5(random()::text), 1, 6), c.location_id, c.id, tstzrange($1::timestamptz, $1::timestamptz + interval '20 minutes'), 'booked',
                'Karl Kapazitaet ' || c.position, 'kapazitaet-' || c.position || '-' || $2 || '@example.org', $3
         from counters c join locations l on l.id = c.location_id where l.slug = $2 order by c.position
         returning id, code, counter_id`,
        [start, slug, locale],
      );
      const stranded = booked[1]!;

      const admin = await staffPage(browser, locale, 'admin@musterstadt.example', 'Admin-Demo-2026');
      await admin.goto(`${text[locale].hours}?standort=${slug}`);
      const wednesday = locale === 'de' ? 'Mittwoch' : 'Wednesday';
      await admin.getByRole('spinbutton', { name: locale === 'de' ? `Offene Schalter ${wednesday} 08:00–12:30` : `Counters open ${wednesday} 08:00–12:30` }).fill('1');
      await admin.getByRole('button', { name: locale === 'de' ? `Offene Schalter ${wednesday} 08:00–12:30 ändern` : `Change counters open ${wednesday} 08:00–12:30` }).click();

      // The confirmation sits in the window's row of the hours table: look inside it.
      const confirmation = admin.getByRole('region', { name: text[locale].affected });
      await expect(confirmation).toBeVisible();
      await expect(confirmation.getByRole('row').filter({ hasText: stranded.code })).toContainText('Karl Kapazitaet 2');
      await expect(confirmation.getByRole('row').filter({ hasText: booked[0]!.code })).toHaveCount(0);
      expect((await sql<{ status: string }>('select status from bookings where id = $1', [stranded.id]))[0]!.status).toBe('booked');

      await confirmation.getByRole('button', { name: locale === 'de' ? 'Ändern und 1 Termin absagen' : 'Change and cancel 1 appointment' }).click();
      await expect(admin.getByRole('status').filter({ hasText: text[locale].created })).toBeVisible();
      const rows = await sql<{ id: string; status: string }>('select id, status from bookings where id = any($1::bigint[]) order by id', [booked.map((b) => b.id)]);
      expect(rows.map((r) => r.status)).toEqual(['booked', 'cancelled']);
      // One cancellation mail, and it goes out (the in-process worker sends it to the e2e mail folder).
      await expect.poll(() => mailsSent('booking-cancelled', stranded.code), { timeout: 30_000 }).toBe(1);
    } finally {
      await removeOwnOffice(slug);
    }
  });

  test('an admin closes a day with a booking on it: sees the booking, confirms, and the citizen is cancelled and mailed', async ({ page, browser }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const t = text[locale];
    const day = openDay(1, 2 + (locale === 'de' ? 0 : 1));
    const date = day.toISODate()!;
    const citizen = `Clara Schliesstag ${uniqueLetters()}`;
    const reason = `Wasserschaden ${Date.now()}`;

    const flow = new BookingFlow(page, locale);
    await flow.chooseServices({ certificate: 1 });
    await flow.openDay(day);
    await flow.reserve('10:00');
    await flow.fillContact({ name: citizen, email: uniqueEmail('closure') });
    const { code } = await flow.confirm();

    const admin = await staffPage(browser, locale, 'admin@musterstadt.example', 'Admin-Demo-2026');
    await admin.goto(`/${locale}/verwaltung/einstellungen/schliesstage`);
    await expect(admin.getByRole('heading', { level: 1, name: t.closures })).toBeVisible();
    await admin.getByLabel(t.location, { exact: true }).selectOption({ label: t.office });
    await admin.getByLabel(t.startsOn, { exact: true }).fill(date);
    await admin.getByLabel(t.endsOn, { exact: true }).fill(date);
    await admin.getByLabel(t.reasonDe, { exact: true }).fill(reason);
    await admin.getByLabel(t.reasonEn, { exact: true }).fill(`Water damage ${reason}`);
    await admin.getByRole('button', { name: t.add, exact: true }).click();

    await expect(admin.getByRole('heading', { name: t.affected })).toBeVisible();
    const row = admin.getByRole('row').filter({ hasText: code });
    await expect(row).toContainText(citizen);
    await expect(row).toContainText('10:00');
    // Nothing has changed before the confirmation.
    const [before] = await sql<{ id: string; status: string }>('select id, status from bookings where code = $1', [code]);
    expect(before!.status).toBe('booked');

    await admin.getByRole('button', { name: t.confirm }).click();
    await expect(admin.getByRole('status').filter({ hasText: t.created })).toBeVisible();
    await expect(admin.getByRole('row').filter({ hasText: locale === 'de' ? reason : `Water damage ${reason}` })).toBeVisible();

    const [after] = await sql<{ status: string; cancel_reason: string }>('select status, cancel_reason from bookings where code = $1', [code]);
    expect(after!.status).toBe('cancelled');
    expect(after!.cancel_reason).toBe(locale === 'de' ? reason : `Water damage ${reason}`);
    await expect.poll(() => mailsSent('booking-cancelled', code), { timeout: 20_000 }).toBe(1);

    await test.step('without JavaScript, an invalid opening-hours window comes back with the error beside the field', async () => {
      const context = await browser.newContext({ locale, javaScriptEnabled: false, storageState: await admin.context().storageState() });
      const plain = await context.newPage();
      await plain.goto(t.hours);
      await plain.getByLabel(t.weekday, { exact: true }).selectOption({ label: t.monday });
      await plain.getByLabel(t.opensAt, { exact: true }).fill('12:00');
      await plain.getByLabel(t.closesAt, { exact: true }).fill('14:00');
      await plain.getByLabel(t.countersOpen, { exact: true }).fill('1');
      await plain.getByRole('button', { name: t.addWindow, exact: true }).click();
      await expect(plain.getByLabel(t.opensAt, { exact: true })).toHaveAccessibleDescription(t.overlap);
      await expect(plain.getByLabel(t.closesAt, { exact: true })).toHaveValue('14:00');
      const [created] = await sql<{ n: number }>("select count(*)::int as n from opening_hours where weekday = 1 and opens_at = '12:00'");
      expect(created!.n).toBe(0);
      await context.close();
    });
  });

  test('a clerk who opens the settings sees a refusal and none of the settings data', async ({ browser }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const t = text[locale];
    const secretReason = `Interne Schließung ${locale} ${Date.now()}`;
    await sql("insert into closures (location_id, starts_on, ends_on, reason) values (null, current_date + 300, current_date + 300, jsonb_build_object('de', $1::text, 'en', $1::text))", [secretReason]);

    const clerk = await staffPage(browser, locale, 'clerk@musterstadt.example', 'Clerk-Demo-2026');
    for (const path of ['/verwaltung/einstellungen', '/verwaltung/einstellungen/schliesstage', '/verwaltung/einstellungen/konten', '/verwaltung/einstellungen/protokoll']) {
      await clerk.goto(`/${locale}${path}`);
      await expect(clerk.getByRole('heading', { level: 1, name: t.forbidden }), path).toBeVisible();
      await expect(clerk.getByRole('heading', { name: t.closures })).toHaveCount(0);
      await expect(clerk.getByLabel(t.reasonDe)).toHaveCount(0);
      const html = await clerk.content();
      expect(html).not.toContain(secretReason);
      expect(html).not.toContain('admin@musterstadt.example');
      expect(html).not.toContain('clerk@musterstadt.example');
    }
  });
});
