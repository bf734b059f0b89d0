import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Configuration is read on the first import of '@/lib/env': the token and the mail folder first.
const TOKEN = 'metrics-token-for-the-test-0123456789';
const mailDir = mkdtempSync(path.join(os.tmpdir(), 'amtstermin-ops-mail-'));
process.env.METRICS_TOKEN = TOKEN;
process.env.MAIL_DIR = mailDir;
delete process.env.SMTP_URL;

const { sql } = await import('drizzle-orm');
const { getDb } = await import('@/db/client');
const { GET } = await import('@/app/api/metrics/route');
const { hitRateLimit } = await import('@/db/queries/rate-limits');
const { enqueueMail } = await import('@/lib/mail/outbox');
const { processOutbox } = await import('@/lib/mail/worker');
const { failedMailsFor, resendFailedMail, stuckMailsFor } = await import('@/lib/admin/failed-mails');
const { verifyBookingPin } = await import('@/lib/booking/verify-pin');
const { seedDemoStaff, DEMO_STAFF } = await import('@/db/seed-staff');
const { book, client } = await import('../support/booked');
const { openWednesday } = await import('../support/office');
const { captureLogLines } = await import('../support/log-lines');

afterAll(() => rmSync(mailDir, { recursive: true, force: true }));

async function scrape(token = TOKEN): Promise<{ status: number; text: string }> {
  const response = await GET(new Request('http://localhost/api/metrics', { headers: { authorization: `Bearer ${token}` } }));
  return { status: response.status, text: await response.text() };
}

/** The value of one sample (`name{labels} value`), 0 when the series is not there. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

async function staff(role: 'admin' | 'clerk') {
  await seedDemoStaff(getDb());
  const { rows } = await getDb().execute<{ id: number; email: string; name: string; role: 'admin' | 'clerk'; location_id: number | null }>(sql`select id, email, name, role, location_id from staff_users where email = ${DEMO_STAFF.find((s) => s.role === role)!.email}`);
  const row = rows[0]!;
  return { id: row.id, email: row.email, name: row.name, role: row.role, locationId: row.location_id } as never;
}

describe('GET /api/metrics', () => {
  it('refuses a scrape without the right token', async () => {
    expect((await scrape('wrong-token-wrong-token-wrong')).status).toBe(401);
    const none = await GET(new Request('http://localhost/api/metrics'));
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('shows a booking just made, its mail queued then sent, and a rate-limit refusal, counted in PostgreSQL', async () => {
    const before = (await scrape()).text;
    const booking = await book({ day: openWednesday(1), hhmm: '11:00' });
    await enqueueMail(getDb(), { kind: 'booking-confirmed', bookingId: booking.id, pin: booking.pin });
    const queued = await scrape();
    expect(queued.status).toBe(200);
    expect(sample(queued.text, 'amtstermin_bookings_confirmed_total{source="online"}')).toBe(sample(before, 'amtstermin_bookings_confirmed_total{source="online"}') + 1);
    expect(sample(queued.text, 'amtstermin_holds_taken_total{source="online"}')).toBe(sample(before, 'amtstermin_holds_taken_total{source="online"}') + 1);
    expect(sample(queued.text, 'amtstermin_outbox_queued_total{kind="booking-confirmed"}')).toBe(sample(before, 'amtstermin_outbox_queued_total{kind="booking-confirmed"}') + 1);
    expect(sample(queued.text, 'amtstermin_outbox_pending')).toBeGreaterThanOrEqual(1);
    expect(sample(queued.text, 'amtstermin_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(queued.text).toMatch(/^amtstermin_db_pool_connections\{state="total"\} [1-9]/m);

    while ((await processOutbox({ limit: 10 })).sent > 0);
    const address = client();
    for (let i = 0; i < 3; i++) await hitRateLimit({ key: `hold:${address}`, limit: 1, windowSeconds: 3600 });
    const after = (await scrape()).text;
    expect(sample(after, 'amtstermin_outbox_pending')).toBe(0);
    expect(sample(after, 'amtstermin_outbox_sent_total{outcome="sent"}')).toBeGreaterThanOrEqual(sample(before, 'amtstermin_outbox_sent_total{outcome="sent"}') + 1);
    expect(sample(after, 'amtstermin_rate_limit_refusals_total{limit="hold"}')).toBe(sample(before, 'amtstermin_rate_limit_refusals_total{limit="hold"}') + 2);
    // Pseudonyms only: the metric names the kind of limit, never the address.
    expect(after).not.toContain(address);
  });
});

describe('failed mails', () => {
  it('lists a given-up confirmation with its booking and reason, resends it with a new PIN, and the banner counts it until then', async () => {
    const admin = await staff('admin');
    const booking = await book({ day: openWednesday(2), hhmm: '09:30' });
    // As the worker leaves a mail it gave up on: status failed, its PIN removed, the last error kept.
    const { rows: [row] } = await getDb().execute<{ id: number }>(sql`
      insert into outbox (kind, payload, status, attempts, last_error, created_at)
      values ('booking-confirmed', ${JSON.stringify({ bookingId: booking.id })}::jsonb, 'failed', 24, '550: mailbox <address> unavailable', now() - interval '3 hours')
      returning id::int as id`);
    expect((await stuckMailsFor({ actor: admin })).count).toBeGreaterThanOrEqual(1);
    const listed = (await failedMailsFor({ actor: admin })).find((m) => m.id === row!.id);
    expect(listed).toMatchObject({ kind: 'booking-confirmed', attempts: 24, lastError: '550: mailbox <address> unavailable', subject: { type: 'booking', code: booking.code, erased: false } });
    expect(sample((await scrape()).text, 'amtstermin_outbox_failed')).toBeGreaterThanOrEqual(1);

    // A clerk may not see or resend them (the check lives in the domain function).
    const clerk = await staff('clerk');
    await expect(failedMailsFor({ actor: clerk })).rejects.toThrow();
    await expect(resendFailedMail({ actor: clerk, mailId: row!.id })).rejects.toThrow();

    expect(await resendFailedMail({ actor: admin, mailId: row!.id })).toEqual({ ok: true });
    // Twice is refused: the mail is no longer failed.
    expect((await resendFailedMail({ actor: admin, mailId: row!.id })).ok).toBe(false);
    expect((await failedMailsFor({ actor: admin })).some((m) => m.id === row!.id)).toBe(false);

    const logged = captureLogLines();
    let sent;
    try {
      sent = await processOutbox({ limit: 10 });
    } finally {
      logged.restore();
    }
    expect(sent.sent).toBeGreaterThanOrEqual(1);
    const mail = readdirSync(mailDir).filter((f) => f.includes(booking.code)).map((f) => readFileSync(path.join(mailDir, f), 'utf8')).join('\n');
    const pin = /\b(\d{6})\b/.exec(mail.replace(/=\r?\n/g, '').split(booking.code).slice(1).join(''))?.[1];
    expect(pin).toBeDefined();
    expect(pin).not.toBe(booking.pin);
    // The PIN in the mail is the one that works now; the old one (never delivered) does not.
    expect((await verifyBookingPin({ code: booking.code, pin: pin!, clientAddress: client() })).status).toBe('verified');
    expect((await verifyBookingPin({ code: booking.code, pin: booking.pin, clientAddress: client() })).status).toBe('invalid');
    const { rows: audit } = await getDb().execute<{ action: string }>(sql`select action from audit_log where entity = 'booking' and entity_id = ${String(booking.id)}`);
    expect(audit.map((a) => a.action)).toContain('mail-resent');
  });

  it('counts a mail waiting more than 15 minutes as stuck, and not one queued just now', async () => {
    const admin = await staff('admin');
    await getDb().execute(sql`delete from outbox`);
    const booking = await book({ day: openWednesday(3), hhmm: '10:30' });
    await enqueueMail(getDb(), { kind: 'booking-cancelled', bookingId: booking.id });
    expect((await stuckMailsFor({ actor: admin })).count).toBe(0);
    await getDb().execute(sql`update outbox set created_at = now() - interval '16 minutes'`);
    expect((await stuckMailsFor({ actor: admin })).count).toBe(1);
  });
});
