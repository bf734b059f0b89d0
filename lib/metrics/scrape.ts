import 'server-only';
import client from 'prom-client';
import { getPool } from '@/db/client';
import { readEventCounts, readOutboxState, type CountedEvent } from '@/db/queries/metric-counts';
import { processMetrics } from './registry';

/** Counts from PostgreSQL, the same on every instance: metric name, help, and the label the stored label goes into. */
const COUNTED: Record<CountedEvent, { name: string; help: string; label: string }> = {
  holds_taken: { name: 'amtstermin_holds_taken_total', help: 'Slot holds taken (all instances)', label: 'source' },
  holds_refused: { name: 'amtstermin_holds_refused_total', help: 'Slot holds refused because the time was taken meanwhile (all instances)', label: 'source' },
  bookings_confirmed: { name: 'amtstermin_bookings_confirmed_total', help: 'Bookings confirmed: online, by staff, from requests, by rescheduling (all instances)', label: 'source' },
  mails_queued: { name: 'amtstermin_outbox_queued_total', help: 'Mails written to the outbox (all instances)', label: 'kind' },
  mails_sent: { name: 'amtstermin_outbox_sent_total', help: 'Mails sent, or dropped on purpose (erased data) (all workers)', label: 'outcome' },
  mails_failed: { name: 'amtstermin_outbox_failed_total', help: 'Mails given up after all retries (all workers)', label: 'kind' },
  rate_limit_refusals: { name: 'amtstermin_rate_limit_refusals_total', help: 'Requests refused by a rate limit, by limit (all instances)', label: 'limit' },
  offers_made: { name: 'amtstermin_waitlist_offers_made_total', help: 'Times offered to a waitlist wish: by the queue (freed or added time), at a release (new-day) or by staff (all instances)', label: 'by' },
  offers_accepted: { name: 'amtstermin_waitlist_offers_accepted_total', help: 'Waitlist offers accepted, i.e. booked (all instances)', label: 'by' },
};

/** The Prometheus text for `/api/metrics`: this process's measurements, then the shared counts from PostgreSQL. */
export async function scrapeMetrics(): Promise<{ contentType: string; body: string }> {
  const [counts, outbox] = await Promise.all([readEventCounts(), readOutboxState()]);
  const shared = new client.Registry();
  const counters = new Map<CountedEvent, client.Counter<string>>();
  for (const [event, metric] of Object.entries(COUNTED) as [CountedEvent, (typeof COUNTED)[CountedEvent]][]) {
    counters.set(event, new client.Counter({ name: metric.name, help: metric.help, labelNames: [metric.label], registers: [shared] }));
  }
  for (const { name, label, value } of counts) {
    const metric = COUNTED[name];
    if (metric) counters.get(name)!.inc(label ? { [metric.label]: label } : {}, value);
  }
  const gauge = (name: string, help: string, value: number) => new client.Gauge({ name, help, registers: [shared] }).set(value);
  gauge('amtstermin_outbox_pending', 'Mails waiting to be sent (all instances)', outbox.pending);
  gauge('amtstermin_outbox_failed', 'Mails given up and not yet resent or erased (see /verwaltung/einstellungen/mails)', outbox.failed);
  gauge('amtstermin_outbox_oldest_pending_age_seconds', 'Age of the oldest mail not yet sent (0 when none waits)', outbox.oldestPendingSeconds);

  const pool = getPool();
  const connections = new client.Gauge({ name: 'amtstermin_db_pool_connections', help: 'This process\'s PostgreSQL pool: open (total), idle, and requests waiting for one', labelNames: ['state'], registers: [shared] });
  connections.set({ state: 'total' }, pool.totalCount);
  connections.set({ state: 'idle' }, pool.idleCount);
  connections.set({ state: 'waiting' }, pool.waitingCount);

  const own = processMetrics().registry;
  return { contentType: own.contentType, body: `${await own.metrics()}\n${await shared.metrics()}` };
}
