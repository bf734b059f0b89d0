import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';

// Without SMTP_URL mails go to MAIL_DIR; configuration is read on the first import of '@/lib/env'.
const mailDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'amtstermin-mail-')), 'mail');
delete process.env.SMTP_URL;
process.env.MAIL_DIR = mailDir;

const { deliverMail } = await import('@/lib/mail/transport');
const { buildCalendarEvent } = await import('@/lib/mail/ics');

afterAll(() => rmSync(path.dirname(mailDir), { recursive: true, force: true }));

describe('mail without an SMTP server', () => {
  it('writes each mail as an .eml file into MAIL_DIR, creating the folder', async () => {
    const start = new Date('2030-12-05T08:40:00Z');
    await deliverMail({
      fromName: 'Bürgeramt Musterstadt-Mitte',
      to: { name: 'Erika Mustermann', address: 'erika@example.org' },
      subject: 'Ihr Termin am 5. Dezember 2030 um 09:40 Uhr – Buchungsnummer K7QM-4XPA',
      html: '<p>Buchungsnummer K7QM-4XPA</p>',
      text: 'Buchungsnummer K7QM-4XPA',
      calendar: {
        method: 'REQUEST',
        content: buildCalendarEvent({
          method: 'REQUEST',
          uid: 'K7QM-4XPA@amtstermin',
          sequence: 0,
          start,
          end: new Date(start.getTime() + 30 * 60_000),
          summary: 'Termin: Bürgeramt',
          location: 'Bürgeramt, Marktplatz 1, 72345 Musterstadt',
          description: 'Buchungsnummer: K7QM-4XPA',
          organizer: { name: 'Bürgeramt', email: 'termine@musterstadt.example' },
          attendee: { name: 'Erika Mustermann', email: 'erika@example.org' },
        }),
      },
      tag: 'booking-confirmed-K7QM-4XPA',
    });

    const files = readdirSync(mailDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-booking-confirmed-K7QM-4XPA\.eml$/);
    const raw = readFileSync(path.join(mailDir, files[0]!));
    expect(raw.toString('latin1')).toContain('\r\n');
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe('Ihr Termin am 5. Dezember 2030 um 09:40 Uhr – Buchungsnummer K7QM-4XPA');
    expect(mail.from?.text).toContain('termine@musterstadt.example');
    expect(mail.text).toContain('K7QM-4XPA');
    // The .ics attachment is text/calendar with its method (RFC 6047), not application/ics, which calendars ignore.
    const ics = mail.attachments.find((a) => a.filename === 'termin.ics');
    expect(ics?.contentType).toBe('text/calendar');
    expect(ics?.headers.get('content-type')).toMatchObject({ value: 'text/calendar', params: { method: 'REQUEST' } });
    expect(mail.attachments.filter((a) => a.contentType === 'application/ics')).toEqual([]);
  });
});
