import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { DateTime } from 'luxon';
import { expectAccessible } from './support/axe';
import { BookingFlow, type Locale } from './support/booking-flow';
import { ChangeFlow } from './support/change-flow';
import { sql } from './support/database';
import { openDay, uniqueEmail } from './support/dates';
import { ownAddressContext } from './support/staff';

// Days no spec closes or cancels on (admin.spec closes Monday 2/3 and counts every booking there): German on the
// fifth open Monday (accessibility.spec holds 11:00/11:30 there), English on the fifth open Tuesday (failed-mails.spec
// books 11:30 there); this file takes 08:00 and 09:00, so the projects never compete for a time.
const dayFor = (locale: Locale) => (locale === 'de' ? openDay(1, 4) : openDay(2, 4));
const MAIL_DIR = '.data/e2e/mail';

const text = {
  de: {
    path: '/de/termin/wunsch',
    count: 'Anzahl für Meldebescheinigung',
    earliest: 'Frühestens am',
    latest: 'Spätestens am',
    name: 'Vor- und Nachname',
    email: 'E-Mail-Adresse',
    consent: /Datenschutzhinweise gelesen/,
    submit: 'Terminwunsch eintragen',
    sent: 'Bitte bestätigen Sie Ihre E-Mail-Adresse',
    confirm: 'Wunsch bestätigen',
    confirmed: /Sie sind auf Platz \d+/,
    code: 'Wunschnummer',
    pin: 'PIN',
    open: 'Wunsch öffnen',
    offer: 'Ein Termin für Sie',
    accept: 'Termin verbindlich buchen',
    accepted: /Ihr Termin ist gebucht: Buchungsnummer ([A-Z2-9]{4}-[A-Z2-9]{4})/,
    decline: 'Termin ablehnen',
    declined: 'Sie haben den Termin abgelehnt. Ihr Wunsch bleibt in der Warteliste.',
    errorTitle: 'Bitte prüfen Sie Ihre Angaben',
    waiting: /In der Warteliste: Platz \d+/,
  },
  en: {
    path: '/en/appointment/wish',
    count: 'Number for Certificate of registration',
    earliest: 'Earliest on',
    latest: 'Latest on',
    name: 'First and last name',
    email: 'Email address',
    consent: /read the privacy notice/,
    submit: 'Register wish',
    sent: 'Please confirm your email address',
    confirm: 'Confirm wish',
    confirmed: /You are number \d+/,
    code: 'Wish number',
    pin: 'PIN',
    open: 'Open wish',
    offer: 'An appointment for you',
    accept: 'Book this appointment',
    accepted: /Your appointment is booked: booking number ([A-Z2-9]{4}-[A-Z2-9]{4})/,
    decline: 'Decline this appointment',
    declined: 'You declined the appointment. Your wish stays in the waiting list.',
    errorTitle: 'Please check your entries',
    waiting: /In the waiting list: number \d+/,
  },
} as const;

/** The mail of `kind` about `code` (a wish or booking number) once the SMTP sink has filed it. */
async function mailFor(kind: string, code: string): Promise<ParsedMail> {
  let file: string | undefined;
  await expect.poll(() => (file = existsSync(MAIL_DIR) ? readdirSync(MAIL_DIR).find((f) => f.endsWith(`-${kind}-${code}.eml`)) : undefined), { timeout: 30_000 }).toBeTruthy();
  return simpleParser(readFileSync(path.join(MAIL_DIR, file!)));
}

const linkIn = (mail: ParsedMail, pattern: RegExp) => new URL(pattern.exec(mail.text ?? '')![0]).pathname + new URL(pattern.exec(mail.text ?? '')![0]).search;

/** The other two counters of the main office taken at `hhmm` on `day`, so one booking there fills the time. */
async function fillOtherCounters(day: DateTime, hhmm: string) {
  const start = `${day.toISODate()} ${hhmm}:00 Europe/Berlin`;
  await sql(
    `insert into bookings (code, location_id, counter_id, during, status, name, email)
     select 'E2EW-' || substr(md5(random()::text), 1, 4) || c.id, c.location_id, c.id, tstzrange($1::timestamptz, $1::timestamptz + interval '5 minutes'), 'booked', 'Other', 'other@example.org'
     from counters c join locations l on l.id = c.location_id where l.slug = 'buergeramt-mitte' and c.active order by c.position, c.id offset 1`,
    [start],
  );
}

/** Registers a wish for a Meldebescheinigung on `day` in the browser and confirms it from its mail; returns number and PIN. */
async function registerWish(page: Page, locale: Locale, day: DateTime, email: string, { checkA11y = false } = {}) {
  const t = text[locale];
  await page.goto(t.path);
  if (checkA11y) await expectAccessible(page, 'the wish form');
  await page.getByLabel(t.count).selectOption('1');
  await page.getByLabel(t.earliest).fill(day.toISODate()!);
  await page.getByLabel(t.latest).fill(day.toISODate()!);
  await page.getByLabel(t.name).fill('Max Mustermann');
  await page.getByLabel(t.email).fill(email);
  await page.getByRole('checkbox', { name: t.consent }).check();
  await page.getByRole('button', { name: t.submit }).click();
  await expect(page.getByRole('heading', { name: t.sent })).toBeVisible();
  // After a client-side navigation the title follows the page a moment later.
  await expect(page).toHaveTitle(/.+/);
  if (checkA11y) await expectAccessible(page, 'the page after registering');

  const [row] = await sql<{ code: string }>('select code from waitlist_wishes where email = $1', [email]);
  const code = row!.code;
  const mail = await mailFor('waitlist-confirm', code);
  expect(mail.to && 'value' in mail.to ? mail.to.value[0]!.address : '').toBe(email);
  const pin = /\b(\d{6})\b/.exec(mail.text ?? '')![1]!;
  await page.goto(linkIn(mail, /https?:\/\/\S+(bestaetigen|confirm)\?token=\S+/));
  if (checkA11y) await expectAccessible(page, 'the confirmation page');
  await page.getByRole('button', { name: t.confirm }).click();
  return { code, pin };
}

/** The booking number of the offer standing for a wish, if one stands. */
const offerOf = async (wishCode: string) => (await sql<{ code: string }>("select b.code from bookings b join waitlist_wishes w on w.id = b.wish_id where w.code = $1 and b.status = 'held'", [wishCode]))[0]?.code;

async function openStatus(page: Page, locale: Locale, mail: ParsedMail, pin: string) {
  const t = text[locale];
  await page.goto(linkIn(mail, /https?:\/\/\S+(status)\?nummer=\S+/));
  await page.getByLabel(t.pin, { exact: true }).fill(pin);
  await page.getByRole('button', { name: t.open }).click();
  await expect(page.getByRole('heading', { name: t.offer })).toBeVisible();
}

/** Another citizen books `hhmm` on `day` through the booking flow and cancels it with number and PIN. */
async function bookAndCancel(browser: Browser, locale: Locale, day: DateTime, hhmm: string) {
  const context = await ownAddressContext(browser, { locale });
  const page = await context.newPage();
  const flow = new BookingFlow(page, locale);
  await flow.chooseServices({ certificate: 1 });
  await flow.openDay(day);
  await flow.reserve(hhmm);
  await flow.fillContact({ name: 'Erika Mustermann', email: uniqueEmail('waitlist-other') });
  const booking = await flow.confirm();
  return {
    cancel: async () => {
      const change = new ChangeFlow(page, locale);
      await page.goto(change.cancelUrl(booking.code));
      await change.enter({ pin: booking.pin });
      await change.cancel();
      await context.close();
    },
  };
}

test.describe('Terminwunsch (waitlist)', () => {
  test('a wish registered in the browser gets a cancelled time by mail over SMTP, and accepting books it', async ({ browser }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    // Each browser its own client address: PIN checks are limited per address, shared with the other specs.
    const page = await (await ownAddressContext(browser, { locale })).newPage();
    const t = text[locale];
    const day = dayFor(locale);
    await fillOtherCounters(day, '08:00');
    const other = await bookAndCancel(browser, locale, day, '08:00');

    // Refused first: nothing chosen; the errors name the fields and the typed name stays.
    await page.goto(t.path);
    await page.getByLabel(t.name).fill('Max Mustermann');
    await page.getByRole('button', { name: t.submit }).click();
    await expect(page.getByRole('heading', { name: t.errorTitle })).toBeVisible();
    await expect(page.getByLabel(t.name)).toHaveValue('Max Mustermann');
    await expectAccessible(page, 'the wish form with errors');

    const wish = await registerWish(page, locale, day, uniqueEmail('wish'), { checkA11y: true });
    await expect(page.getByText(t.confirmed)).toBeVisible();

    await other.cancel();
    await expect.poll(() => offerOf(wish.code), { timeout: 30_000 }).toBeTruthy();
    const offerMail = await mailFor('waitlist-offer', (await offerOf(wish.code))!);
    expect(offerMail.text).toContain('08:00');

    await openStatus(page, locale, offerMail, wish.pin);
    await expectAccessible(page, 'the wish with its offer');
    await page.getByRole('button', { name: t.accept }).click();
    const accepted = page.getByText(t.accepted);
    await expect(accepted).toBeVisible();
    const bookingCode = t.accepted.exec((await accepted.textContent())!)![1]!;
    const confirmation = await mailFor('booking-confirmed', bookingCode);
    expect(confirmation.text).toMatch(/\b\d{6}\b/);
    const [row] = await sql<{ status: string; source: string }>('select status, source from bookings where code = $1', [bookingCode]);
    expect(row).toEqual({ status: 'booked', source: 'waitlist' });
  });

  test('without JavaScript, a declined offer moves on to the next wish', async ({ browser }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const t = text[locale];
    const day = dayFor(locale);
    await fillOtherCounters(day, '09:00');
    const other = await bookAndCancel(browser, locale, day, '09:00');
    const context = await ownAddressContext(browser, { locale, javaScriptEnabled: false });
    const first = await context.newPage();
    const second = await context.newPage();
    const firstWish = await registerWish(first, locale, day, uniqueEmail('wish-first'));
    await expect(first.getByText(t.confirmed)).toBeVisible();
    const secondWish = await registerWish(second, locale, day, uniqueEmail('wish-second'));
    await expect(second.getByText(t.confirmed)).toBeVisible();

    await other.cancel();
    await expect.poll(() => offerOf(firstWish.code), { timeout: 30_000 }).toBeTruthy();
    const firstOffer = await mailFor('waitlist-offer', (await offerOf(firstWish.code))!);
    await openStatus(first, locale, firstOffer, firstWish.pin);
    await first.getByRole('button', { name: t.decline }).click();
    await expect(first.getByText(t.declined)).toBeVisible();
    await expect(first.getByText(t.waiting)).toBeVisible();

    await expect.poll(() => offerOf(secondWish.code), { timeout: 30_000 }).toBeTruthy();
    const secondOffer = await mailFor('waitlist-offer', (await offerOf(secondWish.code))!);
    expect(secondOffer.text).toContain('09:00');
    await context.close();
  });

  test('staff see the open demand and admins the waitlist settings, both accessible', async ({ browser }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const page = await (await ownAddressContext(browser, { locale })).newPage();
    await page.goto(`/${locale}/verwaltung`);
    await page.getByLabel(locale === 'de' ? 'E-Mail-Adresse' : 'Email address').fill('admin@musterstadt.example');
    await page.getByLabel(locale === 'de' ? 'Passwort' : 'Password').fill('Admin-Demo-2026');
    await page.getByRole('button', { name: locale === 'de' ? 'Anmelden' : 'Sign in' }).click();
    await page.getByRole('link', { name: locale === 'de' ? 'Terminwünsche' : 'Appointment wishes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: locale === 'de' ? 'Terminwünsche' : 'Appointment wishes' })).toBeVisible();
    await expectAccessible(page, 'the staff demand page');
    await page.goto(`/${locale}/verwaltung/einstellungen/standorte`);
    const hours = page.getByLabel(locale === 'de' ? 'Angebotsfrist in Stunden' : 'Offer period in hours');
    await expect(hours).toHaveValue('12');
    await expectAccessible(page, 'the office settings with the waitlist section');
    await page.context().close();
  });
});
