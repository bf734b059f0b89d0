/**
 * `npm run worker`: the mail outbox worker as its own process, for deployments that run the web app with
 * IN_PROCESS_WORKER=false. Any number may run beside each other. Stops cleanly on SIGTERM or Ctrl-C.
 */
import { closeDb } from '../db/client';
import { requireDatabaseUrl } from '../lib/env';
import { startOutboxWorker } from '../lib/mail/worker';

requireDatabaseUrl();
const stop = startOutboxWorker();
console.log('[mail] outbox worker started');

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    await stop();
    await closeDb();
    console.log('[mail] outbox worker stopped');
    process.exit(0);
  });
}
