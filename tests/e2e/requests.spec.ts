import { expect, test, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import type { Locale } from './support/booking-flow';
import { sql } from './support/database';
import { ownAddressContext } from './support/staff';
import { openDay, uniqueEmail } from './support/dates';
import { mailsSent } from './support/mail-files';

const text = {
  de: {
    office: 'Ortschaftsverwaltung Hochdorf',
    requestLink: 'Termin anfragen',
    count: 'Anzahl für Meldebescheinigung',
    day: 'Wunschtag 1',
    part: 'Tageszeit für Wunschtag 1',
    name: 'Vor- und Nachname',
    email: 'E-Mail-Adresse',
    consent: /Datenschutzhinweise gelesen/,
    consentError: 'Bitte bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben.',
    send: 'Anfrage senden',
    received: 'Ihre Anfrage ist eingegangen',
    withdrawLink: 'Anfrage zurücknehmen',
    code: 'Anfragenummer',
    pin: 'PIN',
    withdraw: 'Anfrage verbindlich zurücknehmen',
    withdrawInvalid: /Anfragenummer oder PIN stimmen nicht/,
    withdrawn: 'Ihre Anfrage ist zurückgenommen',
    signInEmail: 'E-Mail-Adresse',
    password: 'Passwort',
    signIn: 'Anmelden',
    plan: /Tagesplan/,
    confirm: 'Termin bestätigen',
    confirmed: /Anfrage bestätigt: Termin [A-Z2-9]{4}-[A-Z2-9]{4}/,
    decline: 'Anfrage ablehnen',
    reason: 'Grund der Ablehnung',
    declineConfirm: 'Ablehnen und Person benachrichtigen',
    declined: 'Anfrage abgelehnt. Die Person wird per E-Mail benachrichtigt.',
  },
  en: {
    office: 'Local Office Hochdorf',
    requestLink: 'Request an appointment',
    count: 'Number for Certificate of registration',
    day: 'Preferred day 1',
    part: 'Time of day for preferred day 1',
    name: 'First and last name',
    email: 'Email address',
    consent: /read the privacy notice/,
    consentError: 'Please confirm that you have read the privacy notice.',
    send: 'Send request',
    received: 'Your request has been received',
    withdrawLink: 'Withdraw the request',
    code: 'Request number',
    pin: 'PIN',
    withdraw: 'Withdraw this request',
    withdrawInvalid: /request number or PIN is not correct/,
    withdrawn: 'Your request has been withdrawn',
    signInEmail: 'Email address',
    password: 'Password',
    signIn: 'Sign in',
    plan: /Day plan/,
    confirm: 'Confirm appointment',
    confirmed: /Request confirmed: appointment [A-Z2-9]{4}-[A-Z2-9]{4}/,
    decline: 'Decline request',
    reason: 'Reason for declining',
    declineConfirm: 'Decline and notify the person',
    declined: 'Request declined. The person is notified by email.',
  },
} as const;

/**
 * Hochdorf opens Tuesday mornings and Thursday afternoons: the German project asks for a Tuesday morning, the
 * English one for a Thursday afternoon, as late as the 42-day horizon allows (index 4 or earlier), so the two
 * never compete for a time and stay clear of the other specs' days.
 */
function requestDay(locale: Locale): { date: string; part: 'morning' | 'afternoon' } {
  const weekday = locale === 'de' ? 2 : 4;
  const last = DateTime.now().setZone('Europe/Berlin').startOf('day').plus({ days: 42 });
  for (let index = 4; index > 0; index--) {
    const day = openDay(weekday, index);
    if (day <= last) return { date: day.toISODate()!, part: locale === 'de' ? 'morning' : 'afternoon' };
  }
  return { date: openDay(weekday, 0).toISODate()!, part: locale === 'de' ? 'morning' : 'afternoon' };
}

/** From the home page's office card to a sent request; returns number and PIN as the confirmation page shows them. */
async function sendRequest(page: Page, locale: Locale, { name, email }: { name: string; email: string }) {
  const t = text[locale];
  const { date, part } = requestDay(locale);
  await page.goto(`/${locale}`);
  await page.getByRole('article', { name: t.office }).getByRole('link', { name: t.requestLink }).click();
  await page.getByLabel(t.count).selectOption('1');
  await page.getByLabel(t.day, { exact: true }).selectOption(date);
  await page.getByLabel(t.part).selectOption(part);
  await page.getByLabel(t.name).fill(name);
  await page.getByLabel(t.email, { exact: true }).fill(email);
  await page.getByRole('checkbox', { name: t.consent }).check();
  await page.getByRole('button', { name: t.send }).click();
  await expect(page.getByRole('heading', { name: t.received })).toBeVisible();
  return { code: (await page.getByTestId('request-code').textContent())!.trim(), pin: (await page.getByTestId('request-pin').textContent())!.trim() };
}

async function adminOnRequests(page: Page, locale: Locale) {
  const t = text[locale];
  await page.goto(`/${locale}/verwaltung`);
  await page.getByLabel(t.signInEmail).fill('admin@musterstadt.example');
  await page.getByLabel(t.password).fill('Admin-Demo-2026');
  await page.getByRole('button', { name: t.signIn }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.plan })).toBeVisible();
  await page.goto(`/${locale}/verwaltung/anfragen?standort=ortschaft-hochdorf`);
}

test.describe('appointment requests at a branch office', () => {
  test('a citizen asks Hochdorf for an appointment and the admin confirms it with a free time', async ({ page, browser }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const t = text[locale];
    const email = uniqueEmail(`request-${locale}`);

    // Without consent the form answers beside the checkbox and keeps what was typed.
    const { date, part } = requestDay(locale);
    await page.goto(`/${locale}/${locale === 'de' ? 'termin/anfrage' : 'appointment/request'}?standort=ortschaft-hochdorf`);
    await page.getByLabel(t.count).selectOption('1');
    await page.getByLabel(t.day, { exact: true }).selectOption(date);
    await page.getByLabel(t.part).selectOption(part);
    await page.getByLabel(t.name).fill('Rita Anfrage');
    await page.getByLabel(t.email, { exact: true }).fill(email);
    await page.getByRole('button', { name: t.send }).click();
    await expect(page.getByRole('checkbox', { name: t.consent })).toHaveAccessibleDescription(t.consentError);
    await expect(page.getByLabel(t.name)).toHaveValue('Rita Anfrage');
    await expect(page.getByLabel(t.day, { exact: true })).toHaveValue(date);

    const { code, pin } = await sendRequest(page, locale, { name: 'Rita Anfrage', email });
    expect(code).toMatch(/^A-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(pin).toMatch(/^\d{6}$/);
    expect(page.url()).not.toContain(pin);
    // The browser holds a token the PIN is sealed with, never the PIN; a reload shows both again.
    expect((await page.context().cookies()).map((c) => c.value).join(' ')).not.toContain(pin);
    const receiptUrl = page.url();
    await page.reload();
    await expect(page.getByTestId('request-code')).toHaveText(code);
    await expect(page.getByTestId('request-pin')).toHaveText(pin);
    const [request] = await sql<{ id: string; status: string; locale: string; pin_hash: string }>('select id, status, locale, pin_hash from appointment_requests where code = $1', [code]);
    expect(request).toMatchObject({ status: 'open', locale });
    expect(request!.pin_hash).toMatch(/^hmac-sha256\$[\w-]{43}$/);

    // Another browser that knows the number and writes the cookies itself, even with the right PIN, sees neither PIN nor contact details.
    const other = await browser.newContext({ locale });
    await other.addCookies(
      [['amtstermin_request', code], ['amtstermin_request_pin', `${code}:${pin}`], ['amtstermin_request_receipt', `${code}:${pin}`]].map(([name, value]) => ({ name: name!, value: value!, url: receiptUrl })),
    );
    const stranger = await other.newPage();
    await stranger.goto(receiptUrl);
    await expect(stranger.getByTestId('request-code')).toHaveText(code);
    await expect(stranger.getByTestId('request-pin')).toHaveCount(0);
    await expect(stranger.locator('body')).not.toContainText(email);
    await other.close();
    await expect.poll(() => mailsSent('request-received', code), { timeout: 20_000 }).toBe(1);

    const admin = await (await ownAddressContext(browser, { locale })).newPage();
    await adminOnRequests(admin, locale);
    const card = admin.getByRole('article').filter({ hasText: code });
    await expect(card).toContainText('Rita Anfrage');
    await card.getByRole('radio').first().check();
    await card.getByRole('button', { name: t.confirm }).click();
    await expect(admin.getByRole('status').filter({ hasText: t.confirmed })).toBeVisible();
    await expect(admin.getByRole('article').filter({ hasText: code })).toHaveCount(0);

    const [answered] = await sql<{ status: string; booking_code: string; booking_status: string; source: string; email: string }>(
      'select r.status, b.code as booking_code, b.status as booking_status, b.source, b.email from appointment_requests r join bookings b on b.id = r.booking_id where r.code = $1',
      [code],
    );
    expect(answered).toMatchObject({ status: 'confirmed', booking_status: 'booked', source: 'request', email });
    await expect.poll(() => mailsSent('booking-confirmed', answered!.booking_code), { timeout: 20_000 }).toBe(1);
  });

  test('the admin declines a request with a reason; another one is withdrawn with its PIN, all without JavaScript for the citizen', async ({ browser }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const t = text[locale];
    const page = await (await browser.newContext({ locale, javaScriptEnabled: false })).newPage();
    const toDecline = await sendRequest(page, locale, { name: 'Dora Absage', email: uniqueEmail(`decline-${locale}`) });

    const admin = await (await ownAddressContext(browser, { locale })).newPage();
    await adminOnRequests(admin, locale);
    const card = admin.getByRole('article').filter({ hasText: toDecline.code });
    await card.getByText(t.decline).click();
    await card.getByLabel(t.reason).fill('An diesem Tag ist die Ortschaftsverwaltung wegen einer Fortbildung geschlossen.');
    await card.getByRole('button', { name: t.declineConfirm }).click();
    await expect(admin.getByRole('status').filter({ hasText: t.declined })).toBeVisible();
    const [declined] = await sql<{ status: string; decline_reason: string }>('select status, decline_reason from appointment_requests where code = $1', [toDecline.code]);
    expect(declined).toMatchObject({ status: 'declined', decline_reason: 'An diesem Tag ist die Ortschaftsverwaltung wegen einer Fortbildung geschlossen.' });
    await expect.poll(() => mailsSent('request-declined', toDecline.code), { timeout: 20_000 }).toBe(1);

    const toWithdraw = await sendRequest(page, locale, { name: 'Willi Zurück', email: uniqueEmail(`withdraw-${locale}`) });
    await page.getByRole('link', { name: t.withdrawLink }).click();
    await expect(page.getByLabel(t.code, { exact: true })).toHaveValue(toWithdraw.code);
    const wrongPin = toWithdraw.pin === '000000' ? '111111' : '000000';
    await page.getByLabel(t.pin, { exact: true }).fill(wrongPin);
    await page.getByRole('button', { name: t.withdraw }).click();
    await expect(page.getByRole('alert').filter({ hasText: t.withdrawInvalid })).toBeVisible();
    expect((await sql<{ status: string }>('select status from appointment_requests where code = $1', [toWithdraw.code]))[0]!.status).toBe('open');
    await page.getByLabel(t.pin, { exact: true }).fill(toWithdraw.pin);
    await page.getByRole('button', { name: t.withdraw }).click();
    await expect(page.getByRole('status').filter({ hasText: t.withdrawn })).toBeVisible();
    expect((await sql<{ status: string }>('select status from appointment_requests where code = $1', [toWithdraw.code]))[0]!.status).toBe('withdrawn');
  });
});
