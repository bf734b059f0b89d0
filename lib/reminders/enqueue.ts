import 'server-only';
import { getDb } from '@/db/client';
import { claimDueReminders, tryLockReminderClaim } from '@/db/queries/reminders';
import { errorCause } from '@/lib/log/error-cause';
import { logFor } from '@/lib/log/logger';
import { enqueueMail } from '@/lib/mail/outbox';

const log = logFor('reminders');

const BATCH = 500;

/**
 * Queues every reminder mail due at `now`, each exactly once: the ledger row and its outbox mail are written
 * in one transaction, and the ledger's key (booking, kind, appointment start) refuses a second row, so any
 * number of workers in any number of instances may run this at once and again after a restart. A crash before
 * the commit leaves neither, and the next round queues it; after the commit the outbox delivers it.
 * Whether the booking still stands at that time is checked again when the mail is sent (lib/mail/compose-reminder.tsx).
 * Returns how many reminders this call queued.
 */
export async function enqueueDueReminders({ now = new Date() }: { now?: Date } = {}): Promise<number> {
  let queued = 0;
  for (;;) {
    const claimed = await getDb().transaction(async (tx) => {
      if (!(await tryLockReminderClaim({ tx }))) return [];
      const due = await claimDueReminders({ now, limit: BATCH, tx });
      for (const reminder of due) {
        await enqueueMail(tx, { kind: 'booking-reminder', bookingId: reminder.bookingId, reminder: reminder.kind, startsAt: reminder.startsAt.toISOString() });
      }
      return due;
    });
    queued += claimed.length;
    if (claimed.length < BATCH) return queued;
  }
}

const MINUTE = 60_000;

/**
 * Runs `enqueueDueReminders` now and then every `intervalMs` (a minute: reminders go out within about a
 * minute of their time, plus the outbox worker's round). Errors are logged and the next round tries again.
 */
export function startReminderJob({ intervalMs = MINUTE }: { intervalMs?: number } = {}): () => void {
  const run = async () => {
    try {
      const queued = await enqueueDueReminders();
      if (queued) log.info({ queued }, 'reminder mails queued');
    } catch (error) {
      log.error({ cause: errorCause(error) }, 'reminder round failed, retrying next round');
    }
  };
  const first = setTimeout(run, 3_000);
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
