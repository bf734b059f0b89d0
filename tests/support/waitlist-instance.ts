/**
 * A second app instance for tests/integration/waitlist-race.test.ts: its own process and connection pool on
 * DATABASE_URL, running `workers` waitlist workers at once until no job is left (or `seconds` pass), then
 * printing one JSON line with what it did.
 *
 *   node --import tsx --import ./scripts/allow-server-only.mjs tests/support/waitlist-instance.ts '{"workers":3,"seconds":30}'
 */
import { closeDb } from '@/db/client';
import { runWaitlistRound } from '@/lib/waitlist/worker';

const { workers = 3, seconds = 30 } = JSON.parse(process.argv[2] ?? '{}') as { workers?: number; seconds?: number };
console.info = (...parts: unknown[]) => console.error(...parts);
process.stdin.on('close', () => process.exit(2)).resume();
setTimeout(() => process.exit(3), 5 * 60_000).unref();

const deadline = Date.now() + seconds * 1000;
let swept = 0;
async function worker() {
  // Keep going a little after the queue empties: the other instance's declines may add jobs.
  let idle = 0;
  while (Date.now() < deadline && idle < 60) {
    const round = await runWaitlistRound({ limit: 1 });
    swept += round.swept;
    idle = round.swept === 0 ? idle + 1 : 0;
    if (round.swept === 0) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
try {
  // One round first, so the modules are loaded and the pool is connected before the test frees any time.
  await runWaitlistRound({ limit: 0 });
  process.stdout.write(`${JSON.stringify({ event: 'ready' })}\n`);
  await Promise.all(Array.from({ length: workers }, worker));
  process.stdout.write(`${JSON.stringify({ event: 'done', swept })}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ event: 'failed', error: String(error) })}\n`);
} finally {
  await closeDb();
  process.exit(0);
}
