/**
 * A second app instance for tests/integration/waitlist-race.test.ts: its own process and connection pool on
 * DATABASE_URL, running `workers` waitlist workers at once until no job is left (or `seconds` pass), then
 * printing one JSON line with what it did.
 *
 *   node --import tsx --import ./scripts/allow-server-only.mjs tests/support/waitlist-instance.ts '{"workers":3,"seconds":30}'
 *
 * `now` (ISO): the clock its rounds see, for a release the test moves the clock to.
 */
import { sql } from 'drizzle-orm';
import { closeDb, getDb } from '@/db/client';
import { runWaitlistRound } from '@/lib/waitlist/worker';

const args = JSON.parse(process.argv[2] ?? '{}') as { workers?: number; seconds?: number; now?: string };
const { workers = 3, seconds = 30 } = args;
const now = args.now ? new Date(args.now) : undefined;
console.info = (...parts: unknown[]) => console.error(...parts);
process.stdin.on('close', () => process.exit(2)).resume();
setTimeout(() => process.exit(3), 5 * 60_000).unref();

const deadline = Date.now() + seconds * 1000;
let swept = 0;
async function worker() {
  // Keep going a little after the queue empties: the other instance's declines may add jobs.
  let idle = 0;
  while (Date.now() < deadline && idle < 60) {
    const round = await runWaitlistRound({ limit: 1, now });
    swept += round.swept;
    idle = round.swept === 0 ? idle + 1 : 0;
    if (round.swept === 0) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
try {
  // One round first, so the modules are loaded and the pool is connected before the test frees any time;
  // at a moved clock one query, so the release is not claimed before the other workers start.
  await (now ? getDb().execute(sql`select 1`) : runWaitlistRound({ limit: 0 }));
  process.stdout.write(`${JSON.stringify({ event: 'ready' })}\n`);
  await Promise.all(Array.from({ length: workers }, worker));
  process.stdout.write(`${JSON.stringify({ event: 'done', swept })}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ event: 'failed', error: String(error) })}\n`);
} finally {
  await closeDb();
  process.exit(0);
}
