import pino from 'pino';
import { env } from '@/lib/env';

/**
 * The one logger: a JSON line per event on stdout (`{"level":"warn","time":"…","component":"pin","msg":"…"}`),
 * for the host's log collector. Never give it a PIN, a password, a mail body or a client address: addresses
 * go in as pseudonyms (lib/http/client-tag.ts), errors as `errorCause` (lib/log/error-cause.ts).
 * Written through process.stdout at the time of each line, so a test can read what was logged.
 */
export const log = pino(
  {
    level: env.LOG_LEVEL,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  { write: (line: string) => void process.stdout.write(line) },
);

/** A child logger whose lines name the part of the app they come from. */
export const logFor = (component: string) => log.child({ component });
