import { expect, test } from '@playwright/test';
import { BookingFlow, type Locale } from './support/booking-flow';
import { sql } from './support/database';
import { berlin, openDay, uniqueEmail } from './support/dates';

// Each project books on its own weekday so the German and English runs never compete for a slot.
const weekdayFor = (locale: Locale) => (locale === 'de' ? 3 : 4);

const messages = {
  de: { taken: /gerade vergeben/, expired: /Reservierung ist abgelaufen/, noService: 'Bitte wählen Sie mindestens ein Anliegen.', name: 'Der Name darf dieses Zeichen nicht enthalten: "<" (U+003C).', email: /gültige E-Mail-Adresse/, phone: /Telefonnummer nur mit Ziffern/, consent: /Datenschutzhinweise gelesen haben/ },
  en: { taken: /just taken/, expired: /reservation has expired/, noService: 'Please choose at least one service.', name: 'The name must not contain this character: "<" (U+003C).', email: /valid email address/, phone: /phone number using only digits/, consent: /read the privacy notice\./ },
} as const;

test.describe('booking an appointment', () => {
  test('books two passports and a registration, shows number and PIN, and stores only the PIN hash', async ({ page }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const flow = new BookingFlow(page, locale);
    const day = openDay(weekdayFor(locale), 0);
    await flow.chooseServices({ passport: 2, registration: 1 });
    await expect(page.getByText(locale === 'de' ? 'Dauer: 40 Minuten' : 'Duration: 40 minutes')).toBeVisible();
    await flow.openDay(day);
    await flow.reserve('08:00');
    await expect(page.getByText(locale === 'de' ? /Reserviert bis/ : /Reserved until/)).toBeVisible();
    await flow.fillContact({ name: 'Erika Mustermann', email: uniqueEmail('full'), phone: '+49 7123 456789' });
    await expect(page.getByText('Erika Mustermann')).toBeVisible();
    const { code, pin } = await flow.confirm();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(pin).toMatch(/^\d{6}$/);
    await expect(page.getByText(locale === 'de' ? '08:00–08:40 Uhr' : '08:00–08:40')).toBeVisible();

    const icsHref = await page.getByRole('link', { name: locale === 'de' ? /Kalender/ : /calendar/ }).getAttribute('href');
    const ics = await (await page.request.get(icsHref!)).text();
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain(`DTSTART:${berlin(day, '08:00').toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'")}`);
    expect(ics).not.toContain(pin);

    const [row] = await sql<{ status: string; pin_hash: string; during: string; locale: string }>('select status, pin_hash, during::text, locale from bookings where code = $1', [code]);
    expect(row).toMatchObject({ status: 'booked', locale });
    // An HMAC under APP_SECRET (outside the database), not a slow hash a dump could be guessed against.
    expect(row!.pin_hash).toMatch(/^hmac-sha256\$[\w-]{43}$/);
    expect(row!.pin_hash).not.toContain(pin);
    expect(row!.during).toContain(berlin(day, '08:00').toUTC().toFormat('yyyy-MM-dd HH:mm'));

    // Back to the review step (back button, resubmit): the booking stays one booking.
    await page.goto(locale === 'de' ? '/de/termin/pruefen' : '/en/appointment/review');
    await expect(page.getByTestId('booking-code')).toHaveText(code);
    const [{ n }] = (await sql<{ n: number }>("select count(*)::int as n from bookings where email = (select email from bookings where code = $1) and status = 'booked'", [code])) as [{ n: number }];
    expect(n).toBe(1);
  });

  test('shows an error beside every field with bad input and keeps what was typed', async ({ page }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const m = messages[locale];
    const flow = new BookingFlow(page, locale);
    await page.goto(locale === 'de' ? '/de/termin' : '/en/appointment');
    await page.getByRole('button', { name: flow.t.toTime }).click();
    await expect(page.getByRole('alert').filter({ hasText: m.noService })).toBeVisible();

    await flow.chooseServices({ certificate: 1 });
    await flow.openDay(openDay(weekdayFor(locale), 1));
    await flow.reserve('09:00');
    await flow.fillContact({ name: '<script>alert(1)</script>', email: 'erika@', phone: 'call me', consent: false });
    await expect(page.getByRole('alert').filter({ hasText: flow.t.errorTitle })).toBeFocused();
    await expect(page.getByLabel(flow.t.name)).toHaveAccessibleDescription(m.name);
    await expect(page.getByLabel(flow.t.email)).toHaveAccessibleDescription(m.email);
    await expect(page.getByLabel(flow.t.phone)).toHaveAccessibleDescription(m.phone);
    await expect(page.getByText(m.consent).last()).toBeVisible();
    await expect(page.getByLabel(flow.t.name)).toHaveValue('<script>alert(1)</script>');
    await expect(page.getByLabel(flow.t.email)).toHaveValue('erika@');

    await flow.fillContact({ name: 'Jürgen Groß-Öztürk', email: uniqueEmail('fixed') });
    await expect(page).toHaveURL(/(pruefen|review)$/);
  });

  test('tells the second of two citizens racing for the last free counter that the time was just taken', async ({ browser }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const day = openDay(weekdayFor(locale), 2);
    const counters = await sql<{ id: number }>("select c.id from counters c join locations l on l.id = c.location_id where l.slug = 'buergeramt-mitte' order by c.position, c.id");
    for (const { id } of counters.slice(0, 2)) {
      await sql("insert into bookings (code, location_id, counter_id, during, status) select $1, location_id, id, tstzrange($2::timestamptz, $3::timestamptz), 'booked' from counters where id = $4", [
        `RACE-${id}${locale.toUpperCase()}`,
        berlin(day, '10:00').toISO(),
        berlin(day, '10:30').toISO(),
        id,
      ]);
    }
    const [first, second] = await Promise.all([browser.newContext({ locale }), browser.newContext({ locale })]);
    const a = new BookingFlow(await first.newPage(), locale);
    const b = new BookingFlow(await second.newPage(), locale);
    for (const flow of [a, b]) {
      await flow.chooseServices({ certificate: 1 });
      await flow.openDay(day);
    }
    await a.reserve('10:00');
    await b.page.getByRole('button', { name: b.t.reserve('10:00') }).click();
    const taken = b.page.getByRole('alert').filter({ hasText: messages[locale].taken });
    await expect(taken).toBeVisible();
    await expect(taken.getByRole('button').first()).toBeVisible();
    await Promise.all([first.close(), second.close()]);
  });

  test('sends a citizen whose hold ran out back to choose a time', async ({ page }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const flow = new BookingFlow(page, locale);
    await flow.chooseServices({ certificate: 1 });
    await flow.openDay(openDay(weekdayFor(locale), 1));
    await flow.reserve('11:00');
    await sql("update bookings set hold_expires_at = now() - interval '1 second' where status = 'held' and during && tstzrange($1::timestamptz, $2::timestamptz)", [
      berlin(openDay(weekdayFor(locale), 1), '11:00').toISO(),
      berlin(openDay(weekdayFor(locale), 1), '11:05').toISO(),
    ]);
    await flow.fillContact({ name: 'Max Mustermann', email: uniqueEmail('late') });
    await expect(page.getByRole('alert').filter({ hasText: messages[locale].expired })).toBeVisible();
    await expect(page).toHaveURL(/(zeit|time)\?/);
  });
});

test.describe('booking without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('works end to end with plain forms', async ({ page }, testInfo) => {
    const locale = testInfo.project.name as Locale;
    const flow = new BookingFlow(page, locale);
    await flow.chooseServices({ registration: 2 });
    await flow.openDay(openDay(weekdayFor(locale), 3));
    await flow.reserve('08:20');
    await flow.fillContact({ name: 'Anna Beispiel', email: 'not-an-email', consent: true });
    await expect(page.getByLabel(flow.t.email)).toHaveAccessibleDescription(messages[locale].email);
    await expect(page.getByLabel(flow.t.name)).toHaveValue('Anna Beispiel');
    await flow.fillContact({ name: 'Anna Beispiel', email: uniqueEmail('nojs') });
    const { code, pin } = await flow.confirm();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(pin).toMatch(/^\d{6}$/);
  });
});
