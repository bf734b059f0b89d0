import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { BookingFlow, type Locale } from './support/booking-flow';
import { sql } from './support/database';
import { openDay, uniqueEmail } from './support/dates';
import { mailsSent } from './support/mail-files';
import { ownAddressContext } from './support/staff';

const MAIL_DIR = '.data/e2e/mail';

const text = {
  de: {
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    signIn: 'Anmelden',
    plan: /Tagesplan/,
    stuck: /seit mehr als 15 Minuten/,
    link: 'Nicht zugestellte Mails ansehen',
    title: 'Nicht zugestellte Mails',
    resend: (code: string) => `Terminbestätigung zu ${code} erneut senden`,
    booking: (code: string) => `Termin ${code}`,
    askAdmin: 'Bitte sagen Sie der Verwaltung',
  },
  en: {
    email: 'Email address',
    password: 'Password',
    signIn: 'Sign in',
    plan: /Day plan/,
    stuck: /stuck for more than 15 minutes/,
    link: 'See undelivered mails',
    title: 'Undelivered mails',
    resend: (code: string) => `Send Booking confirmation for ${code} again`,
    booking: (code: string) => `Appointment ${code}`,
    askAdmin: 'Please tell an administrator',
  },
} as const;

// A day of its own per language: Tuesdays 3 and 4 from next week on.
const DAY_INDEX = { de: 3, en: 4 } as const;

test('an admin sees a mail the worker gave up on, from the day plan\'s banner, and sends it again with a new PIN', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const locale = testInfo.project.name as Locale;
  const t = text[locale];
  const citizen = await browser.newContext({ locale });
  const flow = new BookingFlow(await citizen.newPage(), locale);
  await flow.chooseServices({ certificate: 1 });
  await flow.openDay(openDay(2, DAY_INDEX[locale]));
  await flow.reserve('11:30');
  await flow.fillContact({ name: 'Erika Mustermann', email: uniqueEmail('failed-mail') });
  const { code, pin } = await flow.confirm();
  await citizen.close();
  await expect.poll(() => mailsSent('booking-confirmed', code), { timeout: 30_000 }).toBe(1);

  // As the worker leaves a confirmation it gave up on after three hours: failed, its PIN dropped, the reason kept.
  const [booking] = await sql<{ id: number }>('select id from bookings where code = $1', [code]);
  const [row] = await sql<{ id: string }>(
    "insert into outbox (kind, payload, status, attempts, last_error, created_at) values ('booking-confirmed', jsonb_build_object('bookingId', $1::int), 'failed', 24, '550 5.1.1 <address>: mailbox unavailable', now() - interval '3 hours') returning id",
    [booking!.id],
  );
  try {
    const context = await ownAddressContext(browser, { locale });
    const page = await context.newPage();
    await page.goto(`/${locale}/verwaltung`);
    await page.getByLabel(t.email).fill('admin@musterstadt.example');
    await page.getByLabel(t.password).fill('Admin-Demo-2026');
    await page.getByRole('button', { name: t.signIn }).click();
    await expect(page.getByRole('heading', { level: 1, name: t.plan })).toBeVisible();

    const banner = page.getByRole('status').filter({ hasText: t.stuck });
    await expect(banner).toBeVisible();
    await banner.getByRole('link', { name: t.link }).click();
    await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();
    const entry = page.getByRole('row').filter({ hasText: t.booking(code) });
    await expect(entry).toContainText('550 5.1.1 <address>: mailbox unavailable');
    await expect(entry).toContainText('24');
    await expectAccessible(page, 'failed mails');

    await entry.getByRole('button', { name: t.resend(code) }).click();
    await expect(page.getByRole('row').filter({ hasText: t.booking(code) })).toHaveCount(0);
    // The worker sends it again, with a PIN that replaces the one given out at booking.
    await expect.poll(() => mailsSent('booking-confirmed', code), { timeout: 30_000 }).toBe(2);
    const files = readdirSync(MAIL_DIR).filter((f) => f.endsWith(`-booking-confirmed-${code}.eml`)).sort();
    expect(readFileSync(path.join(MAIL_DIR, files[0]!), 'utf8')).toContain(pin);
    expect(readFileSync(path.join(MAIL_DIR, files[1]!), 'utf8')).not.toContain(pin);
    await context.close();

    // A clerk sees the banner too (while a mail hangs), but no link to the admin page.
    await sql("insert into outbox (kind, payload, status, attempts, last_error) values ('booking-cancelled', jsonb_build_object('bookingId', $1::int), 'failed', 24, 'test') ", [booking!.id]);
    const clerkContext = await ownAddressContext(browser, { locale });
    const clerk = await clerkContext.newPage();
    await clerk.goto(`/${locale}/verwaltung`);
    await clerk.getByLabel(t.email).fill('clerk@musterstadt.example');
    await clerk.getByLabel(t.password).fill('Clerk-Demo-2026');
    await clerk.getByRole('button', { name: t.signIn }).click();
    const clerkBanner = clerk.getByRole('status').filter({ hasText: t.stuck });
    await expect(clerkBanner).toContainText(t.askAdmin);
    await expect(clerkBanner.getByRole('link')).toHaveCount(0);
    await expectAccessible(clerk, 'day plan with the stuck-mail banner');
    await clerkContext.close();
  } finally {
    await sql("delete from outbox where status = 'failed' and (id = $1 or payload->>'bookingId' = $2)", [row!.id, String(booking!.id)]);
  }
});
