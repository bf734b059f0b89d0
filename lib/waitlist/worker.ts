import 'server-only';
import { expireWaitlist, withNextSweep } from '@/db/queries/waitlist';
import { startPollingLoop } from '@/lib/jobs/polling-loop';
import { queueNewDays } from './new-days';
import { offerFreeTimes, offerNewDays } from './offers';
import { logFor } from '@/lib/log/logger';

const log = logFor('waitlist');

/**
 * One round of the waitlist: ends what ran out (offers, unconfirmed and past wishes; the times of ended
 * offers are queued), queues the days about to be released where offices give the waitlist a share of
 * them, then works through up to `limit` queued jobs: "offer the free times" or, for new days, "offer
 * the office's share". Any number of workers in any number of instances may run it: jobs are claimed
 * with FOR UPDATE SKIP LOCKED, and each new day is queued once.
 */
export async function runWaitlistRound({ limit = 20, now }: { limit?: number; now?: Date } = {}): Promise<{ offers: number; wishes: number; swept: number }> {
  const expired = await expireWaitlist();
  await queueNewDays({ now });
  let swept = 0;
  const work = async (job: { locationId: number; start: Date; end: Date; newDays: boolean }) => {
    const input = { locationId: job.locationId, from: job.start, to: job.end, now };
    await (job.newDays ? offerNewDays(input) : offerFreeTimes(input));
  };
  while (swept < limit && (await withNextSweep(work))) swept++;
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
