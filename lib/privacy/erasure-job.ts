import 'server-only';
import { sweepRotatingSecrets } from '@/db/queries/app-secrets';
import { sweepSpentChallenges } from '@/db/queries/challenges';
import { erasePersonalData } from '@/db/queries/privacy';
import { sweepRateLimits } from '@/db/queries/rate-limits';
import { env } from '@/lib/env';
import { rollUpStatistics } from '@/lib/statistics/rollup';

const QUARTER_HOUR = 15 * 60 * 1000;

/** Runs the personal-data erasure (DESIGN.md invariant 7) and the sweeps of rate limits and spent challenges (their IP-derived keys and signatures go once useless) now and then every quarter hour. */
export function startErasureJob({ intervalMs = QUARTER_HOUR }: { intervalMs?: number } = {}): () => void {
  const run = async () => {
    try {
      // Statistics first: a day's anonymous facts are written before its personal data is erased. A failed roll-up
      // does not hold the erasure back (privacy comes first); counts and statuses stay, so the next round still has them.
      await rollUpStatistics({ eraseAfterDays: env.ERASE_AFTER_DAYS }).catch((error) => console.error('[statistics] roll-up failed:', error instanceof Error ? error.message : error));
      const erased = await erasePersonalData({ days: env.ERASE_AFTER_DAYS });
      await sweepRateLimits();
      await sweepSpentChallenges();
      await sweepRotatingSecrets();
      if (erased.bookings || erased.requests) console.log(`[privacy] erased personal data of ${erased.bookings} bookings and ${erased.requests} requests`);
    } catch (error) {
      console.error('[privacy] erasure failed, retrying next round:', error instanceof Error ? error.message : error);
    }
  };
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, intervalMs);
  timer.unref();
  first.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
