/**
 * `npm run worker`: the mail outbox worker, the personal-data erasure, the reminder job and the waitlist worker as their own process, for deployments that run the web app with
 * IN_PROCESS_WORKER=false. Any number may run beside each other. Stops cleanly on SIGTERM or Ctrl-C.
 */
import { closeDb } from '../db/client';
import { requireDatabaseUrl } from '../lib/env';
import { startOutboxWorker } from '../lib/mail/worker';
import { startErasureJob } from '../lib/privacy/erasure-job';
import { startReminderJob } from '../lib/reminders/enqueue';
import { startWaitlistWorker } from '../lib/waitlist/worker';
import { logFor } from '../lib/log/logger';

const log = logFor('worker');

requireDatabaseUrl();
const stop = startOutboxWorker();
const stopErasure = startErasureJob();
const stopReminders = startReminderJob();
const stopWaitlist = startWaitlistWorker();
log.info('outbox worker, personal-data erasure, reminders and waitlist started');

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    stopErasure();
    stopReminders();
    await stopWaitlist();
    await stop();
    await closeDb();
    log.info('outbox worker stopped');
    process.exit(0);
  });
}
