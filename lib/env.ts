import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Set by `npm start` for the embedded PostgreSQL, or by the operator for an external one. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Public base URL, used in mails and .ics files. */
  APP_URL: z.url().default('http://localhost:3000'),
  /** e.g. smtp://user:pass@mail.example:587; without it mails are written as .eml files to MAIL_DIR. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('Bürgeramt Musterstadt <termine@musterstadt.example>'),
  MAIL_DIR: z.string().default('.data/mail'),
  /** Days after the appointment when personal data is erased. */
  ERASE_AFTER_DAYS: z.coerce.number().int().min(0).max(365).default(7),
  /** Slot holds one client (IP address) may take per hour; a PostgreSQL-backed limit shared by all instances. */
  HOLDS_PER_CLIENT_PER_HOUR: z.coerce.number().int().positive().default(30),
  /** Online bookings one client address may confirm per office and hour (with the holds per hour and the future bookings per email: the ceilings a bot meets together). */
  BOOKINGS_PER_CLIENT_PER_HOUR: z.coerce.number().int().positive().default(3),
  /** Pages with free times (availability reads) one client address may load per minute; answered with 429 and Retry-After beyond. */
  AVAILABILITY_READS_PER_CLIENT_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /**
   * Reverse proxies in front of the app that append the client's address to X-Forwarded-For (nginx:
   * `$proxy_add_x_forwarded_for`). The address rate limits count is the entry this many places from the
   * end, so a client cannot choose it by sending the header itself. 0 (the default, for `npm start` without
   * a proxy): the socket address, which `npm start`'s server (scripts/app-server.ts) writes into the header
   * in place of whatever the client sent.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** Signs proof-of-work challenges; without it a secret is made once and kept in PostgreSQL (shared by every instance). */
  CHALLENGE_SECRET: z.string().min(16).optional(),
  /**
   * The largest counter a browser must find for the proof-of-work before a hold, for offices without their
   * own (SHA-256 tries, drawn from the upper half; about 1 s per 100000 in a browser, solved while the times are read).
   */
  CHALLENGE_WORK: z.coerce.number().int().min(1_000).max(10_000_000).default(300_000),
  /** Minutes a cancelled time stays blocked before others can book it (against reselling appointments); 0 releases at once. */
  CANCELLED_SLOT_DELAY_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
  /** Run the outbox worker and scheduled jobs inside the web process (off when `npm run worker` runs them). */
  IN_PROCESS_WORKER: z.stringbool().default(true),
});

export type Env = z.infer<typeof schema>;

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration in environment variables:\n${lines.join('\n')}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);

/** The database URL, or a clear error where a command needs one and none is configured. */
export function requireDatabaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new Error('DATABASE_URL is not set. Start the app with `npm start` (embedded PostgreSQL) or set DATABASE_URL.');
  }
  return env.DATABASE_URL;
}
