/**
 * A stand-in for a worker process (app instance or `npm run worker`), run by tests/integration/reminders.test.ts
 * so several can race on one database and one can be SIGKILLed mid-way. It runs the app's own reminder claim
 * and outbox worker on DATABASE_URL and SMTP_URL, with the clock moved to `now`, and reports on stdout, one JSON
 * object a line.
 *
 *   node --import tsx --import ./scripts/allow-server-only.mjs tests/support/reminder-instance.ts <mode> '<json>'
 *
 * Modes: `race` says `ready`, waits for a line `go` on stdin, then claims and sends `rounds` times as fast as it can and reports what it queued and sent;
 * `pause-in-claim` stops for good inside the claiming transaction (ledger rows written, their mails not yet);
 * `pause-in-send` claims, then stops for good inside the outbox transaction that is sending a reminder.
 */
import pg from 'pg';
import { processOutbox } from '@/lib/mail/worker';
import { enqueueDueReminders } from '@/lib/reminders/enqueue';

type Args = { now: string; rounds?: number };

const [mode, json] = process.argv.slice(2);
const args = JSON.parse(json ?? '{}') as Args;
const now = new Date(args.now);
const say = (event: string, data: Record<string, unknown> = {}) => process.stdout.write(`${JSON.stringify({ event, ...data })}\n`);
console.info = (...parts: unknown[]) => console.error(...parts);
console.log = (...parts: unknown[]) => console.error(...parts);
const waitForever = () => new Promise<never>(() => setInterval(() => {}, 60_000));

process.stdin.on('close', () => process.exit(2)).resume();
setTimeout(() => process.exit(3), 5 * 60_000).unref();

function pauseBefore(pattern: RegExp) {
  const proto = pg.Client.prototype as unknown as { query: (config: unknown, ...rest: unknown[]) => unknown };
  const query = proto.query;
  proto.query = function (this: pg.Client, config: unknown, ...rest: unknown[]) {
    const text = typeof config === 'string' ? config : (config as { text?: string } | undefined)?.text;
    if (text && pattern.test(text)) {
      say('paused');
      return waitForever();
    }
    return query.call(this, config, ...rest);
  };
}

async function main() {
  if (mode === 'race') {
    let queued = 0;
    let sent = 0;
    say('ready');
    // Waits for "go" on stdin, so the test can start several at the same moment.
    await new Promise<void>((resolve) => process.stdin.on('data', (chunk: Buffer) => chunk.toString().includes('go') && resolve()));
    for (let i = 0; i < (args.rounds ?? 20); i++) {
      queued += await enqueueDueReminders({ now });
      sent += (await processOutbox({ limit: 50 })).sent;
    }
    say('raced', { queued, sent });
    process.exit(0);
  }
  if (mode === 'pause-in-claim') {
    pauseBefore(/^insert into "outbox"/i);
    await enqueueDueReminders({ now });
    throw new Error('the claim was not paused');
  }
  if (mode === 'pause-in-send') {
    const queued = await enqueueDueReminders({ now });
    say('queued', { queued });
    // The reminder's booking is read after the outbox row is locked: stop right there, before SMTP.
    pauseBefore(/from "bookings" inner join "locations"/i);
    await processOutbox({ limit: 1 });
    throw new Error('the send was not paused');
  }
  throw new Error(`unknown mode ${mode}`);
}

main().catch((error: unknown) => {
  say('failed', { error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
