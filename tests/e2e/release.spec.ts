import { expect, test } from '@playwright/test';
import { DateTime } from 'luxon';
import { expectAccessible } from './support/axe';
import { sql } from './support/database';
import { createOwnOffice, removeOwnOffice } from './support/own-office';

type Locale = 'de' | 'en';

const text = {
  de: {
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    signIn: 'Anmelden',
    plan: /Tagesplan/,
    time: 'Uhrzeit der Freigabe',
    save: 'Freigabe speichern',
    saved: /gespeichert/i,
    days: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
    when: 'Wann gibt es neue Termine?',
    laterDay: (time: string) => new RegExp(`ab \\d+\\.\\d+\\., ${time} Uhr buchbar`),
    noDay: 'Bitte wählen Sie mindestens einen Tag.',
  },
  en: {
    email: 'Email address',
    password: 'Password',
    signIn: 'Sign in',
    plan: /Day plan/,
    time: 'Release time',
    save: 'Save release',
    saved: /saved/i,
    days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    when: 'When are new appointments released?',
    laterDay: (time: string) => new RegExp(`bookable from \\d+/\\d+, ${time}`),
    noDay: 'Please choose at least one day.',
  },
} as const;

test.describe('release schedule ("Wann gibt es neue Termine?")', () => {
  test('an admin sets a daily release; citizens see when, and the newest day as "bookable from"', async ({ browser, page }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const t = text[locale];
    // An office of the test's own: its release rule touches no other test's days.
    const slug = `release-${locale}-${Date.now()}`;
    await createOwnOffice(slug);
    try {
      const [{ id }] = (await sql<{ id: number }>(`select id from locations where slug = $1`, [slug])) as [{ id: number }];
      // A release later today (Berlin), every day of the week: the day the horizon reaches is not released yet.
      const berlin = DateTime.now().setZone('Europe/Berlin');
      const release = berlin.hour >= 22 ? '23:59' : berlin.plus({ hours: 2 }).toFormat('HH:mm');

      const admin = await (await browser.newContext({ locale, extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250) + 1}` } })).newPage();
      await admin.goto(`/${locale}/verwaltung`);
      await admin.getByLabel(t.email).fill('admin@musterstadt.example');
      await admin.getByLabel(t.password).fill('Admin-Demo-2026');
      await admin.getByRole('button', { name: t.signIn }).click();
      await expect(admin.getByRole('heading', { level: 1, name: t.plan })).toBeVisible();
      await admin.goto(`/${locale}/verwaltung/einstellungen/standorte?standort=${slug}`);
      const form = admin.locator('form', { has: admin.getByRole('button', { name: t.save }) });
      // A release on no day is refused beside the days, and nothing is saved.
      await form.getByLabel(t.time).fill(release);
      for (const day of t.days) await form.getByLabel(day, { exact: true }).uncheck();
      await form.getByRole('button', { name: t.save }).click();
      await expect(form.getByRole('group').getByText(t.noDay)).toBeVisible();
      expect((await sql<{ release_time: string | null }>(`select release_time::text from locations where id = $1`, [id]))[0]!.release_time).toBeNull();
      for (const day of t.days) await form.getByLabel(day, { exact: true }).check();
      await form.getByRole('button', { name: t.save }).click();
      await expect(form.getByText(t.saved)).toBeVisible();
      await expectAccessible(admin, 'booking rules with the release schedule');
      const [saved] = await sql<{ release_time: string; release_weekdays: number[] }>(`select release_time::text, release_weekdays from locations where id = $1`, [id]);
      expect(saved).toEqual({ release_time: `${release}:00`, release_weekdays: [1, 2, 3, 4, 5, 6, 7] });

      // The time page says when the next release is and marks the day it brings.
      const lastDay = berlin.plus({ days: 42 });
      await page.goto(`/${locale}/termin/zeit?standort=${slug}&leistungen=personalausweis:1&monat=${lastDay.toFormat('yyyy-MM')}`);
      await expect(page.getByText(t.when)).toBeVisible();
      await expect(page.getByText(release, { exact: false }).first()).toBeVisible();
      const cell = page.getByRole('table').getByText(t.laterDay(release));
      await expect(cell).toHaveCount(1);
      await expect(page.getByRole('link', { name: new RegExp(lastDay.setLocale(locale === 'de' ? 'de' : 'en-GB').toFormat('d')) }).filter({ hasText: new RegExp(`^${lastDay.day}$`) })).toHaveCount(0);
      await expectAccessible(page, 'time page with a release schedule');

      // The start page says it too, on the office's card.
      await page.goto(`/${locale}`);
      const card = page.getByRole('article').filter({ hasText: slug });
      await expect(card.getByText(t.when)).toBeVisible();
      await expectAccessible(page, 'start page with a release schedule');
    } finally {
      await removeOwnOffice(slug);
    }
  });
});
