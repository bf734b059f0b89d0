import { randomInt } from 'node:crypto';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import QRCode from 'qrcode';
import { expectAccessible } from './support/axe';
import { sql } from './support/database';
import { createOwnOffice, removeOwnOffice } from './support/own-office';
import { startSecondInstance } from './support/second-instance';
import { ownAddressContext } from './support/staff';

// The front desk runs on the clock (check-in from 30 min before an appointment), so this spec books "now" at an
// office of its own that is open around the clock, not on an openDay(…) of the calendar.

const TEXT = {
  de: {
    email: 'E-Mail-Adresse', password: 'Passwort', signIn: 'Anmelden',
    deviceName: 'Gerätename', register: 'Gerät einrichten', token: 'Geräteschlüssel', pair: 'Gerät einrichten',
    qrFile: 'Oder ein Foto des QR-Codes wählen', bookingNumber: 'Buchungsnummer', checkIn: 'Anmelden', done: 'Fertig',
    service: 'Beglaubigung von Kopien', counter: 'Mein Schalter', use: 'Übernehmen', callNext: 'Nächste Person aufrufen', recall: 'Erneut aufrufen',
    called: (n: string) => `${n} ist aufgerufen.`, tooEarly: /Sie sind zu früh/, none: 'Noch kein Aufruf.', toCounter: (c: string) => `bitte zu ${c}`,
  },
  en: {
    email: 'Email address', password: 'Password', signIn: 'Sign in',
    deviceName: 'Device name', register: 'Set up device', token: 'Device key', pair: 'Set up device',
    qrFile: 'Or choose a photo of the QR code', bookingNumber: 'Booking number', checkIn: 'Check in', done: 'Done',
    service: 'Certified copies', counter: 'My counter', use: 'Use', callNext: 'Call next person', recall: 'Call again',
    called: (n: string) => `${n} has been called.`, tooEarly: /You are early/, none: 'No calls yet.', toCounter: (c: string) => `please go to ${c}`,
  },
} as const;

type Locale = keyof typeof TEXT;

async function signInAdmin(browser: Browser, locale: Locale) {
  const context = await ownAddressContext(browser, { viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`/${locale}/verwaltung`);
  await page.getByLabel(TEXT[locale].email).fill('admin@musterstadt.example');
  await page.getByLabel(TEXT[locale].password).fill('Admin-Demo-2026');
  await page.getByRole('button', { name: TEXT[locale].signIn }).click();
  await expect(page.getByRole('heading', { level: 1, name: locale === 'de' ? /Tagesplan/ : /Day plan/ })).toBeVisible();
  return page;
}

/** A booked appointment at `slug` starting `minutesFromNow` from now, as a citizen's booking is stored. */
async function bookNow(slug: string, minutesFromNow: number, counterName: string) {
  const code = Array.from({ length: 8 }, () => 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'[randomInt(31)]).join('').replace(/^(.{4})/, '$1-');
  const start = new Date(Date.now() + minutesFromNow * 60_000);
  const end = new Date(start.getTime() + 10 * 60_000);
  const [row] = await sql<{ id: number; check_in_token: string }>(
    `insert into bookings (code, location_id, counter_id, during, status, name, email, confirmed_at)
     select $1, l.id, c.id, tstzrange($3, $4, '[)'), 'booked', 'Erika Mustermann', 'erika@example.org', now()
     from locations l join counters c on c.location_id = l.id and c.name = $5 where l.slug = $2
     returning id, check_in_token`,
    [code, slug, start.toISOString(), end.toISOString(), counterName],
  );
  await sql(`insert into booking_services (booking_id, service_id, count, minutes_per_unit) select $1, s.id, 1, 10 from services s where s.slug = 'beglaubigung'`, [row!.id]);
  return { code, token: row!.check_in_token };
}

async function ticketNumber(page: Page) {
  const label = (await page.getByTestId('ticket-number').textContent())!.trim();
  expect(label).toMatch(/^[AW] \d+$/);
  return label;
}

test('kiosk check-in by QR code and number, a walk-in number, calls shown live on another instance, two clerks at once, and the display resuming after its database connection dropped', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const locale = testInfo.project.name as Locale;
  const t = TEXT[locale];
  const slug = `empfang-${locale}-${Date.now().toString(36)}`;
  await createOwnOffice(slug, { counters: 2 });
  // Open around the clock, booking right up to the start: the test checks in appointments that begin now.
  await sql(`delete from opening_hours where location_id = (select id from locations where slug = $1)`, [slug]);
  await sql(`insert into opening_hours (location_id, weekday, opens_at, closes_at, counters_open) select l.id, d, '00:00', '24:00', 2 from locations l, generate_series(1, 7) d where l.slug = $1`, [slug]);
  await sql(`update locations set min_lead_minutes = 0 where slug = $1`, [slug]);
  const second = await startSecondInstance();
  const contexts: BrowserContext[] = [];
  try {
    // An admin registers the kiosk; the tablet pairs with the key shown once.
    const admin = await signInAdmin(browser, locale);
    contexts.push(admin.context());
    await admin.goto(`/${locale}/verwaltung/einstellungen/kiosk`);
    await expectAccessible(admin, 'kiosk devices page');
    await admin.getByLabel(locale === 'de' ? 'Standort' : 'Office').selectOption({ label: locale === 'de' ? `Testamt ${slug}` : `Test office ${slug}` });
    await admin.getByLabel(t.deviceName).fill('Tablet Eingang');
    await admin.getByRole('button', { name: t.register }).click();
    const key = (await admin.getByTestId('kiosk-token').textContent())!.trim();

    const kioskContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(kioskContext);
    const kiosk = await kioskContext.newPage();
    await kiosk.goto(`/${locale}/kiosk`);
    await kiosk.goto(`/${locale}/kiosk/koppeln`);
    await expectAccessible(kiosk, 'kiosk pairing');
    await kiosk.getByLabel(t.token).fill('not-a-key-of-any-device-at-all');
    await kiosk.getByRole('button', { name: t.pair }).click();
    await expect(kiosk.getByRole('main').getByRole('alert')).toBeVisible();
    await kiosk.getByLabel(t.token).fill(key);
    await kiosk.getByRole('button', { name: t.pair }).click();
    await expect(kiosk.getByLabel(t.bookingNumber)).toBeVisible();
    await expectAccessible(kiosk, 'kiosk');
    await kiosk.screenshot({ path: testInfo.outputPath(`kiosk-1280x800-${locale}.png`), fullPage: true });

    // The display on the other instance, before any call.
    const displayContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    contexts.push(displayContext);
    const display = await displayContext.newPage();
    await display.goto(`${second.url}/${locale}/aufruf/${slug}`);
    await expect(display.getByText(t.none)).toBeVisible();
    await expectAccessible(display, 'call display (empty)');

    // 1. By QR code: a photo of the confirmation's code, decoded in the browser.
    const first = await bookNow(slug, 5, 'Schalter 1');
    await kiosk.getByLabel(t.qrFile).setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: await QRCode.toBuffer(first.token, { margin: 2, width: 300 }) });
    await expect(kiosk.getByTestId('ticket-number')).toBeVisible();
    const firstLabel = await ticketNumber(kiosk);
    expect(firstLabel).toMatch(/^A /);
    await expectAccessible(kiosk, 'kiosk ticket');
    await kiosk.screenshot({ path: testInfo.outputPath(`ticket-1280x800-${locale}.png`) });
    await kiosk.getByRole('link', { name: t.done }).click();

    // 2. By typed number; an appointment far off is refused with a clear message.
    const early = await bookNow(slug, 120, 'Schalter 2');
    await kiosk.getByLabel(t.bookingNumber).fill(early.code);
    await kiosk.getByRole('button', { name: t.checkIn }).click();
    await expect(kiosk.getByRole('main').getByRole('alert')).toContainText(t.tooEarly);
    const typed = await bookNow(slug, 10, 'Schalter 2');
    await kiosk.getByLabel(t.bookingNumber).fill(typed.code.toLowerCase());
    await kiosk.getByRole('button', { name: t.checkIn }).click();
    const typedLabel = await ticketNumber(kiosk);
    expect(typedLabel).toMatch(/^A /);
    await kiosk.getByRole('link', { name: t.done }).click();

    // 3. A walk-in draws a number.
    await kiosk.getByRole('button', { name: t.service }).click();
    const walkInLabel = await ticketNumber(kiosk);
    expect(walkInLabel).toMatch(/^W /);
    expect(new Set([firstLabel, typedLabel, walkInLabel]).size).toBe(3);

    // The day plan lists who waits, and follows the calls live.
    const plan = await admin.context().newPage();
    await plan.goto(`/${locale}/verwaltung?standort=${slug}`);
    await expect(plan.getByRole('heading', { name: waitingHeading(locale, 3) })).toBeVisible();
    await expectAccessible(plan, 'day plan with waiting list');

    // A clerk calls the next person; the display on the other instance shows it within a second.
    const clerk = admin;
    await clerk.goto(`/${locale}/verwaltung/aufruf?standort=${slug}`);
    await clerk.getByLabel(t.counter).selectOption({ label: 'Schalter 1' });
    await clerk.getByRole('button', { name: t.use }).click();
    await expectAccessible(clerk, 'calling page');
    await clerk.screenshot({ path: testInfo.outputPath(`calling-${locale}.png`), fullPage: true });
    await clerk.getByRole('button', { name: t.callNext }).click();
    await expect(clerk.getByRole('status').filter({ hasText: t.called(firstLabel) })).toBeVisible();
    await expect(display.getByTestId('current-number')).toHaveText(firstLabel, { timeout: 1_000 });
    await expect(display.getByText(t.toCounter('Schalter 1'), { exact: true })).toBeVisible();
    await expect(plan.getByRole('heading', { name: waitingHeading(locale, 2) })).toBeVisible({ timeout: 5_000 });
    await expectAccessible(display, 'call display');
    await display.screenshot({ path: testInfo.outputPath(`display-1920x1080-${locale}.png`) });

    // Two clerks pressing at once call two different people.
    const other = await signInAdmin(browser, locale);
    contexts.push(other.context());
    await other.goto(`/${locale}/verwaltung/aufruf?standort=${slug}&schalter=${await counterId(slug, 'Schalter 2')}`);
    await clerk.goto(`/${locale}/verwaltung/aufruf?standort=${slug}&schalter=${await counterId(slug, 'Schalter 1')}`);
    await Promise.all([clerk.getByRole('button', { name: t.callNext }).click(), other.getByRole('button', { name: t.callNext }).click()]);
    const notices = await Promise.all([clerk, other].map(async (page) => (await page.getByRole('status').filter({ hasText: /[AW] \d+/ }).textContent())!.match(/[AW] \d+/)![0]));
    expect(new Set(notices).size).toBe(2);
    expect([...notices].sort()).toEqual([typedLabel, walkInLabel].sort());

    // Both calls reach the display; then its database connection drops (what a PostgreSQL restart does to it).
    await expect(display.locator('.call-display__table')).toContainText(firstLabel);
    await expect(async () => expect(notices).toContain((await display.getByTestId('current-number').textContent())?.trim())).toPass({ timeout: 5_000 });
    const shown = (await display.getByTestId('current-number').textContent())!.trim();
    const dropped = await sql<{ pid: number }>(`select pg_terminate_backend(pid) as pid from pg_stat_activity where query ilike 'LISTEN front_desk%' and pid <> pg_backend_pid()`);
    expect(dropped.length).toBeGreaterThanOrEqual(1);
    // The clerk whose person is not on top calls again: the display, reconnected by itself, shows it.
    const [recaller, recalled] = notices[0] === shown ? [other, notices[1]!] : [clerk, notices[0]!];
    await recaller.getByRole('button', { name: t.recall }).click();
    await expect(display.getByTestId('current-number')).toHaveText(recalled, { timeout: 15_000 });

    // The tablet size and the TV size, both looked at.
    await display.setViewportSize({ width: 1280, height: 800 });
    await display.screenshot({ path: testInfo.outputPath(`display-1280x800-${locale}.png`) });
    await kiosk.setViewportSize({ width: 1920, height: 1080 });
    await kiosk.goto(`/${locale}/kiosk`);
    await kiosk.screenshot({ path: testInfo.outputPath(`kiosk-1920x1080-${locale}.png`) });
  } finally {
    // An open call display keeps its event stream (and so the instance) busy: browsers go first.
    await Promise.all(contexts.map((c) => c.close().catch(() => {})));
    await second.stop();
    await removeOwnOffice(slug);
  }
});

const waitingHeading = (locale: Locale, count: number) => (locale === 'de' ? `Wartende (${count})` : `Waiting (${count})`);

async function counterId(slug: string, name: string) {
  const [row] = await sql<{ id: number }>(`select c.id from counters c join locations l on l.id = c.location_id where l.slug = $1 and c.name = $2`, [slug, name]);
  return row!.id;
}
