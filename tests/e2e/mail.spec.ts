import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { BookingFlow, type Locale } from './support/booking-flow';
import { ChangeFlow } from './support/change-flow';
import { openDay, uniqueEmail } from './support/dates';

// The e2e server sends every mail over SMTP to a sink that files it here as an .eml (scripts/e2e-smtp-sink.ts).
const MAIL_DIR = '.data/e2e/mail';

async function mailFor(kind: string, code: string): Promise<ParsedMail> {
  let file: string | undefined;
  await expect
    .poll(() => (file = existsSync(MAIL_DIR) ? readdirSync(MAIL_DIR).find((f) => f.endsWith(`-${kind}-${code}.eml`)) : undefined), { timeout: 20_000 })
    .toBeTruthy();
  return simpleParser(readFileSync(path.join(MAIL_DIR, file!)));
}

test('the confirmation mail carries the PIN that cancels the booking, and the cancellation mail follows', async ({ page }, testInfo) => {
  const locale = testInfo.project.name as Locale;
  const flow = new BookingFlow(page, locale);
  await flow.chooseServices({ passport: 1 });
  await flow.openDay(openDay(1, locale === 'de' ? 0 : 1));
  await flow.reserve('10:00');
  await flow.fillContact({ name: 'Mara Mailtest', email: uniqueEmail(`mail-${locale}`) });
  const { code } = await flow.confirm();

  const confirmation = await mailFor('booking-confirmed', code);
  expect(confirmation.subject).toMatch(locale === 'de' ? /Ihr Termin am .* um 10:00 Uhr/ : /Your appointment on .* at 10:00/);
  const pin = confirmation.text!.match(/PIN\D{0,20}(\d{6})/)![1]!;
  expect(confirmation.attachments.some((a) => a.contentType.startsWith('text/calendar'))).toBe(true);

  const change = new ChangeFlow(page, locale);
  await page.goto(change.cancelUrl(code));
  await change.enter({ pin });
  await change.cancel();
  const cancellation = await mailFor('booking-cancelled', code);
  expect(cancellation.text).toContain(code);
});
