import { writeSync } from 'node:fs';
/**
 * A stand-in for an app instance, run as its own process by tests/integration/fault-killed-instance.test.ts
 * so the test can SIGKILL it mid-request. It books through the app's own code on DATABASE_URL and reports
 * on stdout, one JSON object a line, how far it got.
 *
 *   node --import tsx --import ./scripts/allow-server-only.mjs tests/support/booking-instance.ts <mode> '<json>'
 *
 * Modes: `pause-in-hold` stops for good inside the hold transaction (advisory lock taken, held row written,
 * its services not yet); `hold-and-wait` commits a hold and then waits, never confirming; `pause-in-confirm`
 * stops for good inside the confirming transaction (row updated to booked, mail not yet queued); `race` holds
 * each of `attempts` (four at a time, new tokens) and reports how many it got.
 */
import pg from 'pg';
import { loadLocationForBooking } from '@/db/queries/availability';
import { confirmHold, saveHoldContact } from '@/db/queries/bookings';
import { holdSlot } from '@/lib/booking/hold';
import { enqueueMail } from '@/lib/mail/outbox';

type Args = { start: string; counts: Record<string, number>; tokenHash: string; email: string; attempts?: { start: string; counts: Record<string, number> }[] };

const [mode, json] = process.argv.slice(2);
const args = JSON.parse(json ?? '{}') as Args;
const say = (event: string, data: Record<string, unknown> = {}) => writeSync(1, `${JSON.stringify({ event, ...data })}\n`);
// stdout carries only the reports; the app's own log lines (lib/log/logger.ts writes them to stdout, e.g. a hold's re-pack) go to stderr.
process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
const waitForever = () => new Promise<never>(() => setInterval(() => {}, 60_000));

// Never outlive the test: the parent holds our stdin open (it closes when the parent dies), and five minutes is far beyond any test.
process.stdin.on('close', () => process.exit(2)).resume();
setTimeout(() => process.exit(3), 5 * 60_000).unref();

// Freezes this instance just before it sends the statement matching `pattern`, inside whatever transaction is open.
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
  const location = await loadLocationForBooking({ slug: 'buergeramt-mitte' });
  if (!location) throw new Error('the seeded office is missing');
  const services = location.services.filter((s) => args.counts[s.slug]).map((s) => ({ ...s, count: args.counts[s.slug]! }));
  const hold = () => holdSlot({ location, services, start: new Date(args.start), tokenHash: args.tokenHash, locale: 'de' });

  if (mode === 'race') {
    const attempts = [...(args.attempts ?? [])];
    let held = 0;
    const worker = async () => {
      for (let next = attempts.shift(); next; next = attempts.shift()) {
        const chosen = location.services.filter((s) => next!.counts[s.slug]).map((s) => ({ ...s, count: next!.counts[s.slug]! }));
        const outcome = await holdSlot({ location, services: chosen, start: new Date(next.start), tokenHash: `race-${process.pid}-${Math.random()}`, locale: 'de' });
        if (outcome.ok) held++;
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    say('raced', { held });
    process.exit(0);
  }

  if (mode === 'pause-in-hold') {
    pauseBefore(/^insert into "booking_services"/i);
    await hold();
    throw new Error('the hold was not paused');
  }
  const held = await hold();
  if (!held.ok) throw new Error('the slot was taken');
  say('held', { code: held.code, holdExpiresAt: held.holdExpiresAt.toISOString() });
  if (mode === 'hold-and-wait') return waitForever();

  if (mode === 'pause-in-confirm') {
    await saveHoldContact({ tokenHash: args.tokenHash, contact: { name: 'Erika Mustermann', email: args.email, phone: null }, locale: 'de' });
    pauseBefore(/^insert into "outbox"/i);
    await confirmHold({
      tokenHash: args.tokenHash,
      pinHash: 'hash-of-a-pin',
      pinSealed: 'sealed-pin',
      maxFutureBookingsPerEmail: 2,
      afterConfirm: async (tx, booking) => {
        await enqueueMail(tx, { kind: 'booking-confirmed', bookingId: booking.id, pin: '123456' });
      },
    });
    throw new Error('the confirmation was not paused');
  }
  throw new Error(`unknown mode ${mode}`);
}

main().catch((error: unknown) => {
  say('failed', { error: String(error instanceof Error ? error.stack : error) });
  process.exit(1);
});
