import { expect, test, type Browser, type Page } from '@playwright/test';
import { BookingFlow, type Locale } from './support/booking-flow';
import { sql } from './support/database';
import { openDay, uniqueEmail } from './support/dates';

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
    const mails = await sql<{ kind: string }>("select kind from outbox where payload->>'bookingId' = $1 and kind = 'booking-cancelled'", [String(before!.id)]);
    expect(mails).toHaveLength(1);

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
