import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Without SMTP_URL mails go to MAIL_DIR; configuration is read on the first import of '@/lib/env'.
const mailDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'amtstermin-erasure-')), 'mail');
delete process.env.SMTP_URL;
process.env.MAIL_DIR = mailDir;

const { eq, sql } = await import('drizzle-orm');
const { getDb } = await import('@/db/client');
const { bookings, appointmentRequests, locations, outbox, staffUsers } = await import('@/db/schema');
const { insertSession, findSessionUser, writeAudit } = await import('@/db/queries/staff');
const { answerOpenRequest } = await import('@/db/queries/requests');
const { seedDemoStaff, DEMO_STAFF } = await import('@/db/seed-staff');
const { holdSlot } = await import('@/lib/booking/hold');
const { saveHoldContact } = await import('@/db/queries/bookings');
const { generateToken, hashToken } = await import('@/lib/booking/secrets');
const { cancelBookingForCitizen } = await import('@/lib/staff/booking-actions');
const { submitRequest } = await import('@/lib/requests/submit');
const { enqueueMail } = await import('@/lib/mail/outbox');
const { processOutbox } = await import('@/lib/mail/worker');
const { runErasure } = await import('@/lib/privacy/erasure-job');
const { book } = await import('../support/booked');
const { at, choose, mainOffice, openWednesday } = await import('../support/office');

afterAll(() => rmSync(path.dirname(mailDir), { recursive: true, force: true }));

const DAY = 86_400_000;
const NAME = 'Erika Mustermann';
const EMAIL = 'erika.erasure@example.org';
const PHONE = '07123 4567';
const CANCEL_REASON = 'Diagnose Grippe, Rückruf unter 0176 5550123';
const DECLINE_REASON = 'Herr Nachbar sagt, Sie seien verzogen';
const NOTE = 'Rollstuhl, bitte Hintereingang';

/** Every row of every table in the public schema, as text: what a pg_dump would hold. */
async function databaseText(): Promise<string> {
  const { rows: tables } = await getDb().execute<{ name: string }>(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
  const parts: string[] = [];
  for (const { name } of tables) {
    const { rows } = await getDb().execute<{ row: string }>(sql`select t::text as row from ${sql.identifier(name)} t`);
    parts.push(...rows.map((r) => `${name}: ${r.row}`));
  }
  return parts.join('\n');
}

const mailText = () => readdirSync(mailDir).map((f) => readFileSync(path.join(mailDir, f), 'latin1')).join('\n');

describe('the erasure job', () => {
  it('leaves no name, address, phone, PIN or typed reason in the database, the mail folder or the log', async () => {
    const logged: string[] = [];
    const capture = (...args: unknown[]) => void logged.push(format(...args));
    const spies = (['log', 'info', 'warn', 'error'] as const).map((level) => vi.spyOn(console, level).mockImplementation(capture));
    // The app's own log lines (lib/log/logger.ts) go to stdout.
    spies.push(vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (logged.push(String(chunk)), true)) as never);
    try {
      const office = await mainOffice();
      await seedDemoStaff(getDb());
      const [admin] = await getDb().select().from(staffUsers).where(eq(staffUsers.email, DEMO_STAFF[0].email));
      const sessionToken = hashToken(generateToken());
      await insertSession({ tokenHash: sessionToken, userId: admin!.id, absoluteHours: 10 });
      const actor = (await findSessionUser({ tokenHash: sessionToken, idleMinutes: 30 }))!;

      // A booking (confirmation mail with PIN), cancelled by a clerk with a reason (cancellation mail, audit entry).
      const cancelled = await book({ day: openWednesday(0), hhmm: '09:00', address: EMAIL });
      // A booking that took place.
      const kept = await book({ day: openWednesday(0), hhmm: '10:00', address: EMAIL });
      for (const { id, pin } of [cancelled, kept]) await enqueueMail(getDb(), { kind: 'booking-confirmed', bookingId: id, pin });
      while ((await processOutbox({ limit: 10 })).sent > 0);
      expect(await cancelBookingForCitizen({ actor, bookingId: cancelled.id, reason: CANCEL_REASON })).toEqual({ ok: true });
      // A request, acknowledged with its PIN, then declined with a reason.
      const [branch] = await getDb().select().from(locations).where(eq(locations.slug, 'ortschaft-hochdorf'));
      const [service] = await getDb().execute<{ id: number }>(sql`select service_id as id from location_services where location_id = ${branch!.id} limit 1`).then((r) => r.rows);
      const request = await submitRequest({
        location: branch!,
        services: [{ id: service!.id, count: 1 }],
        preferences: [{ date: openWednesday(1).toISODate()!, partOfDay: 'any' }],
        contact: { name: NAME, email: EMAIL, phone: PHONE },
        note: NOTE,
        locale: 'de',
      });
      if (request.status !== 'created') throw new Error('request not created');
      await getDb().transaction(async (tx) => {
        await answerOpenRequest({ id: request.id, answer: { status: 'declined', reason: DECLINE_REASON }, actorId: actor.id, tx });
        await enqueueMail(tx, { kind: 'request-declined', requestId: request.id });
        await writeAudit({ tx, actorId: actor.id, action: 'request-declined', entity: 'appointment_request', entityId: request.id, details: { reason: DECLINE_REASON } });
      });
      // A hold whose citizen typed the contact data and then walked away.
      const holdToken = hashToken(generateToken());
      const held = await holdSlot({ location: office, services: choose(office, { beglaubigung: 1 }), start: at(openWednesday(0), '11:00'), tokenHash: holdToken, locale: 'de' });
      expect(held.ok).toBe(true);
      await saveHoldContact({ tokenHash: holdToken, contact: { name: NAME, email: EMAIL, phone: PHONE }, locale: 'de' });
      // A mail given up on, still carrying a reason.
      await getDb().insert(outbox).values({ kind: 'booking-cancelled', payload: { bookingId: cancelled.id, reason: CANCEL_REASON }, status: 'failed', attempts: 24 });

      while ((await processOutbox({ limit: 10 })).sent > 0);
      expect(readdirSync(mailDir).length).toBeGreaterThanOrEqual(5);
      const pins = [cancelled.pin, kept.pin, request.pin];
      expect(mailText()).toContain(cancelled.pin);
      // A sent mail leaves nothing at rest: its row (and the PIN in it) is gone at once.
      expect((await getDb().select().from(outbox)).map((r) => r.status)).toEqual(['failed']);

      // The database goes away while a citizen sends the contact form: drizzle's error names the parameters.
      const failing = await getDb()
        .insert(appointmentRequests)
        .values({ code: 'A-FAIL-0001', pinHash: 'x', locationId: 987_654, preferences: [], name: NAME, email: EMAIL, phone: PHONE, note: NOTE })
        .catch((error: unknown) => error);
      expect(failing).toBeInstanceOf(Error);
      console.error(failing); // as Next.js logs an action that throws

      // The clock moves past the appointments, the erasure period and the session's end.
      const moved = new Date(at(openWednesday(1), '12:00').getTime() + 8 * DAY);
      await runErasure({ now: moved, days: 7, mailDir });

      const secrets = [NAME, EMAIL, PHONE, CANCEL_REASON, DECLINE_REASON, NOTE, ...pins];
      const dump = await databaseText();
      const files = mailText();
      const log = logged.join('\n');
      for (const secret of secrets) {
        expect(dump, `database holds ${secret}`).not.toContain(secret);
        expect(files, `mail folder holds ${secret}`).not.toContain(secret);
        expect(log, `log holds ${secret}`).not.toContain(secret);
      }
      // Statistics stay: the bookings, their statuses and who cancelled when.
      const rows = await getDb().select({ id: bookings.id, status: bookings.status }).from(bookings);
      expect(rows).toEqual(expect.arrayContaining([{ id: cancelled.id, status: 'cancelled' }, { id: kept.id, status: 'booked' }]));
      expect(rows).toHaveLength(2);
      expect(dump).toMatch(/audit_log: .*booking-cancelled/);
      expect(dump).not.toContain('staff_sessions:');
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
