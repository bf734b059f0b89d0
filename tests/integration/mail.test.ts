import { randomInt } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingServices, bookings, counters, documents, locations, outbox, serviceDocuments, services } from '@/db/schema';
import { startSmtpServer } from '../support/smtp';

// A real SMTP server on a random loopback port; configuration is read once on the first import of
// '@/lib/env', so SMTP_URL is set before the app's modules are imported (dynamically, below).
const received: ParsedMail[] = [];
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
let smtpPort = 0;

async function smtpUp(port = 0): Promise<number> {
  smtp = await startSmtpServer({ port, received });
  return smtp.port;
}

const smtpDown = async () => smtp?.stop();

smtpPort = await smtpUp();
process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
process.env.APP_URL = 'https://termine.musterstadt.example';
process.env.MAIL_FROM = 'Bürgeramt Musterstadt <termine@musterstadt.example>';

const { getDb, closeDb } = await import('@/db/client');
const { enqueueMail } = await import('@/lib/mail/outbox');
const { processOutbox, startOutboxWorker, MAX_ATTEMPTS } = await import('@/lib/mail/worker');
type OutboxMail = import('@/lib/mail/outbox').OutboxMail;

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const newCode = () => {
  const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
};
let emailSeq = 0;
let daySeq = 0;

let office: { locationId: number; counterId: number; passportId: number; idCardId: number };

beforeAll(async () => {
  const db = getDb();
  const [location] = await db
    .insert(locations)
    .values({
      slug: 'mail-office',
      mode: 'booking',
      name: { de: 'Bürgeramt Musterstadt-Mitte', en: 'Citizens’ Office Musterstadt Centre' },
      street: 'Marktplatz 1',
      postalCode: '72345',
      city: 'Musterstadt',
      phone: '07123 456-100',
      email: 'buergeramt@musterstadt.example',
    })
    .returning();
  const [counter] = await db.insert(counters).values({ locationId: location!.id, name: 'Schalter 1' }).returning();
  const [passport, idCard] = await db
    .insert(services)
    .values([
      { slug: 'reisepass', position: 1, name: { de: 'Reisepass beantragen', en: 'Apply for a passport' }, description: { de: 'Reisepass', en: 'Passport' } },
      { slug: 'personalausweis', position: 2, name: { de: 'Personalausweis beantragen', en: 'Apply for an ID card' }, description: { de: 'Ausweis', en: 'ID card' } },
    ])
    .returning();
  const [photo, form, oldId] = await db
    .insert(documents)
    .values([
      { slug: 'foto', name: { de: 'Biometrisches Passfoto', en: 'Biometric passport photo' } },
      { slug: 'antrag-pass', name: { de: 'Antrag Reisepass', en: 'Passport application' }, formUrl: 'https://musterstadt.example/formulare/reisepass.pdf' },
      { slug: 'alter-ausweis', name: { de: 'Bisheriger Ausweis', en: 'Current ID card' }, hint: { de: 'falls vorhanden', en: 'if you have one' } },
    ])
    .returning();
  await db.insert(serviceDocuments).values([
    { serviceId: passport!.id, documentId: photo!.id, position: 1 },
    { serviceId: passport!.id, documentId: form!.id, position: 2 },
    { serviceId: idCard!.id, documentId: photo!.id, position: 1 },
    { serviceId: idCard!.id, documentId: oldId!.id, position: 2 },
  ]);
  office = { locationId: location!.id, counterId: counter!.id, passportId: passport!.id, idCardId: idCard!.id };
});

afterAll(async () => {
  await smtpDown();
  await closeDb();
});

type BookingOptions = {
  locale?: 'de' | 'en';
  start?: Date;
  minutes?: number;
  email?: string | null;
  status?: 'booked' | 'cancelled';
  rescheduledFromId?: number;
  both?: boolean;
};

/** A booking straight in the database, each on its own day unless `start` is given. */
async function createBooking({ locale = 'de', start, minutes = 30, email, status = 'booked', rescheduledFromId, both = false }: BookingOptions = {}) {
  const from = start ?? new Date(Date.UTC(2031, 0, 6 + daySeq++, 9, 0));
  const [row] = await getDb()
    .insert(bookings)
    .values({
      code: newCode(),
      locationId: office.locationId,
      counterId: office.counterId,
      during: { start: from, end: new Date(from.getTime() + minutes * 60_000) },
      status,
      locale,
      name: 'Erika Mustermann',
      email: email === undefined ? `citizen-${++emailSeq}@example.org` : email,
      confirmedAt: new Date(),
      rescheduledFromId,
    })
    .returning();
  await getDb()
    .insert(bookingServices)
    .values([
      { bookingId: row!.id, serviceId: office.passportId, count: 2, minutesPerUnit: 15 },
      ...(both ? [{ bookingId: row!.id, serviceId: office.idCardId, count: 1, minutesPerUnit: 10 }] : []),
    ]);
  return row!;
}

const enqueue = (mail: OutboxMail) => getDb().transaction((tx) => enqueueMail(tx, mail));

const mailsTo = (address: string | null) => received.filter((mail) => [mail.to].flat().some((to) => to?.value.some((v) => v.address === address)));

/** The booking's outbox row; `undefined` once sent (a sent mail's row is deleted). */
async function outboxRow(bookingId: number) {
  const [row] = await getDb().select().from(outbox).where(sql`(${outbox.payload} ->> 'bookingId')::bigint = ${bookingId}`);
  return row;
}

/** Just enough of RFC 5545 for the assertions: unfolded lines, the first value of each property by name. */
function parseCalendar(mail: ParsedMail) {
  const part = mail.attachments.find((a) => /text\/calendar|application\/ics/.test(a.contentType));
  expect(part, 'calendar attachment').toBeDefined();
  const lines = part!.content.toString('utf8').replace(/\r\n[ \t]/g, '').split(/\r\n/);
  const props = new Map<string, string>();
  for (const line of lines) {
    const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const name = line.slice(0, colon).split(';')[0]!;
    if (!props.has(name)) props.set(name, line.slice(colon + 1));
  }
  const utc = (value: string) => {
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
    expect(m, `UTC date-time ${value}`).not.toBeNull();
    return new Date(Date.UTC(+m![1]!, +m![2]! - 1, +m![3]!, +m![4]!, +m![5]!, +m![6]!));
  };
  return { props, start: utc(props.get('DTSTART')!), end: utc(props.get('DTEND')!), raw: lines.join('\n') };
}

const berlin = (date: Date) =>
  new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' }).format(date);

describe('the mail outbox', () => {
  it('sends a German confirmation once, with booking number, PIN and a calendar event at Berlin time', async () => {
    const booking = await createBooking({ start: new Date('2030-12-05T08:40:00Z'), minutes: 40, both: true });
    await enqueue({ kind: 'booking-confirmed', bookingId: booking.id, pin: '482913' });

    expect(await processOutbox()).toEqual({ sent: 1, failed: 0 });
    expect(await processOutbox()).toEqual({ sent: 0, failed: 0 });

    const mails = mailsTo(booking.email);
    expect(mails).toHaveLength(1);
    const [mail] = mails as [ParsedMail];
    expect(mail.subject).toBe(`Ihr Termin am 5. Dezember 2030 um 09:40 Uhr – Buchungsnummer ${booking.code}`);
    expect(mail.from?.value[0]?.address).toBe('termine@musterstadt.example');
    // The sender is the office the booking is at (a branch office's mails do not come from the main office).
    expect(mail.from?.value[0]?.name).toBe('Bürgeramt Musterstadt-Mitte');
    expect(mail.replyTo?.value[0]?.address).toBe('buergeramt@musterstadt.example');
    for (const body of [mail.text!, mail.html as string]) {
      expect(body).toContain(booking.code);
      expect(body).toContain('482913');
      expect(body).toContain('Donnerstag, 5. Dezember 2030');
      expect(body).toContain('2 × Reisepass beantragen');
      expect(body).toContain('https://musterstadt.example/formulare/reisepass.pdf');
      expect(body).toContain(`https://termine.musterstadt.example/de/termin/absagen?nummer=${booking.code}`);
    }
    expect(mail.html).toContain('lang="de"');
    expect(mail.text).toContain('Guten Tag Erika Mustermann');
    expect(mail.text).toContain('40 Minuten');
    // Both services need a photo; it is listed once.
    expect(mail.text!.match(/Biometrisches Passfoto/g)).toHaveLength(1);
    expect(mail.text).toContain('Bisheriger Ausweis – falls vorhanden');

    const calendar = parseCalendar(mail);
    expect(calendar.props.get('METHOD')).toBe('REQUEST');
    expect(calendar.props.get('UID')).toBe(`${booking.code}@amtstermin`);
    expect(calendar.props.get('SEQUENCE')).toBe('0');
    expect(berlin(calendar.start)).toBe('05.12.2030, 09:40');
    expect(berlin(calendar.end)).toBe('05.12.2030, 10:20');
    expect(calendar.props.get('LOCATION')).toContain('Marktplatz 1');
    expect(calendar.props.get('DESCRIPTION')).toContain(booking.code);
    expect(calendar.raw).not.toContain('482913');

    // Sent, the row goes with its PIN: nothing of the mail rests in the database.
    expect(await outboxRow(booking.id)).toBeUndefined();
  });

  it('sends an English confirmation with English dates, links and calendar text', async () => {
    // Summer time: 14:20 in Berlin is 12:20 UTC.
    const booking = await createBooking({ locale: 'en', start: new Date('2030-07-04T12:20:00Z') });
    await enqueue({ kind: 'booking-confirmed', bookingId: booking.id, pin: '730154' });
    await processOutbox();

    const [mail, ...more] = mailsTo(booking.email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe(`Your appointment on July 4, 2030 at 14:20 – booking number ${booking.code}`);
    expect(mail!.html).toContain('lang="en"');
    expect(mail!.text).toContain('Dear Erika Mustermann');
    expect(mail!.text).toContain('Thursday, July 4, 2030');
    expect(mail!.text).toContain('2 × Apply for a passport');
    expect(mail!.text).toContain('730154');
    expect(mail!.text).toContain(`https://termine.musterstadt.example/en/appointment/cancel?nummer=${booking.code}`);
    expect(mail!.text).not.toContain('Reisepass');
    const calendar = parseCalendar(mail!);
    expect(berlin(calendar.start)).toBe('04.07.2030, 14:20');
    expect(calendar.props.get('SUMMARY')).toBe('Appointment: Citizens’ Office Musterstadt Centre');
  });

  it('queues nothing and sends nothing when the transaction rolls back', async () => {
    const booking = await createBooking();
    await expect(
      getDb().transaction(async (tx) => {
        await enqueueMail(tx, { kind: 'booking-confirmed', bookingId: booking.id, pin: '111111' });
        throw new Error('booking failed after queueing its mail');
      }),
    ).rejects.toThrow('booking failed');

    const [{ rows }] = (await getDb().select({ rows: sql<number>`count(*)::int` }).from(outbox).where(sql`(${outbox.payload} ->> 'bookingId')::bigint = ${booking.id}`)) as [{ rows: number }];
    expect(rows).toBe(0);
    await processOutbox();
    expect(mailsTo(booking.email)).toHaveLength(0);
  });

  it('keeps a mail pending while SMTP is down and sends it once the server is back', async () => {
    const booking = await createBooking();
    await enqueue({ kind: 'booking-confirmed', bookingId: booking.id, pin: '250607' });
    await smtpDown();
    try {
      expect(await processOutbox()).toEqual({ sent: 0, failed: 1 });
      const row = (await outboxRow(booking.id))!;
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(row.lastError).toMatch(/ECONNREFUSED|ECONNECTION|connect/i);
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
      expect(row.payload).toHaveProperty('pin', '250607');
      // Not due yet: nothing is tried.
      expect(await processOutbox()).toEqual({ sent: 0, failed: 0 });
    } finally {
      await smtpUp(smtpPort);
    }
    await getDb().update(outbox).set({ nextAttemptAt: sql`now()` }).where(eq(outbox.id, (await outboxRow(booking.id))!.id));

    expect(await processOutbox()).toEqual({ sent: 1, failed: 0 });
    await processOutbox();
    expect(mailsTo(booking.email)).toHaveLength(1);
    expect(mailsTo(booking.email)[0]!.text).toContain('250607');
    expect(await outboxRow(booking.id)).toBeUndefined();
  });

  it(`gives up after ${MAX_ATTEMPTS} failed attempts and drops the PIN`, async () => {
    const booking = await createBooking();
    const { id } = await enqueue({ kind: 'booking-confirmed', bookingId: booking.id, pin: '909090' });
    await getDb().update(outbox).set({ attempts: MAX_ATTEMPTS - 1 }).where(eq(outbox.id, id));
    await smtpDown();
    try {
      expect(await processOutbox()).toEqual({ sent: 0, failed: 1 });
    } finally {
      await smtpUp(smtpPort);
    }
    const row = (await outboxRow(booking.id))!;
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(row.payload).not.toHaveProperty('pin');
    expect(await processOutbox()).toEqual({ sent: 0, failed: 0 });
    expect(mailsTo(booking.email)).toHaveLength(0);
  });

  it('sends each mail exactly once when workers run at the same time', async () => {
    const created = await Promise.all(Array.from({ length: 12 }, () => createBooking()));
    for (const booking of created) await enqueue({ kind: 'booking-confirmed', bookingId: booking.id, pin: '123456' });

    const results = await Promise.all([processOutbox({ limit: 20 }), processOutbox({ limit: 20 }), processOutbox({ limit: 20 })]);

    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(created.length);
    expect(results.reduce((sum, r) => sum + r.failed, 0)).toBe(0);
    for (const booking of created) expect(mailsTo(booking.email)).toHaveLength(1);
  });

  it('tells of a cancellation with its reason and a calendar CANCEL for the same event', async () => {
    const booking = await createBooking({ status: 'cancelled', start: new Date('2030-12-05T13:00:00Z') });
    await enqueue({ kind: 'booking-cancelled', bookingId: booking.id, reason: 'Der Schalter ist an diesem Tag nicht besetzt.' });
    await processOutbox();

    const [mail] = mailsTo(booking.email);
    expect(mail!.subject).toBe(`Ihr Termin am 5. Dezember 2030 um 14:00 Uhr ist abgesagt – Buchungsnummer ${booking.code}`);
    expect(mail!.text).toContain('Grund: Der Schalter ist an diesem Tag nicht besetzt.');
    expect(mail!.text).toContain('https://termine.musterstadt.example/de/termin');
    const calendar = parseCalendar(mail!);
    expect(calendar.props.get('METHOD')).toBe('CANCEL');
    expect(calendar.props.get('STATUS')).toBe('CANCELLED');
    expect(calendar.props.get('UID')).toBe(`${booking.code}@amtstermin`);
    expect(calendar.props.get('SEQUENCE')).toBe('1');
    expect(berlin(calendar.start)).toBe('05.12.2030, 14:00');
  });

  it('moves the calendar event of a rescheduled booking and shows the new PIN and the old time', async () => {
    const original = await createBooking({ status: 'cancelled', start: new Date('2030-12-02T08:00:00Z') });
    const moved = await createBooking({ start: new Date('2030-12-03T10:30:00Z'), rescheduledFromId: original.id, email: original.email });
    await enqueue({ kind: 'booking-rescheduled', bookingId: moved.id, previousBookingId: original.id, pin: '640213' });
    await processOutbox();

    const [mail, ...more] = mailsTo(moved.email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe(`Ihr Termin ist verlegt auf 3. Dezember 2030 um 11:30 Uhr – Buchungsnummer ${moved.code}`);
    expect(mail!.text).toContain('640213');
    expect(mail!.text).toContain('Bisheriger Termin (entfällt): Montag, 2. Dezember 2030, 09:00 Uhr');
    expect(mail!.html).toMatch(/<s>[^<]*Montag, 2. Dezember 2030/);
    const calendar = parseCalendar(mail!);
    expect(calendar.props.get('METHOD')).toBe('REQUEST');
    expect(calendar.props.get('UID')).toBe(`${original.code}@amtstermin`);
    expect(calendar.props.get('SEQUENCE')).toBe('1');
    expect(berlin(calendar.start)).toBe('03.12.2030, 11:30');
  });

  it('drops the mail of a booking whose personal data is erased', async () => {
    const booking = await createBooking({ email: null });
    await enqueue({ kind: 'booking-confirmed', bookingId: booking.id, pin: '555555' });
    const before = received.length;

    expect(await processOutbox()).toEqual({ sent: 1, failed: 0 });
    expect(received.length).toBe(before);
    expect(await outboxRow(booking.id)).toBeUndefined();
  });

  it('keeps the worker loop sending after PostgreSQL drops its connections', async () => {
    const stop = startOutboxWorker({ intervalMs: 50 });
    try {
      // What a PostgreSQL restart does to the pool: every open connection is cut.
      await getDb().execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
      const booking = await createBooking();
      await enqueue({ kind: 'booking-confirmed', bookingId: booking.id, pin: '321321' });
      await expect.poll(() => mailsTo(booking.email).length, { timeout: 10_000, interval: 50 }).toBe(1);
    } finally {
      await stop();
    }
  });
});
