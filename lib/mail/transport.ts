import 'server-only';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { env } from '@/lib/env';
import type { CalendarMethod } from './ics';

export type OutgoingMail = {
  /** The office the mail speaks for: its name is the sender's name (the address stays MAIL_FROM's). */
  fromName: string;
  to: { name: string; address: string };
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  calendar?: { method: CalendarMethod; content: string };
  /** Inline images the HTML refers to as `cid:<cid>` (the check-in QR code). */
  images?: { cid: string; filename: string; content: Buffer }[];
  /** Names the file when mails go to MAIL_DIR, e.g. `booking-confirmed-K7QM-4XPA`; never personal data. */
  tag: string;
};

type Sender = (mail: OutgoingMail) => Promise<void>;

let sender: Sender | undefined;

/** Sends one mail over SMTP_URL, or writes it as an .eml file to MAIL_DIR when no SMTP server is configured. */
export async function deliverMail(mail: OutgoingMail): Promise<void> {
  sender ??= env.SMTP_URL ? smtpSender(env.SMTP_URL) : fileSender(env.MAIL_DIR);
  await sender(mail);
}

function toMessage(mail: OutgoingMail) {
  return {
    from: { name: mail.fromName, address: senderAddress() },
    to: mail.to,
    replyTo: mail.replyTo,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    // The event goes in twice: as a text/calendar alternative (what mail programs turn into "add to calendar")
    // and as an .ics attachment. Not through nodemailer's `icalEvent`, which labels the attachment
    // `application/ics`, a type calendar clients do not act on; RFC 6047 wants text/calendar with the method.
    ...(mail.calendar && calendarParts(mail.calendar)),
    ...(mail.images?.length && {
      attachments: [...(mail.calendar ? calendarParts(mail.calendar).attachments : []), ...mail.images.map((image) => ({ ...image, contentType: 'image/png', contentDisposition: 'inline' as const }))],
    }),
    // The tag (kind and booking number, both in the mail anyway) lets a test's or archive's SMTP sink file the mail.
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Amtstermin-Tag': mail.tag },
  };
}

function calendarParts({ method, content }: { method: CalendarMethod; content: string }) {
  const contentType = `text/calendar; charset=utf-8; method=${method}`;
  return { alternatives: [{ contentType, content }], attachments: [{ filename: 'termin.ics', contentType, content }] };
}

/** The address part of MAIL_FROM (`Name <address>` or a bare address). */
export function senderAddress(): string {
  const [first] = addressparser(env.MAIL_FROM, { flatten: true });
  return first?.address ?? env.MAIL_FROM;
}

function smtpSender(url: string): Sender {
  // Short timeouts: the worker holds the outbox row lock while it sends.
  const transport = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  return async (mail) => {
    await transport.sendMail(toMessage(mail));
  };
}

function fileSender(dir: string): Sender {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return async (mail) => {
    const info = await transport.sendMail(toMessage(mail));
    await mkdir(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    await writeFile(path.join(dir, `${stamp}-${mail.tag}.eml`), info.message as Buffer, { flag: 'wx' });
  };
}
