import 'server-only';
import { logFor } from '@/lib/log/logger';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { countEvent } from '@/db/queries/metric-counts';
import { outbox } from '@/db/schema';
import { composeMail, UnsendableMailError } from './compose';
import { outboxMailSchema, type OutboxMail } from './outbox';
import { deliverMail } from './transport';
import { errorCause } from '@/lib/log/error-cause';
import { startPollingLoop } from '@/lib/jobs/polling-loop';

const log = logFor('mail');

/** After this many failed attempts a mail is given up (status `failed`), about an hour after the first. */
/** 30 s, 1, 2, 4, 8 min, then every 10 min: a mail survives about three hours of SMTP outage. */
export const MAX_ATTEMPTS = 24;
const FIRST_RETRY_SECONDS = 30;
// Capped low so a mail goes out soon after the server is back, not up to twice the outage later.
const MAX_RETRY_SECONDS = 10 * 60;

type Row = typeof outbox.$inferSelect;
type Outcome = 'sent' | 'failed' | 'idle';

/**
 * Sends up to `limit` due mails and returns how many went out (`sent`, including mails dropped on
 * purpose, e.g. for erased personal data) and how many attempts failed (`failed`, retried later or given up).
 *
 * Each mail is claimed in its own transaction with `FOR UPDATE SKIP LOCKED`, and the lock is held until
 * the DELETE of the sent row commits: any number of workers can run at once, none picks a row another
 * one is sending. A mail whose SMTP send succeeded but whose commit then failed (database gone at that
 * very moment) is sent again later: delivery is at least once, never lost, and duplicates need that
 * narrow window. One transaction per mail keeps it narrow: a failure never un-marks other mails.
 * Throws when the database is unreachable.
 */
export async function processOutbox({ limit = 10 }: { limit?: number } = {}): Promise<{ sent: number; failed: number }> {
  const counts = { sent: 0, failed: 0 };
  for (let i = 0; i < limit; i++) {
    const outcome = await processNext();
    if (outcome === 'idle') break;
    counts[outcome]++;
  }
  return counts;
}

async function processNext(): Promise<Outcome> {
  // getDb().transaction hands a connection that broke meanwhile (PostgreSQL gone while SMTP talks) back to be discarded.
  return getDb().transaction(claimAndSend);
}

async function claimAndSend(tx: Tx): Promise<Outcome> {
  const [row] = await tx
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, sql`now()`)))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(1)
    .for('update', { skipLocked: true });
  if (!row) return 'idle';
  try {
    const mail = parseRow(row);
    // A savepoint, so a failing query while reading the booking still lets this transaction record the error.
    const composed = await tx.transaction((savepoint) => composeMail(mail, { tx: savepoint }));
    if ('skip' in composed) {
      await markSent(tx, row.id, composed.skip);
    } else {
      await deliverMail(composed.send);
      await markSent(tx, row.id);
    }
    return 'sent';
  } catch (error) {
    await markFailed(tx, row, error);
    return 'failed';
  }
}

function parseRow(row: Row): OutboxMail {
  const parsed = outboxMailSchema.safeParse({ ...row.payload, kind: row.kind });
  if (!parsed.success) throw new UnsendableMailError(`unreadable outbox payload for kind ${row.kind}`);
  return parsed.data;
}

/**
 * A sent mail leaves nothing behind: the row goes in the transaction that claimed it, so no PIN, reason or
 * other payload rests in the database after sending. A mail dropped on purpose (`note`, e.g. erased data) says why in the log.
 */
async function markSent(tx: Tx, id: number, note?: string) {
  await tx.delete(outbox).where(eq(outbox.id, id));
  await countEvent({ name: 'mails_sent', label: note ? 'dropped' : 'sent', tx });
  if (note) log.info({ outboxId: id, note }, 'mail dropped');
}

async function markFailed(tx: Tx, row: Row, error: unknown) {
  const attempts = row.attempts + 1;
  const giveUp = attempts >= MAX_ATTEMPTS || error instanceof UnsendableMailError;
  const message = errorCause(error);
  // 30 s, 1 min, 2 min, … after the 1st, 2nd, 3rd failure, at most MAX_RETRY_SECONDS.
  const delaySeconds = Math.min(FIRST_RETRY_SECONDS * 2 ** (attempts - 1), MAX_RETRY_SECONDS);
  await tx
    .update(outbox)
    .set(
      giveUp
        ? { attempts, lastError: message, status: 'failed', payload: sql`${outbox.payload} - 'pin' - 'token'` }
        : { attempts, lastError: message, nextAttemptAt: sql`now() + make_interval(secs => ${delaySeconds})` },
    )
    .where(eq(outbox.id, row.id));
  if (giveUp) await countEvent({ name: 'mails_failed', label: row.kind, tx });
  log.warn({ outboxId: row.id, kind: row.kind, attempts, retryInSeconds: giveUp ? undefined : delaySeconds, cause: message }, giveUp ? 'mail failed, giving up' : 'mail attempt failed');
}

/** Runs `processOutbox` every `intervalMs` (at once again while there is a backlog) until the returned function is called. */
export function startOutboxWorker({ intervalMs = 2000, limit = 10 }: { intervalMs?: number; limit?: number } = {}): () => Promise<void> {
  return startPollingLoop({
    name: 'outbox worker',
    log,
    intervalMs,
    round: async () => {
      const { sent, failed } = await processOutbox({ limit });
      return { fullBatch: sent + failed === limit };
    },
  });
}
