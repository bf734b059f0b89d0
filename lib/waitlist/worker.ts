import 'server-only';
import { expireWaitlist, withNextSweep } from '@/db/queries/waitlist';
import { startPollingLoop } from '@/lib/jobs/polling-loop';
import { offerFreeTimes } from './offers';
import { logFor } from '@/lib/log/logger';

const log = logFor('waitlist');

/**
 * One round of the waitlist: ends what ran out (offers, unconfirmed and past wishes; the times of ended
 * offers are queued), then works through up to `limit` queued "offer the free times" jobs. Any number of
 * workers in any number of instances may run it: jobs are claimed with FOR UPDATE SKIP LOCKED.
 */
export async function runWaitlistRound({ limit = 20, now }: { limit?: number; now?: Date } = {}): Promise<{ offers: number; wishes: number; swept: number }> {
  const expired = await expireWaitlist();
  let swept = 0;
  while (swept < limit && (await withNextSweep(async (job) => void (await offerFreeTimes({ locationId: job.locationId, from: job.start, to: job.end, now }))))) swept++;
  return { ...expired, swept };
}

/** Runs `runWaitlistRound` every `intervalMs` (at once again while jobs remain) until the returned function is called. */
export function startWaitlistWorker({ intervalMs = 3000, limit = 20 }: { intervalMs?: number; limit?: number } = {}): () => Promise<void> {
  return startPollingLoop({
    name: 'waitlist worker',
    log,
    intervalMs,
    round: async () => ({ fullBatch: (await runWaitlistRound({ limit })).swept === limit }),
  });
}
