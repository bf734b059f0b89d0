/**
 * `npm run worker`: the mail outbox worker, the personal-data erasure and the waitlist worker as their own process, for deployments that run the web app with
 * IN_PROCESS_WORKER=false. Any number may run beside each other. Stops cleanly on SIGTERM or Ctrl-C.
 */
import { closeDb } from '../db/client';
import { requireDatabaseUrl } from '../lib/env';
import { startOutboxWorker } from '../lib/mail/worker';
import { startErasureJob } from '../lib/privacy/erasure-job';
import { startWaitlistWorker } from '../lib/waitlist/worker';

requireDatabaseUrl();
const stop = startOutboxWorker();
const stopErasure = startErasureJob();
const stopWaitlist = startWaitlistWorker();
console.log('[mail] outbox worker and personal-data erasure started');

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    stopErasure();
    await stopWaitlist();
    await stop();
    await closeDb();
    console.log('[mail] outbox worker stopped');
    process.exit(0);
  });
}
