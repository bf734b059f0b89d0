import { z } from 'zod';

const secret = z.string().refine((value) => Buffer.byteLength(value) >= 32, 'must be at least 32 bytes (e.g. `openssl rand -base64 48`)');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Set by `npm start` for the embedded PostgreSQL, or by the operator for an external one. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /**
   * A direct session connection to PostgreSQL (not through a transaction pooler like PgBouncer), for the one
   * LISTEN connection per instance that feeds the call displays; falls back to DATABASE_URL.
   */
  DATABASE_DIRECT_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
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
  /**
   * The server secret that never lives in the database: keys PIN hashes, change grants and (unless
   * CHALLENGE_SECRET is set) proof-of-work signatures. Required with DATABASE_URL in production; `npm start`
   * with the embedded database makes one in .data/app-secret. The same value on every instance.
   */
  APP_SECRET: secret.optional(),
  /** The APP_SECRET before a rotation: still accepted for PINs and grants made with it, never used for new ones. */
  APP_SECRET_PREVIOUS: secret.optional(),
  /** Signs proof-of-work challenges; without it a key is derived from APP_SECRET. */
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
  /**
   * Seed the demo offices, services and the two demo sign-ins. On by itself only for the embedded PostgreSQL
   * of `npm start`; with DATABASE_URL only when set to true, so a real installation never gets a published password.
   */
  DEMO: z.stringbool().optional(),
  /** Connections each app process keeps to PostgreSQL at most (several instances: this times the instances). */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** PostgreSQL cancels a statement that runs longer (ms; 0 = never), so one bad query cannot hold a connection and its locks. */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
  /** PostgreSQL ends a session that sits idle inside a transaction this long (ms; 0 = never), releasing its locks. */
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  /** `npm run serve`: how long running requests may take to finish after SIGTERM before their connections are closed. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /**
   * Key of Next.js's server actions (AES-256, base64 of 32 bytes; `openssl rand -base64 32`): it salts the action ids
   * and encrypts their bound values. Set the same value for `next build` and every instance so that instances, even
   * built separately, accept each other's forms. Next.js reads it itself; checked here so a bad one stops the start.
   */
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
    .string()
    .refine((key) => /^[A-Za-z0-9+/]{43}=$/.test(key) && Buffer.from(key, 'base64').length === 32, { error: 'must be 32 random bytes in base64 (openssl rand -base64 32)' })
    .optional(),
}).refine((e) => e.APP_SECRET || !(e.NODE_ENV === 'production' && e.DATABASE_URL), {
  path: ['APP_SECRET'],
  message: 'is required in production with DATABASE_URL (at least 32 bytes, e.g. `openssl rand -base64 48`); see README, "Configuration"',
});

export type Env = z.infer<typeof schema>;

/** Exported for tests; the app uses `env`. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
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
