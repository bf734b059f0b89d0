import 'server-only';
import { logFor } from '@/lib/log/logger';
import { sweepRotatingSecrets } from '@/db/queries/app-secrets';
import { sweepSpentChallenges } from '@/db/queries/challenges';
import { erasePersonalData } from '@/db/queries/privacy';
import { eraseWaitlist } from '@/db/queries/waitlist';
import { sweepRateLimits } from '@/db/queries/rate-limits';
import { SESSION_IDLE_MINUTES } from '@/lib/auth/staff-session';
import { env } from '@/lib/env';
import { errorCause } from '@/lib/log/error-cause';
import { eraseOldMailFiles } from './mail-files';
import { rollUpStatistics } from '@/lib/statistics/rollup';

const QUARTER_HOUR = 15 * 60 * 1000;

/** One round of the erasure (DESIGN.md invariant 7): the database, the mail folder, and the sweeps. */
export async function runErasure({ now = new Date(), days = env.ERASE_AFTER_DAYS, mailDir = env.MAIL_DIR }: { now?: Date; days?: number; mailDir?: string } = {}) {
  // Statistics first: a day's anonymous facts are written before its personal data is erased. A failed roll-up
  // does not hold the erasure back (privacy comes first); counts and statuses stay, so the next round still has them.
  await rollUpStatistics({ now, eraseAfterDays: days }).catch((error) => logFor('statistics').error({ cause: errorCause(error) }, 'roll-up failed'));
  const erased = await erasePersonalData({ days, now, idleSessionMinutes: SESSION_IDLE_MINUTES });
  const waitlist = await eraseWaitlist({ days, now });
  const mailFiles = await eraseOldMailFiles({ dir: mailDir, days, now });
  await sweepRateLimits();
  await sweepSpentChallenges();
  await sweepRotatingSecrets();
  return { ...erased, mailFiles, wishes: waitlist.wishes };
}

/** Runs `runErasure` (and with it the sweeps of rate limits and spent challenges, whose IP-derived keys and signatures go once useless) now and then every quarter hour. */
export function startErasureJob({ intervalMs = QUARTER_HOUR }: { intervalMs?: number } = {}): () => void {
  const run = async () => {
    try {
      const erased = await runErasure();
      if (erased.bookings || erased.requests || erased.mailFiles) logFor('privacy').info(erased, 'erased personal data');
    } catch (error) {
      logFor('privacy').error({ cause: errorCause(error) }, 'erasure failed, retrying next round');
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
