import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { bookings, outbox } from '@/db/schema';
import { freeLoopbackPort } from '../support/faults';
import { testCookies } from '../support/next-headers';
import { startSmtpServer } from '../support/smtp';

// The mail server is away for ten minutes while citizens book through the real booking actions: first
// nothing listens on its port, then it answers "421 try again later", then it is back. mail.test.ts covers
// one queued mail and a direct retry; this covers the bookings themselves and the retry schedule over time.
// Configuration is read on the first import of '@/lib/env', so SMTP_URL is set before the app is imported.

vi.mock('next-intl/server', () => import('../support/next-intl-server'));

const smtpPort = await freeLoopbackPort();
process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
process.env.APP_URL = 'https://termine.musterstadt.example';

const { getDb, closeDb } = await import('@/db/client');
const { holdSlotAction, saveContactAction, confirmBookingAction } = await import('@/app/[locale]/termin/actions');
const { processOutbox, MAX_ATTEMPTS } = await import('@/lib/mail/worker');
const { findSlots } = await import('@/lib/booking/availability');
const { formatChoiceParam } = await import('@/lib/booking/choice');
const { unsealPin } = await import('@/lib/booking/secrets');
const { mainOffice, openWednesday } = await import('../support/office');

const received: ParsedMail[] = [];
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;

/** Starts the mail server on SMTP_URL's port: `accepting` takes mail, `busy` refuses every session with 421 (try later). */
async function smtpUp(mode: 'accepting' | 'busy') {
  smtp = await startSmtpServer({ port: smtpPort, received, busy: mode === 'busy' });
}

const smtpDown = async () => {
  await smtp?.stop();
  smtp = undefined;
};

afterAll(async () => {
  await smtpDown();
  await closeDb();
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

/** The redirect a server action ends with (Next.js throws it); undefined when the action returned instead. */
const redirectOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { digest?: string }) => {
      if (!error?.digest?.startsWith('NEXT_REDIRECT;')) throw error;
      return error.digest;
    },
  );

/** One citizen through the booking pages, as the browser submits them; returns what they were shown. */
async function bookOnline({ start, email, locale }: { start: Date; email: string; locale: 'de' | 'en' }) {
  testCookies.clear();
  const services = formatChoiceParam([{ slug: 'personalausweis', count: 1 }]);
  expect(await redirectOf(holdSlotAction(form({ locale, location: 'buergeramt-mitte', services, start: start.toISOString() })))).toMatch(/daten|details/);
  expect(await redirectOf(saveContactAction({ ok: false, values: {} }, form({ locale, name: 'Erika Mustermann', email, phone: '', consent: 'on' })))).toBeDefined();
  const token = testCookies.entries().find(([name]) => name === 'amtstermin_hold')![1];
  const confirmed = await redirectOf(confirmBookingAction({ ok: false, values: {} }, form({ locale })));
  const [booking] = await getDb().select().from(bookings).where(eq(bookings.email, email));
  // The citizen lands on the confirmation page of a booked appointment, SMTP or not.
  expect(booking).toMatchObject({ status: 'booked' });
  expect(confirmed).toContain(booking!.code);
  return { email, code: booking!.code, pin: unsealPin(booking!.pinSealed!, token)!, locale };
}

/** Time passing for the outbox: every pending mail becomes due `seconds` earlier (the worker compares with PostgreSQL's now()). */
const advance = (seconds: number) =>
  getDb().update(outbox).set({ nextAttemptAt: sql`${outbox.nextAttemptAt} - make_interval(secs => ${seconds})` }).where(eq(outbox.status, 'pending'));

const outboxRows = () => getDb().select().from(outbox).where(eq(outbox.kind, 'booking-confirmed'));
const mailsTo = (address: string) => received.filter((mail) => [mail.to].flat().some((to) => to?.value.some((v) => v.address === address)));

describe('SMTP unavailable for minutes', () => {
  it('books without waiting for mail, retries on schedule, and sends every mail exactly once when SMTP is back', async () => {
    const office = await mainOffice();
    const day = openWednesday(1).toISODate()!;
    const starts = (await findSlots({ location: office, durationMinutes: 15, from: day, to: day })).map((s) => s.start);
    const citizens = [];
    for (const [i, locale] of (['de', 'en', 'de'] as const).entries()) {
      citizens.push(await bookOnline({ start: starts[i * 4]!, email: `smtp-outage-${i}-${randomUUID()}@example.org`, locale }));
    }
    expect(await outboxRows()).toHaveLength(citizens.length);

    // A worker round every 15 simulated seconds: 5 minutes with nothing listening, 5 minutes of "421".
    const STEP = 15;
    let elapsed = 0;
    const tick = async () => {
      await processOutbox({ limit: 20 });
      await advance(STEP);
      elapsed += STEP;
    };
    while (elapsed < 300) await tick();
    await smtpUp('busy');
    while (elapsed < 600) await tick();

    expect(received).toHaveLength(0);
    for (const row of await outboxRows()) {
      // Still waiting, not given up: attempts at 0, 0.5, 1.5, 3.5 and 7.5 minutes (backoff doubling from 30 s).
      expect(row).toMatchObject({ status: 'pending', attempts: 5 });
      expect(row.attempts).toBeLessThan(MAX_ATTEMPTS);
      expect(row.lastError).toMatch(/421|ECONNREFUSED/);
      expect(row.payload).toHaveProperty('pin');
    }

    await smtpDown();
    await smtpUp('accepting');
    // The next scheduled attempt (15.5 minutes after the first) delivers; nothing is sent twice afterwards.
    let deliveredAt: number | undefined;
    while (elapsed < 1200) {
      await tick();
      if (deliveredAt === undefined && received.length === citizens.length) deliveredAt = elapsed;
    }
    expect(deliveredAt).toBeGreaterThan(600);
    expect(deliveredAt).toBeLessThanOrEqual(930 + 2 * STEP);

    for (const citizen of citizens) {
      const mails = mailsTo(citizen.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toContain(citizen.code);
      expect(mails[0]!.text).toContain(citizen.pin);
      expect(mails[0]!.html).toContain(`lang="${citizen.locale}"`);
    }
    expect(received).toHaveLength(citizens.length);
    // Sent, every row is gone, and the PINs with them.
    expect(await outboxRows()).toHaveLength(0);
  }, 120_000);
});
