import 'server-only';
import { errorCause } from '@/lib/log/error-cause';
import type { logFor } from '@/lib/log/logger';

/**
 * Runs `round` every `intervalMs`, at once again while it reports a full batch, until the returned function is
 * called; that resolves when the current round has finished. Errors never escape: while the database is
 * unreachable (e.g. PostgreSQL restarting) it logs once, waits longer between rounds, and carries on when the
 * database is back; the pool replaces broken connections by itself.
 */
export function startPollingLoop({ name, log, intervalMs, round }: { name: string; log: ReturnType<typeof logFor>; intervalMs: number; round: () => Promise<{ fullBatch: boolean }> }): () => Promise<void> {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> = Promise.resolve();
  let errorsInRow = 0;

  const tick = async () => {
    let delay = intervalMs;
    try {
      const { fullBatch } = await round();
      if (errorsInRow > 0) log.info({ failedRounds: errorsInRow }, `${name} running again`);
      errorsInRow = 0;
      if (fullBatch) delay = 0;
    } catch (error) {
      errorsInRow++;
      if (errorsInRow === 1 || errorsInRow % 50 === 0) log.error({ failedRounds: errorsInRow, cause: errorCause(error) }, `${name} round failed`);
      delay = Math.max(intervalMs, Math.min(intervalMs * 2 ** errorsInRow, 30_000));
    }
    if (!stopped) timer = setTimeout(run, delay);
  };
  const run = () => {
    current = tick();
  };

  run();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await current;
  };
}
