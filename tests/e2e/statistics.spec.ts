import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { readSheet } from 'read-excel-file/node';
import { expectAccessible } from './support/axe';
import type { Locale } from './support/booking-flow';
import { ownAddressContext } from './support/staff';

const text = {
  de: {
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    signIn: 'Anmelden',
    link: 'Statistik',
    title: 'Statistik',
    period: 'Zeitraum',
    custom: 'Frei wählbar',
    from: 'Von',
    to: 'Bis',
    show: 'Anzeigen',
    outcomes: 'Ausgang der Termine',
    noShow: 'Nicht erschienen',
    csv: 'Ausgang der Termine als CSV',
    xlsx: 'Ausgang der Termine als Excel (XLSX)',
    chart: /Diagramm: Ausgang der Termine/,
    heat: /Diagramm: Auslastung nach Wochentag und Stunde/,
    separator: ';',
  },
  en: {
    email: 'Email address',
    password: 'Password',
    signIn: 'Sign in',
    link: 'Statistics',
    title: 'Statistics',
    period: 'Period',
    custom: 'Custom',
    from: 'From',
    to: 'To',
    show: 'Show',
    outcomes: 'Outcome of appointments',
    noShow: 'No-show',
    csv: 'Outcome of appointments as CSV',
    xlsx: 'Outcome of appointments as Excel (XLSX)',
    chart: /Chart: Outcome of appointments/,
    heat: /Chart: Utilisation by weekday and hour/,
    separator: ',',
  },
} as const;

async function signedInAdmin(page: Page, locale: Locale) {
  const t = text[locale];
  await page.goto(`/${locale}/verwaltung`);
  await page.getByLabel(t.email).fill('admin@musterstadt.example');
  await page.getByLabel(t.password).fill('Admin-Demo-2026');
  await page.getByRole('button', { name: t.signIn }).click();
  await expect(page.getByRole('link', { name: t.link, exact: true })).toBeVisible();
}

/** A page number as a plain number: "1.234" / "1,234" → 1234, "5,3 %" / "5.3%" → 0.053. */
function numberOf(cell: string, locale: Locale): number | null {
  if (cell === '–' || cell === '') return null;
  const plain = locale === 'de' ? cell.replace(/\./g, '').replace(',', '.') : cell.replace(/,/g, '');
  return plain.includes('%') ? Math.round(Number(plain.replace(/\s?%/, '')) * 10) / 1000 : Number(plain);
}

test('an admin reads the statistics of the past weeks and downloads tables with the same numbers', async ({ browser }, testInfo) => {
  // Two periods of facts and nine charts: give a shared, busy machine time.
  test.setTimeout(120_000);
  const locale = testInfo.project.name as Locale;
  const t = text[locale];
  const page = await (await ownAddressContext(browser, { locale, acceptDownloads: true })).newPage();
  await signedInAdmin(page, locale);
  await page.getByRole('link', { name: t.link, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible({ timeout: 20_000 });

  // The seeded history: the four weeks before today.
  const today = DateTime.now().setZone('Europe/Berlin').startOf('day');
  await page.getByLabel(t.period).selectOption({ label: t.custom });
  await page.getByLabel(t.from, { exact: true }).fill(today.minus({ days: 28 }).toISODate()!);
  await page.getByLabel(t.to, { exact: true }).fill(today.minus({ days: 1 }).toISODate()!);
  await page.getByRole('button', { name: t.show }).click();
  await expect(page).toHaveURL(/zeitraum=frei/, { timeout: 20_000 });

  await expect(page.getByRole('img', { name: t.chart })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('img', { name: t.heat })).toBeVisible();
  const table = page.getByRole('table', { name: t.outcomes });
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\u00a0/g, ' '))));
  const noShow = rows.find((r) => r[0] === t.noShow)!;
  expect(numberOf(noShow[1]!, locale)).toBeGreaterThan(0);
  await expectAccessible(page, 'statistics');

  const download = async (name: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name, exact: true }).click()]);
    return (await file.path())!;
  };
  const csv = readFileSync(await download(t.csv), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(t.separator));
  // The CSV shows each cell as the page does (German: 5,3 %), so a German spreadsheet reads the same numbers.
  expect(csv.slice(1).map((r) => r.map((c) => (c === '' ? '–' : c)))).toEqual(rows);

  const sheet = await readSheet(await download(t.xlsx));
  expect(sheet.slice(1).map((r) => r.slice(1))).toEqual(rows.map((r) => r.slice(1).map((c) => numberOf(c, locale))));
  expect(sheet.slice(1).map((r) => r[0])).toEqual(rows.map((r) => r[0]));
});
