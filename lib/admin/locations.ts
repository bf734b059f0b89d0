import 'server-only';
import { getDb } from '@/db/client';
import { countActiveCounters, deleteWindow, findCounter, findWindow, insertCounter, insertWindow, listAdminLocations, listCounters, listWindows, lockLocation, updateCounter } from '@/db/queries/admin-locations';
import { writeAudit } from '@/db/queries/staff';
import type { StaffUser } from '@/lib/auth/staff-session';
import { clockTime } from '@/lib/format';
import { assertAdmin } from './access';
import { refuse, type Problems, type Refusal } from './problems';

export async function listLocationsForAdmin({ actor }: { actor: StaffUser | null }) {
  assertAdmin(actor);
  return listAdminLocations();
}

export type WindowInput = { locationId: number; weekday: number; opensAt: string; closesAt: string; countersOpen: number };

/** 'HH:MM' or 'HH:MM:SS' → 'HH:MM:SS', the form PostgreSQL returns, so times compare as strings. */
const fullTime = (time: string) => (time.length === 5 ? `${time}:00` : time);

/**
 * Adds a weekly window after checking it against the location's others under a lock on the location:
 * no overlap with another window of that weekday, and no more counters open than the location has active.
 */
export async function addOpeningWindow({ actor, input }: { actor: StaffUser | null; input: WindowInput }): Promise<{ ok: true; id: number } | Refusal> {
  assertAdmin(actor);
  const opensAt = fullTime(input.opensAt);
  const closesAt = fullTime(input.closesAt);
  if (closesAt <= opensAt) return refuse('closesAt', 'closesBeforeOpens');
  return getDb().transaction(async (tx) => {
    if (!(await lockLocation({ id: input.locationId, tx }))) return refuse('form', 'locationUnknown');
    const [windows, activeCounters] = await Promise.all([listWindows({ locationId: input.locationId, tx }), countActiveCounters({ locationId: input.locationId, tx })]);
    const problems: Problems = {};
    const overlapping = windows.find((w) => w.weekday === input.weekday && w.opensAt < closesAt && opensAt < w.closesAt);
    if (overlapping) problems.opensAt = { key: 'windowOverlap', values: { from: clockTime(overlapping.opensAt), to: clockTime(overlapping.closesAt) } };
    if (input.countersOpen < 1) problems.countersOpen = { key: 'countersMin' };
    else if (input.countersOpen > activeCounters) problems.countersOpen = { key: 'countersOverLimit', values: { max: activeCounters } };
    if (Object.keys(problems).length > 0) return { ok: false as const, problems };

    const row = await insertWindow({ locationId: input.locationId, weekday: input.weekday, opensAt, closesAt, countersOpen: input.countersOpen, tx });
    await writeAudit({ tx, actorId: actor.id, action: 'opening-hours-added', entity: 'opening_hours', entityId: row.id, details: { locationId: row.locationId, weekday: row.weekday, opensAt: row.opensAt, closesAt: row.closesAt, countersOpen: row.countersOpen } });
    return { ok: true as const, id: row.id };
  });
}

/** Removes a weekly window; existing bookings in it stay. */
export async function removeOpeningWindow({ actor, windowId }: { actor: StaffUser | null; windowId: number }): Promise<{ ok: true } | Refusal> {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const window = await findWindow({ id: windowId, tx });
    if (!window) return refuse('form', 'notFound');
    await lockLocation({ id: window.locationId, tx });
    const removed = await deleteWindow({ id: windowId, tx });
    if (!removed) return refuse('form', 'notFound');
    await writeAudit({ tx, actorId: actor.id, action: 'opening-hours-removed', entity: 'opening_hours', entityId: windowId, details: { locationId: removed.locationId, weekday: removed.weekday, opensAt: removed.opensAt, closesAt: removed.closesAt, countersOpen: removed.countersOpen } });
    return { ok: true as const };
  });
}

export async function addCounter({ actor, locationId, name }: { actor: StaffUser | null; locationId: number; name: string }): Promise<{ ok: true; id: number } | Refusal> {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const location = await lockLocation({ id: locationId, tx });
    if (!location) return refuse('form', 'locationUnknown');
    if ((await listCounters({ locationId, tx })).some((c) => c.name.toLowerCase() === name.toLowerCase())) return refuse('name', 'counterNameTaken');
    const row = await insertCounter({ locationId, name, tx });
    await writeAudit({ tx, actorId: actor.id, action: 'counter-added', entity: 'counter', entityId: row.id, details: { locationId, name } });
    return { ok: true as const, id: row.id };
  });
}

export async function renameCounter({ actor, counterId, name }: { actor: StaffUser | null; counterId: number; name: string }): Promise<{ ok: true } | Refusal> {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const counter = await findCounter({ id: counterId, tx });
    if (!counter) return refuse('form', 'notFound');
    await lockLocation({ id: counter.locationId, tx });
    if ((await listCounters({ locationId: counter.locationId, tx })).some((c) => c.id !== counterId && c.name.toLowerCase() === name.toLowerCase())) return refuse('name', 'counterNameTaken');
    await updateCounter({ id: counterId, name, tx });
    await writeAudit({ tx, actorId: actor.id, action: 'counter-renamed', entity: 'counter', entityId: counterId, details: { locationId: counter.locationId, from: counter.name, to: name } });
    return { ok: true as const };
  });
}

/**
 * Activates or deactivates a counter. A counter the opening hours still need (a window opens more counters
 * than would stay active) cannot be deactivated: reduce that window first. Its existing bookings stay.
 */
export async function setCounterActive({ actor, counterId, active }: { actor: StaffUser | null; counterId: number; active: boolean }): Promise<{ ok: true } | Refusal> {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const found = await findCounter({ id: counterId, tx });
    if (!found) return refuse('form', 'notFound');
    await lockLocation({ id: found.locationId, tx });
    const counter = (await findCounter({ id: counterId, tx }))!;
    if (counter.active === active) return { ok: true as const };
    if (!active) {
      const [windows, activeCounters] = await Promise.all([listWindows({ locationId: counter.locationId, tx }), countActiveCounters({ locationId: counter.locationId, tx })]);
      const needed = Math.max(0, ...windows.map((w) => w.countersOpen));
      if (needed > activeCounters - 1) return refuse('form', 'counterNeededByHours', { needed, name: counter.name });
    }
    await updateCounter({ id: counterId, active, tx });
    await writeAudit({ tx, actorId: actor.id, action: active ? 'counter-activated' : 'counter-deactivated', entity: 'counter', entityId: counterId, details: { locationId: counter.locationId, name: counter.name } });
    return { ok: true as const };
  });
}
