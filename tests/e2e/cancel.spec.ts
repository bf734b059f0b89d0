import { expect, test } from '@playwright/test';
import { BookingFlow, type Locale } from './support/booking-flow';
import { ChangeFlow } from './support/change-flow';
import { sql } from './support/database';
import { berlin, openDay, uniqueEmail } from './support/dates';
import { mailsSent } from './support/mail-files';

// Fridays belong to this file (the other specs book on Wednesdays and Thursdays). The first two open Fridays are
// always inside the 42-day horizon; the German and English projects use different times on them, so they never
// compete for a counter.
const friday = (index: 0 | 1) => openDay(5, index);
const time = (locale: Locale, hhmm: string) => (locale === 'de' ? hhmm : `${hhmm.slice(0, 3)}${Number(hhmm[3]) + 1}0`);

async function bookCertificate(flow: BookingFlow, hhmm: string, tag: string) {
  await flow.chooseServices({ certificate: 1 });
  await flow.openDay(friday(0));
  await flow.reserve(time(flow.locale, hhmm));
  await flow.fillContact({ name: 'Erika Mustermann', email: uniqueEmail(tag) });
  return flow.confirm();
}

const bookingRow = async (code: string) =>
  (await sql<{ id: string; status: string; cancel_reason: string | null; rescheduled_from_id: string | null; during: string }>(
    'select id, status, cancel_reason, rescheduled_from_id, during::text from bookings where code = $1',
    [code],
  ))[0]!;


test.describe('cancelling and moving a booking', () => {
  test('cancels with the number and PIN from the confirmation page', async ({ page }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const { code, pin } = await bookCertificate(new BookingFlow(page, locale), '08:00', 'cancel');
    const change = new ChangeFlow(page, locale);

    await page.getByRole('main').getByRole('link', { name: locale === 'de' ? 'Termin absagen oder verschieben' : 'Cancel or move the appointment' }).click();
    await expect(page.getByLabel(change.t.code, { exact: true })).toHaveValue(code);
    await change.enter({ pin });
    await expect(page.getByRole('heading', { name: change.t.manage })).toBeVisible();
    await expect(page.getByText(code)).toBeVisible();
    await expect(page.getByRole('link', { name: change.t.rescheduleInstead })).toBeVisible();
    await change.cancel();

    const row = await bookingRow(code);
    expect(row).toMatchObject({ status: 'cancelled', cancel_reason: null });
    await expect.poll(() => mailsSent('booking-cancelled', code), { timeout: 20_000 }).toBe(1);
    // Back on the page later: it says so plainly and offers no second cancel.
    await page.goto(change.cancelUrl(code));
    await expect(page.getByText(locale === 'de' ? 'Dieser Termin ist bereits abgesagt.' : 'This appointment has already been cancelled.')).toBeVisible();
    await expect(page.getByRole('button', { name: change.t.cancel })).toHaveCount(0);
  });

  test('changes nothing on a plain GET of the mail link', async ({ page, request }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const { code } = await bookCertificate(new BookingFlow(page, locale), '08:30', 'scanner');
    const change = new ChangeFlow(page, locale);

    // A link scanner: no cookies, follows redirects, reads the page.
    const scanned = await request.get(`/de/termin/absagen?nummer=${code}`);
    expect(scanned.status()).toBe(200);
    await page.goto(change.cancelUrl(code));
    await expect(page.getByLabel(change.t.code, { exact: true })).toHaveValue(code);
    await expect(page.getByLabel(change.t.pin, { exact: true })).toHaveValue('');
    await expect(page.getByRole('button', { name: change.t.cancel })).toHaveCount(0);
    expect((await bookingRow(code)).status).toBe('booked');
  });

  test('answers a wrong PIN and an unknown number with the same message', async ({ page }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const { code, pin } = await bookCertificate(new BookingFlow(page, locale), '09:00', 'wrong');
    const change = new ChangeFlow(page, locale);

    await page.goto(change.cancelUrl(code));
    await change.enter({ pin: pin === '000000' ? '111111' : '000000' });
    const alert = page.getByRole('alert').filter({ hasText: change.t.invalid });
    await expect(alert).toBeVisible();
    await expect(alert).toBeFocused();
    await expect(page.getByLabel(change.t.code, { exact: true })).toHaveValue(code);
    await expect(page.getByLabel(change.t.pin, { exact: true })).toHaveValue('');
    const wrongPinText = await alert.textContent();

    await change.enter({ code: 'ZZZZ-ZZZZ', pin: '123456' });
    await expect(page.getByLabel(change.t.pin, { exact: true })).toHaveValue('');
    await expect(page.getByLabel(change.t.code, { exact: true })).toHaveValue('ZZZZ-ZZZZ');
    await expect(page.getByRole('alert').filter({ hasText: change.t.invalid })).toHaveText(wrongPinText!);

    await change.enter({ code: 'ZZZZ', pin: '12' });
    await expect(page.getByLabel(change.t.code, { exact: true })).toHaveAccessibleDescription(locale === 'de' ? /acht Zeichen/ : /eight characters/);
    await expect(page.getByLabel(change.t.pin, { exact: true })).toHaveAccessibleDescription(locale === 'de' ? /sechs Ziffern/ : /six digits/);
    expect((await bookingRow(code)).status).toBe('booked');
  });

  test('moves a booking to another time and shows the new number and PIN', async ({ page }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const { code, pin } = await bookCertificate(new BookingFlow(page, locale), '09:30', 'move');
    const change = new ChangeFlow(page, locale);

    await page.goto(change.rescheduleUrl(code));
    await change.enter({ pin });
    await change.chooseNewTime(friday(1), time(locale, '10:30'));
    const moved = await change.confirmMove();
    expect(moved.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(moved.code).not.toBe(code);
    expect(moved.pin).toMatch(/^\d{6}$/);

    const [before, after] = [await bookingRow(code), await bookingRow(moved.code)];
    expect(before).toMatchObject({ status: 'cancelled', cancel_reason: 'rescheduled' });
    expect(after).toMatchObject({ status: 'booked', rescheduled_from_id: before.id });
    expect(after.during).toContain(berlin(friday(1), time(locale, '10:30')).toUTC().toFormat('yyyy-MM-dd HH:mm'));
    await expect.poll(() => mailsSent('booking-rescheduled', moved.code), { timeout: 20_000 }).toBe(1);
    expect(mailsSent('booking-cancelled', code)).toBe(0);
  });
});

test.describe('cancelling and moving without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('moves a booking, then cancels the moved one with its new PIN', async ({ page }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const { code, pin } = await bookCertificate(new BookingFlow(page, locale), '11:00', 'nojs');
    const change = new ChangeFlow(page, locale);

    await page.goto(change.cancelUrl(code));
    await change.enter({ pin });
    await page.getByRole('link', { name: change.t.rescheduleInstead }).click();
    await change.chooseNewTime(friday(1), time(locale, '11:30'));
    const moved = await change.confirmMove();

    await page.goto(change.cancelUrl(moved.code));
    await change.enter({ pin: moved.pin });
    await change.cancel();
    expect((await bookingRow(code)).status).toBe('cancelled');
    expect((await bookingRow(moved.code)).status).toBe('cancelled');
  });
});
