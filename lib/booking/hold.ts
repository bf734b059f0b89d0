import 'server-only';
import { DateTime } from 'luxon';
import type { LocationForBooking } from '@/db/queries/availability';
import { insertHold, type CounterPolicy } from '@/db/queries/bookings';
import { countEvent } from '@/db/queries/metric-counts';
import { durationOf, findSlot, type Slot } from '@/lib/slots';
import { findSlots } from './availability';
import type { ChosenService } from './choice';

export type HoldOutcome =
  | { ok: true; id: number; code: string; holdExpiresAt: Date }
  | { ok: false; reason: 'taken'; alternatives: Slot[] };

/** Nearest other starts to `start` on the same day, for the "just taken" answer. */
function nearest(slots: Slot[], start: Date, count = 4): Slot[] {
  return [...slots].sort((a, b) => Math.abs(a.start.getTime() - start.getTime()) - Math.abs(b.start.getTime() - start.getTime())).slice(0, count).sort((a, b) => a.start.getTime() - b.start.getTime());
}

const queues = new Map<string, Promise<unknown>>();

/** Runs `run` after every earlier call with the same key in this process has settled. */
function inProcessQueue<T>(key: string, run: () => Promise<T>): Promise<T> {
  const next = (queues.get(key) ?? Promise.resolve()).catch(() => undefined).then(run);
  queues.set(key, next);
  void next.catch(() => undefined).finally(() => queues.get(key) === next && queues.delete(key));
  return next;
}

/**
 * Holds `start` for the chosen services: re-checks that the slot is offered (hours, closures, lead time,
 * horizon, capacity), then lets PostgreSQL pick a free counter, re-packing the day's movable bookings
 * when none is free as they sit. Never trusts a duration or counter from the client.
 */
export async function holdSlot({ location, services, start, tokenHash, locale, now = new Date(), releaseDelayMinutes, counterPolicy, respectRelease }: {
  location: LocationForBooking;
  services: ChosenService[];
  start: Date;
  tokenHash: string;
  locale: string;
  now?: Date;
  /** See findSlots; staff pass 0. */
  releaseDelayMinutes?: number;
  /** See insertHold; only the benchmark passes `fixed`. */
  counterPolicy?: CounterPolicy;
  /** See findSlots; staff pass false. */
  respectRelease?: boolean;
}): Promise<HoldOutcome> {
  const durationMinutes = durationOf(services);
  const day = DateTime.fromJSDate(start, { zone: location.timeZone }).toISODate()!;
  const slots = await findSlots({ location, durationMinutes, from: day, to: day, now, releaseDelayMinutes, counterPolicy, respectRelease });
  const slot = findSlot(slots, start);
  // Not offered any more: almost always because others took the last counter since the page was shown.
  if (!slot) {
    await countEvent({ name: 'holds_refused', label: 'online' });
    return { ok: false, reason: 'taken', alternatives: nearest(slots, start) };
  }

  // Spread concurrent holders over the free counters instead of letting all queue on the first. With
  // none free as the bookings sit, insertHold re-packs the day.
  const offset = Math.floor(Math.random() * slot.freeCounterIds.length);
  const counterIds = [...slot.freeCounterIds.slice(offset), ...slot.freeCounterIds.slice(0, offset)];
  // Inserts of one office day queue on a PostgreSQL lock anyway (insertHold); queuing here first keeps this
  // process's waiters off the connection pool, which the time pages and the other steps need meanwhile.
  // The checks above still run side by side; PostgreSQL still decides.
  const hold = await inProcessQueue(`${location.id}:${day}`, () => insertHold({
    locationId: location.id,
    counterIds,
    start: slot.start,
    end: slot.end,
    tokenHash,
    holdMinutes: location.holdMinutes,
    locale,
    items: services.map((s) => ({ serviceId: s.id, count: s.count, minutesPerUnit: s.minutesPerUnit })),
    counterPolicy,
  }));
  if (hold) return { ok: true, id: hold.id, code: hold.code, holdExpiresAt: hold.holdExpiresAt };
  const fresh = await findSlots({ location, durationMinutes, from: day, to: day, now, releaseDelayMinutes, counterPolicy, respectRelease });
  return { ok: false, reason: 'taken', alternatives: nearest(fresh, start) };
}
