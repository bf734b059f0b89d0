import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import type { ParsedMail } from 'mailparser';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { withDeadline } from '../support/faults';
import { startSmtpServer } from '../support/smtp';

// A real SMTP server on a loopback port; the app reads SMTP_URL on the first import of '@/lib/env', so the
// app's modules are imported below, after it is set. Child worker processes inherit the same settings.
const received: ParsedMail[] = [];
const smtp = await startSmtpServer({ received });
process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
process.env.APP_URL = 'https://termine.musterstadt.example';
process.env.MAIL_FROM = 'Bürgeramt Musterstadt <termine@musterstadt.example>';

const { getDb } = await import('@/db/client');
const { claimDueReminders } = await import('@/db/queries/reminders');
const { findBookingByCode } = await import('@/db/queries/booking-lookup');
const { cancelBooking } = await import('@/lib/booking/cancel');
const { holdSlot } = await import('@/lib/booking/hold');
const { rescheduleBooking, servicesToMove } = await import('@/lib/booking/reschedule');
const { generateToken, hashToken } = await import('@/lib/booking/secrets');
const { composeReminderMail } = await import('@/lib/mail/compose-reminder');
const { processOutbox } = await import('@/lib/mail/worker');
const { enqueueDueReminders } = await import('@/lib/reminders/enqueue');
const { reminderFiguresFor, reminderSettingsSchema, saveReminderSettings } = await import('@/lib/admin/reminder-settings');
const { DEMO_STAFF, seedDemoStaff } = await import('@/db/seed-staff');
const { staffUsers } = await import('@/db/schema');
const { book, verified, email } = await import('../support/booked');
const { at, mainOffice, openWednesday } = await import('../support/office');

const HOUR = 60 * 60_000;
const MINUTE = 60_000;
const root = path.resolve(import.meta.dirname, '../..');

afterAll(() => smtp.stop());

/** The office's reminder hours, as an admin would set them; every test that changes them sets them back. */
async function setReminders(first: number | null, second: number | null = null) {
  const office = await mainOffice();
  await getDb().execute(sql`update locations set reminder_hours = ${first}, second_reminder_hours = ${second} where id = ${office.id}`);
}
afterEach(() => setReminders(48));

/** Books as a citizen does (booked now, by the real clock), in the given mail language. */
async function booked(day: DateTime, hhmm: string, { locale = 'de', services = { personalausweis: 1 } }: { locale?: 'de' | 'en'; services?: Record<string, number> } = {}) {
  const address = email('reminder');
  const made = await book({ day, hhmm, address, services });
  await getDb().execute(sql`update bookings set locale = ${locale} where id = ${made.id}`);
  return { ...made, address, start: at(day, hhmm) };
}

const before = (start: Date, hours: number, plusMinutes = 0) => new Date(start.getTime() - hours * HOUR + plusMinutes * MINUTE);

/** The reminder mails queued in the outbox for one booking (sent ones are deleted from it). */
async function queued(bookingId: number) {
  const { rows } = await getDb().execute<{ payload: { reminder: string; startsAt: string } }>(
    sql`select payload from outbox where kind = 'booking-reminder' and (payload->>'bookingId')::bigint = ${bookingId} order by id`,
  );
  return rows.map((r) => r.payload);
}

async function ledger(bookingId: number) {
  const { rows } = await getDb().execute<{ kind: string; starts_at: Date }>(sql`select kind, starts_at from booking_reminders where booking_id = ${bookingId} order by kind`);
  return rows.map((r) => ({ kind: r.kind, startsAt: new Date(r.starts_at) }));
}

/** Runs the outbox until nothing is due. */
async function sendAll() {
  for (;;) {
    const { sent, failed } = await processOutbox({ limit: 50 });
    expect(failed).toBe(0);
    if (sent === 0) return;
  }
}

const remindersTo = (address: string) =>
  received.filter((mail) => /^(Erinnerung|Reminder):/.test(mail.subject ?? '') && [mail.to].flat().some((to) => to?.value.some((v) => v.address === address)));

/** The first value of each property of the calendar attachment (unfolded), as the mail test reads it. */
function calendarOf(mail: ParsedMail) {
  const part = mail.attachments.find((a) => /text\/calendar/.test(a.contentType));
  expect(part, 'calendar attachment').toBeDefined();
  const props = new Map<string, string>();
  for (const line of part!.content.toString('utf8').replace(/\r\n[ \t]/g, '').split(/\r\n/)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).split(';')[0]!;
    if (!props.has(name)) props.set(name, line.slice(colon + 1));
  }
  return { props };
}
const icsTime = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

describe('when a reminder is due', () => {
  it('queues nothing before the office’s point, one reminder at it, and never a second', async () => {
    const b = await booked(openWednesday(0), '08:00');
    expect(await enqueueDueReminders({ now: before(b.start, 48, -1) })).toBeGreaterThanOrEqual(0);
    expect(await queued(b.id)).toEqual([]);

    await enqueueDueReminders({ now: before(b.start, 48, 1) });
    expect(await queued(b.id)).toEqual([{ bookingId: b.id, reminder: 'first', startsAt: b.start.toISOString() }]);
    // Later rounds (the next minute, an hour later) find it in the ledger.
    await enqueueDueReminders({ now: before(b.start, 48, 2) });
    await enqueueDueReminders({ now: before(b.start, 47) });
    expect(await queued(b.id)).toHaveLength(1);

    await sendAll();
    expect(remindersTo(b.address)).toHaveLength(1);
    await enqueueDueReminders({ now: before(b.start, 24) });
    await sendAll();
    expect(remindersTo(b.address)).toHaveLength(1);
    expect(await ledger(b.id)).toEqual([{ kind: 'first', startsAt: b.start }]);
  });

  it('sends a German reminder with services, documents, address, a link to the PIN form and the calendar update', async () => {
    const b = await booked(openWednesday(0), '09:00', { services: { personalausweis: 1, meldebescheinigung: 2 } });
    await enqueueDueReminders({ now: before(b.start, 48, 1) });
    await sendAll();

    const [mail, ...more] = remindersTo(b.address);
    expect(more).toEqual([]);
    const date = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'long' }).format(b.start);
    expect(mail!.subject).toBe(`Erinnerung: Ihr Termin am ${date} um 09:00 Uhr – Buchungsnummer ${b.code}`);
    expect(mail!.html).toContain('lang="de"');
    const link = `https://termine.musterstadt.example/de/termin/absagen?nummer=${b.code}`;
    for (const body of [mail!.text!, mail!.html as string]) {
      expect(body).toContain('Termin absagen oder verschieben');
      expect(body).toContain(link);
      expect(body).toContain('1 × Personalausweis beantragen');
      expect(body).toContain('2 × Meldebescheinigung');
      expect(body).toContain('Biometrisches Passfoto');
      expect(body).toContain('Marktplatz 1');
      // The reminder never carries the PIN (the database has only its hash); it says where to find it.
      expect(body).not.toContain(b.pin);
    }
    expect(mail!.text).toContain('72345 Musterstadt');
    expect(mail!.text).toContain('PIN aus Ihrer Bestätigungs-E-Mail');
    // The link is a plain GET to the page with the number-and-PIN form, never an action.
    expect(mail!.html).toMatch(new RegExp(`<a[^>]+href="${link.replace(/[.?]/g, '\\$&')}"`));

    const calendar = calendarOf(mail!);
    expect(calendar.props.get('METHOD')).toBe('REQUEST');
    // The same UID and SEQUENCE as the confirmation: it refreshes the entry instead of adding another.
    expect(calendar.props.get('UID')).toBe(`${b.code}@amtstermin`);
    expect(calendar.props.get('SEQUENCE')).toBe('0');
    expect(calendar.props.get('DTSTART')).toBe(icsTime(b.start));
  });

  it('sends an English reminder with the English link and calendar', async () => {
    const b = await booked(openWednesday(0), '10:00', { locale: 'en' });
    await enqueueDueReminders({ now: before(b.start, 48, 1) });
    await sendAll();

    const [mail, ...more] = remindersTo(b.address);
    expect(more).toEqual([]);
    const date = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', dateStyle: 'long' }).format(b.start);
    expect(mail!.subject).toMatch(/^Reminder: your appointment on .+ at 10:00 – booking number /);
    expect(mail!.subject).toContain(b.code);
    expect(mail!.html).toContain('lang="en"');
    for (const body of [mail!.text!, mail!.html as string]) {
      expect(body).toContain('Cancel or reschedule appointment');
      expect(body).toContain(`https://termine.musterstadt.example/en/appointment/cancel?nummer=${b.code}`);
      expect(body).toContain('Apply for an identity card');
      expect(body).toContain('Biometric passport photo');
      expect(body).not.toContain('Personalausweis');
    }
    expect(mail!.text).toContain(date.split(' ').at(-1)!);
    expect(calendarOf(mail!).props.get('SUMMARY')).toContain('Citizens');
  });

  it('sends nothing for an appointment that has begun by the time the mail would go', async () => {
    const b = await booked(openWednesday(0), '11:00');
    const mail = { kind: 'booking-reminder' as const, bookingId: b.id, reminder: 'first' as const, startsAt: b.start.toISOString() };
    expect(await composeReminderMail(mail, { now: new Date(b.start.getTime() + MINUTE) })).toEqual({ skip: 'reminder after the appointment began' });
    expect('send' in (await composeReminderMail(mail, { now: before(b.start, 1) }))).toBe(true);
  });
});

describe('a reminder for a booking that changed', () => {
  async function holdNewTime(code: string, day: DateTime, hhmm: string) {
    const office = await mainOffice();
    const services = servicesToMove(office, (await findBookingByCode({ code }))!)!;
    const holdToken = generateToken();
    const held = await holdSlot({ location: office, services, start: at(day, hhmm), tokenHash: hashToken(holdToken), locale: 'de' });
    if (!held.ok) throw new Error('could not hold the new time');
    return { holdToken, code: held.code };
  }

  it('is not sent when the booking was cancelled after it was queued, nor queued after the cancellation', async () => {
    const queuedFirst = await booked(openWednesday(1), '08:00');
    const cancelledFirst = await booked(openWednesday(1), '08:30');
    expect((await cancelBooking({ code: cancelledFirst.code, grant: await verified(cancelledFirst.code, cancelledFirst.pin) })).status).toBe('cancelled');

    await enqueueDueReminders({ now: before(queuedFirst.start, 48, 1) });
    expect(await queued(queuedFirst.id)).toHaveLength(1);
    expect(await queued(cancelledFirst.id)).toEqual([]);
    expect((await cancelBooking({ code: queuedFirst.code, grant: await verified(queuedFirst.code, queuedFirst.pin) })).status).toBe('cancelled');

    await sendAll();
    expect(remindersTo(queuedFirst.address).map((m) => m.subject)).toEqual([]);
    expect(remindersTo(cancelledFirst.address).map((m) => m.subject)).toEqual([]);
    // The cancellations themselves did go out.
    expect(received.filter((m) => m.subject?.includes(queuedFirst.code) && m.subject.includes('abgesagt'))).toHaveLength(1);
    expect(await queued(queuedFirst.id)).toEqual([]);
  });

  it('drops the old time’s reminder of a moved appointment and sends one for the new time at its own point', async () => {
    const b = await booked(openWednesday(1), '09:00');
    await enqueueDueReminders({ now: before(b.start, 48, 1) });
    expect(await queued(b.id)).toHaveLength(1);

    const { holdToken, code: newCode } = await holdNewTime(b.code, openWednesday(2), '09:30');
    const moved = await rescheduleBooking({ code: b.code, grant: await verified(b.code, b.pin), holdToken });
    expect(moved.status).toBe('rescheduled');
    const newId = (moved as { bookingId: number }).bookingId;
    const newStart = at(openWednesday(2), '09:30');

    await sendAll();
    expect(remindersTo(b.address).map((m) => m.subject)).toEqual([]);

    await enqueueDueReminders({ now: before(newStart, 48, -1) });
    expect(await queued(newId)).toEqual([]);
    await enqueueDueReminders({ now: before(newStart, 48, 1) });
    await sendAll();
    const [mail, ...more] = remindersTo(b.address);
    expect(more).toEqual([]);
    expect(mail!.subject).toContain(newCode);
    expect(mail!.subject).toContain('09:30 Uhr');
    // The calendar entry keeps the original UID and the SEQUENCE of the move.
    expect(calendarOf(mail!).props.get('UID')).toBe(`${b.code}@amtstermin`);
    expect(calendarOf(mail!).props.get('SEQUENCE')).toBe('1');
  });

  it('drops a queued reminder whose booking no longer starts at that time', async () => {
    const b = await booked(openWednesday(1), '10:00');
    await enqueueDueReminders({ now: before(b.start, 48, 1) });
    // Whatever path moves a booking in place (none does today), the reminder was made for the old start.
    await getDb().execute(sql`update bookings set during = tstzrange(lower(during) + interval '10 minutes', upper(during) + interval '10 minutes') where id = ${b.id}`);
    await sendAll();
    expect(remindersTo(b.address).map((m) => m.subject)).toEqual([]);
  });
});

describe('appointments booked or moved after the reminder point', () => {
  it('get no reminder: the confirmation came shortly before', async () => {
    // Two weeks' notice: an appointment 7 to 13 days ahead is booked after its reminder point.
    await setReminders(336);
    const b = await booked(openWednesday(0), '12:00');
    for (const now of [new Date(Date.now() + MINUTE), before(b.start, 48), before(b.start, 1)]) await enqueueDueReminders({ now });
    expect(await queued(b.id)).toEqual([]);
    expect(await ledger(b.id)).toEqual([]);
  });

  it('gives a booking made long ago its reminder, but not the time it was moved to inside the window', async () => {
    await setReminders(336);
    const b = await booked(openWednesday(3), '08:00');
    // Booked a month ago by the data's clock: well before its reminder point.
    await getDb().execute(sql`update bookings set confirmed_at = now() - interval '30 days', created_at = now() - interval '30 days' where id = ${b.id}`);
    await enqueueDueReminders({ now: before(b.start, 336, 1) });
    expect(await queued(b.id)).toHaveLength(1);
    await sendAll();
    expect(remindersTo(b.address)).toHaveLength(1);

    const office = await mainOffice();
    const services = servicesToMove(office, (await findBookingByCode({ code: b.code }))!)!;
    const holdToken = generateToken();
    const newStart = at(openWednesday(0), '11:30');
    expect((await holdSlot({ location: office, services, start: newStart, tokenHash: hashToken(holdToken), locale: 'de' })).ok).toBe(true);
    const moved = await rescheduleBooking({ code: b.code, grant: await verified(b.code, b.pin), holdToken });
    const newId = (moved as { bookingId: number }).bookingId;
    for (const now of [new Date(Date.now() + MINUTE), before(newStart, 48), before(newStart, 1)]) await enqueueDueReminders({ now });
    expect(await ledger(newId)).toEqual([]);
    await sendAll();
    expect(remindersTo(b.address)).toHaveLength(1);
  });
});

describe('a second reminder', () => {
  it('goes out at its own point after the first, each once', async () => {
    await setReminders(48, 3);
    const b = await booked(openWednesday(2), '08:00');
    await enqueueDueReminders({ now: before(b.start, 48, 1) });
    await sendAll();
    expect(remindersTo(b.address)).toHaveLength(1);
    await enqueueDueReminders({ now: before(b.start, 3, -1) });
    expect(await queued(b.id)).toEqual([]);
    await enqueueDueReminders({ now: before(b.start, 3, 1) });
    await enqueueDueReminders({ now: before(b.start, 2) });
    expect(await queued(b.id)).toEqual([{ bookingId: b.id, reminder: 'second', startsAt: b.start.toISOString() }]);
    await sendAll();
    expect(remindersTo(b.address)).toHaveLength(2);
    expect((await ledger(b.id)).map((r) => r.kind)).toEqual(['first', 'second']);
  });

  it('is the only one sent when both points passed while no worker ran', async () => {
    await setReminders(48, 3);
    const b = await booked(openWednesday(2), '08:30');
    await enqueueDueReminders({ now: before(b.start, 2) });
    await sendAll();
    expect(remindersTo(b.address)).toHaveLength(1);
    expect((await ledger(b.id)).map((r) => r.kind)).toEqual(['second']);
  });

  it('is not sent when the office has reminders switched off', async () => {
    await setReminders(null);
    const b = await booked(openWednesday(2), '09:00');
    await enqueueDueReminders({ now: before(b.start, 1) });
    expect(await ledger(b.id)).toEqual([]);
  });

  it('must come closer to the appointment than the first, in the form and in the database', async () => {
    const parse = (reminderHours: string, secondReminderHours: string) => reminderSettingsSchema.safeParse({ locationId: '1', reminderHours, secondReminderHours });
    expect(parse('48', '3').data).toEqual({ locationId: 1, reminderHours: 48, secondReminderHours: 3 });
    expect(parse('', '').data).toEqual({ locationId: 1, reminderHours: null, secondReminderHours: null });
    for (const [first, second, field] of [['48', '48', 'secondReminderHours'], ['', '3', 'secondReminderHours'], ['0', '', 'reminderHours'], ['337', '', 'reminderHours'], ['2.5', '', 'reminderHours'], ['48', 'x', 'secondReminderHours']] as const) {
      const result = parse(first, second);
      expect(result.success, `${first}/${second}`).toBe(false);
      expect(result.error!.issues[0]!.path).toEqual([field]);
    }
    await expect(setReminders(3, 48)).rejects.toThrow();
    await expect(setReminders(null, 3)).rejects.toThrow();
  });
});

describe('an admin', () => {
  async function admin() {
    await seedDemoStaff(getDb());
    const [user] = await getDb().select().from(staffUsers).where(sql`${staffUsers.email} = ${DEMO_STAFF[0].email}`);
    return { id: user!.id, email: user!.email, name: user!.name, role: user!.role, locationId: user!.locationId };
  }

  it('saves the office’s reminder hours, and the next round uses them', async () => {
    const actor = await admin();
    const office = await mainOffice();
    expect(await saveReminderSettings({ actor, locationId: office.id, settings: { reminderHours: 24, secondReminderHours: null } })).toEqual({ ok: true });
    const b = await booked(openWednesday(2), '10:00');
    await enqueueDueReminders({ now: before(b.start, 48, 1) });
    expect(await queued(b.id)).toEqual([]);
    await enqueueDueReminders({ now: before(b.start, 24, 1) });
    expect(await queued(b.id)).toHaveLength(1);
    expect(await saveReminderSettings({ actor, locationId: 999_999, settings: { reminderHours: 24, secondReminderHours: null } })).toMatchObject({ ok: false });
  });

  it('sees how many appointments were reminded and how many were then cancelled or moved', async () => {
    const actor = await admin();
    const office = await mainOffice();
    const start = await reminderFiguresFor({ actor, locationId: office.id });
    const kept = await booked(openWednesday(2), '10:30');
    const freed = await booked(openWednesday(2), '10:50');
    const cancelledEarlier = await booked(openWednesday(2), '11:10');
    expect((await cancelBooking({ code: cancelledEarlier.code, grant: await verified(cancelledEarlier.code, cancelledEarlier.pin) })).status).toBe('cancelled');
    await enqueueDueReminders({ now: before(freed.start, 48, 1) });
    expect((await cancelBooking({ code: freed.code, grant: await verified(freed.code, freed.pin) })).status).toBe('cancelled');
    expect(await queued(kept.id)).toHaveLength(1);

    const after = await reminderFiguresFor({ actor, locationId: office.id });
    expect(after.reminded - start.reminded).toBe(2);
    expect(after.changedAfter - start.changedAfter).toBe(1);
  });
});

describe('several workers', () => {
  it('claim each reminder once when their claims run at the same moment', async () => {
    const bookingsDue = await Promise.all(['09:00', '09:20', '09:40', '10:00'].map((hhmm) => booked(openWednesday(3), hhmm)));
    const now = before(bookingsDue[3]!.start, 48, 1);
    // Straight at the ledger, past the advisory lock: the key alone keeps the claims apart.
    const claims = await Promise.all(Array.from({ length: 6 }, () => getDb().transaction((tx) => claimDueReminders({ now, tx }))));
    for (const b of bookingsDue) {
      expect(claims.flat().filter((c) => c.bookingId === b.id)).toHaveLength(1);
      expect(await ledger(b.id)).toHaveLength(1);
    }
  });

  const children = new Set<ChildProcess>();
  afterEach(async () => {
    await Promise.all([...children].map(kill));
  });

  function startWorker(mode: 'race' | 'pause-in-claim' | 'pause-in-send', args: { now: Date; rounds?: number }) {
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', './scripts/allow-server-only.mjs', 'tests/support/reminder-instance.ts', mode, JSON.stringify({ ...args, now: args.now.toISOString() })], {
      cwd: root,
      env: { ...process.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    children.add(child);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const events: Record<string, unknown>[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => events.push(JSON.parse(line) as Record<string, unknown>));
    const next = (event: string) =>
      withDeadline(
        (async () => {
          for (;;) {
            const found = events.find((e) => e.event === event || e.event === 'failed');
            if (found?.event === 'failed') throw new Error(`the worker failed: ${String(found.error)}`);
            if (found) return found;
            if (child.exitCode !== null) throw new Error(`the worker exited (${child.exitCode}) before "${event}": ${stderr}`);
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        })(),
        90_000,
        `the worker's "${event}"`,
      );
    return { child, next };
  }

  async function kill(child: ChildProcess) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }
    children.delete(child);
  }

  it('in three processes send each reminder exactly once', async () => {
    const bookingsDue = await Promise.all(['10:20', '10:40', '11:00', '11:20', '11:40'].map((hhmm, i) => booked(openWednesday(3), hhmm, { locale: i % 2 ? 'en' : 'de' })));
    const now = before(bookingsDue[4]!.start, 48, 1);
    const workers = [0, 1, 2].map(() => startWorker('race', { now, rounds: 15 }));
    // All three started (tsx compiles for seconds on a busy machine), then off at once.
    await Promise.all(workers.map((w) => w.next('ready')));
    for (const w of workers) w.child.stdin!.write('go\n');
    const results = await Promise.all(workers.map((w) => w.next('raced')));
    expect(results.reduce((sum, r) => sum + Number(r.queued), 0)).toBeGreaterThanOrEqual(bookingsDue.length);
    await sendAll();
    for (const b of bookingsDue) expect(remindersTo(b.address), b.code).toHaveLength(1);
  }, 180_000);

  it('queue a reminder whose claiming worker died before committing, once', async () => {
    const b = await booked(openWednesday(3), '12:00');
    const now = before(b.start, 48, 1);
    const dying = startWorker('pause-in-claim', { now });
    await dying.next('paused');
    // While it sits in its claim, others skip the round (its lock) and nothing of its claim is visible.
    expect(await enqueueDueReminders({ now })).toBe(0);
    expect(await ledger(b.id)).toEqual([]);
    await kill(dying.child);

    await expect.poll(() => enqueueDueReminders({ now }), { timeout: 15_000, interval: 200 }).toBeGreaterThan(0);
    await enqueueDueReminders({ now });
    await sendAll();
    expect(remindersTo(b.address)).toHaveLength(1);
  }, 120_000);

  it('send a reminder whose sending worker died after claiming it, once', async () => {
    const b = await booked(openWednesday(3), '12:10');
    const now = before(b.start, 48, 1);
    const dying = startWorker('pause-in-send', { now });
    expect((await dying.next('queued')).queued).toBeGreaterThanOrEqual(1);
    await dying.next('paused');
    // The row is locked by the stalled worker: no one else sends it meanwhile.
    expect(await processOutbox({ limit: 50 })).toEqual({ sent: 0, failed: 0 });
    expect(await queued(b.id)).toHaveLength(1);
    await kill(dying.child);

    await expect.poll(async () => (await processOutbox({ limit: 50 })).sent, { timeout: 15_000, interval: 200 }).toBeGreaterThan(0);
    await sendAll();
    await enqueueDueReminders({ now });
    await sendAll();
    expect(remindersTo(b.address)).toHaveLength(1);
  }, 120_000);
});
