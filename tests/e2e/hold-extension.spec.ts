import { expect, test } from '@playwright/test';
import { DateTime } from 'luxon';
import { BookingFlow, type Locale } from './support/booking-flow';
import { sql } from './support/database';
import { berlin, openDay } from './support/dates';

const text = {
  de: { extend: 'Reservierung um 5 Minuten verlängern', extended: 'Die Reservierung wurde verlängert.', until: (hhmm: string) => `Reserviert bis ${hhmm} Uhr` },
  en: { extend: 'Extend the reservation by 5 minutes', extended: 'The reservation has been extended.', until: (hhmm: string) => `Reserved until ${hhmm}` },
} as const;

// Wednesday (de) or Thursday (en), the second open one; times the other booking specs leave alone.
const slotFor = (locale: Locale, javaScript: boolean) => ({ day: openDay(locale === 'de' ? 3 : 4, 1), time: javaScript ? '10:00' : '10:40' });

async function holdExpiry(day: DateTime, time: string): Promise<Date> {
  const start = berlin(day, time);
  const [row] = await sql<{ hold_expires_at: Date }>("select hold_expires_at from bookings where status = 'held' and lower(during) = $1::timestamptz", [start.toISO()]);
  return row!.hold_expires_at;
}

for (const javaScript of [true, false]) {
  test.describe(`extending a hold ${javaScript ? 'with' : 'without'} JavaScript`, () => {
    test.use({ javaScriptEnabled: javaScript });

    test('adds five minutes to the running hold instead of restarting it shorter', async ({ page }, testInfo) => {
      const locale = testInfo.project.name as Locale;
      const t = text[locale];
      const { day, time } = slotFor(locale, javaScript);
      const flow = new BookingFlow(page, locale);
      await flow.chooseServices({ certificate: 1 });
      await flow.openDay(day);
      await flow.reserve(time);
      const before = await holdExpiry(day, time);

      await page.getByRole('button', { name: t.extend }).click();
      await expect(page.getByText(t.extended)).toBeVisible();
      const after = await holdExpiry(day, time);
      expect(after.getTime() - before.getTime()).toBe(5 * 60_000);
      const hhmm = DateTime.fromJSDate(after, { zone: 'Europe/Berlin' }).toFormat('HH:mm');
      await expect(page.getByText(t.until(hhmm))).toBeVisible();
      // Extending is offered once.
      await expect(page.getByRole('button', { name: t.extend })).toHaveCount(0);
    });
  });
}
