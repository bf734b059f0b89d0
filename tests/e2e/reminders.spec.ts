import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { expectAccessible } from './support/axe';
import type { Locale } from './support/booking-flow';
import { sql } from './support/database';
import { createOwnOffice, removeOwnOffice } from './support/own-office';
import { ownAddressContext } from './support/staff';

// Without SMTP_URL the e2e server writes every mail as an .eml file here (scripts/e2e-server.ts).
const MAIL_DIR = '.data/e2e/mail';

const text = {
  de: {
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    signIn: 'Anmelden',
    plan: /Tagesplan/,
    section: (slug: string) => `Erinnerungen: Testamt ${slug}`,
    first: 'Erinnerung in Stunden vor dem Termin',
    second: 'Zweite Erinnerung in Stunden vor dem Termin',
    save: 'Erinnerungen speichern',
    saved: 'Gespeichert.',
    secondInvalid: /Die zweite Erinnerung braucht eine erste/,
    noneYet: 'Letzte 30 Tage: 0 Termine erinnert, davon 0 danach abgesagt oder verschoben.',
    change: 'Termin absagen oder verschieben',
    code: 'Buchungsnummer',
  },
  en: {
    email: 'Email address',
    password: 'Password',
    signIn: 'Sign in',
    plan: /Day plan/,
    section: (slug: string) => `Reminders: Test office ${slug}`,
    first: 'Reminder in hours before the appointment',
    second: 'Second reminder in hours before the appointment',
    save: 'Save reminders',
    saved: 'Saved.',
    secondInvalid: /The second reminder needs a first one/,
    noneYet: 'Last 30 days: 0 appointments reminded, 0 of them then cancelled or moved.',
    change: 'Cancel or reschedule appointment',
    code: 'Booking number',
  },
} as const;

async function adminPage(browser: Browser, locale: Locale): Promise<Page> {
  const page = await (await ownAddressContext(browser, { locale })).newPage();
  const t = text[locale];
  await page.goto(`/${locale}/verwaltung`);
  await page.getByLabel(t.email).fill('admin@musterstadt.example');
  await page.getByLabel(t.password).fill('Admin-Demo-2026');
  await page.getByRole('button', { name: t.signIn }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.plan })).toBeVisible();
  return page;
}

const reminderHours = async (slug: string) =>
  (await sql<{ reminder_hours: number | null; second_reminder_hours: number | null }>('select reminder_hours, second_reminder_hours from locations where slug = $1', [slug]))[0]!;

test('an admin sets when an office’s reminders go out; a second one later than the first is refused beside its field', async ({ browser }, testInfo) => {
  const locale = testInfo.project.name as Locale;
  const t = text[locale];
  const slug = `e2e-erinnerung-${locale}-${testInfo.repeatEachIndex}`;
  await createOwnOffice(slug);
  try {
    const admin = await adminPage(browser, locale);
    await admin.goto(`/${locale}/verwaltung/einstellungen/standorte?standort=${slug}`);
    const section = admin.getByRole('region', { name: t.section(slug) });
    const first = section.getByLabel(t.first, { exact: true });
    const second = section.getByLabel(t.second, { exact: true });
    // The office starts with the default: two days before, no second reminder.
    await expect(first).toHaveValue('48');
    await expect(second).toHaveValue('');
    await expect(section.getByText(t.noneYet)).toBeVisible();
    await expectAccessible(admin, 'reminder settings');

    await first.fill('24');
    await second.fill('30');
    await section.getByRole('button', { name: t.save }).click();
    await expect(second).toHaveAccessibleDescription(t.secondInvalid);
    await expect(second).toHaveAttribute('aria-invalid', 'true');
    // The typed values survive the refusal, and nothing was saved.
    await expect(first).toHaveValue('24');
    await expect(second).toHaveValue('30');
    expect(await reminderHours(slug)).toEqual({ reminder_hours: 48, second_reminder_hours: null });
    await expectAccessible(admin, 'reminder settings with an error');

    await second.fill('2');
    await section.getByRole('button', { name: t.save }).click();
    await expect(section.getByRole('status')).toHaveText(t.saved);
    expect(await reminderHours(slug)).toEqual({ reminder_hours: 24, second_reminder_hours: 2 });
    await admin.reload();
    await expect(admin.getByRole('region', { name: t.section(slug) }).getByLabel(t.first, { exact: true })).toHaveValue('24');
    await expect(admin.getByRole('region', { name: t.section(slug) }).getByLabel(t.second, { exact: true })).toHaveValue('2');

    // Emptied: no reminders at this office.
    await first.fill('');
    await second.fill('');
    await section.getByRole('button', { name: t.save }).click();
    await expect(section.getByRole('status')).toHaveText(t.saved);
    expect(await reminderHours(slug)).toEqual({ reminder_hours: null, second_reminder_hours: null });
  } finally {
    await removeOwnOffice(slug);
  }
});

test('the running app sends a due reminder, and its link opens the number-and-PIN form without changing anything', async ({ page }, testInfo) => {
  // The app's reminder round runs once a minute: wait for one.
  test.setTimeout(150_000);
  const locale = testInfo.project.name as Locale;
  const t = text[locale];
  const slug = `e2e-erinnerung-mail-${locale}-${testInfo.repeatEachIndex}`;
  await createOwnOffice(slug);
  try {
    // Booked a week ago (before its reminder point), for tomorrow: the reminder is due now.
    const [booking] = await sql<{ id: string; code: string }>(
      `with b as (
         insert into bookings (code, location_id, counter_id, during, status, name, email, locale, created_at, confirmed_at)
         select 'R' || upper(substr(md5(random()::text), 1, 3)) || '-' || upper(substr(md5(random()::text), 1, 4)), c.location_id, c.id,
                tstzrange(date_trunc('hour', now()) + interval '30 hours', date_trunc('hour', now()) + interval '30 hours 20 minutes'), 'booked',
                'Rita Reminder', 'reminder-' || $1 || '@example.org', $2, now() - interval '7 days', now() - interval '7 days'
         from counters c join locations l on l.id = c.location_id where l.slug = $1 order by c.position limit 1
         returning id, code, location_id)
       insert into booking_services (booking_id, service_id, count, minutes_per_unit)
       select b.id, s.service_id, 1, 20 from b join location_services s on s.location_id = b.location_id order by s.service_id limit 1
       returning (select id from b)::text as id, (select code from b) as code`,
      [slug, locale],
    );
    const { id, code } = booking!;

    let file: string | undefined;
    await expect
      .poll(() => (file = existsSync(MAIL_DIR) ? readdirSync(MAIL_DIR).find((f) => f.endsWith(`-booking-reminder-first-${code}.eml`)) : undefined), { timeout: 100_000, intervals: [2_000] })
      .toBeTruthy();
    const mail = await simpleParser(readFileSync(path.join(MAIL_DIR, file!)));
    expect(mail.subject).toContain(code);
    expect(mail.attachments.some((a) => a.contentType.startsWith('text/calendar'))).toBe(true);
    const link = (mail.html as string).match(new RegExp(`href="([^"]+nummer=${code})"`))![1]!;
    expect(mail.text).toContain(t.change);

    await page.goto(link);
    await expect(page.getByLabel(t.code, { exact: true })).toHaveValue(code);
    await expectAccessible(page, 'the page the reminder links to');
    expect((await sql<{ status: string }>('select status from bookings where id = $1', [id]))[0]!.status).toBe('booked');
  } finally {
    await removeOwnOffice(slug);
  }
});
