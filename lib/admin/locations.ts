import 'server-only';
import { getDb, type Tx } from '@/db/client';
import { countActiveCounters, deleteWindow, findCounter, findWindow, insertCounter, insertWindow, listAdminLocations, listCounters, listWindows, lockLocation, updateCounter, updateWindowCounters } from '@/db/queries/admin-locations';
import { writeAudit } from '@/db/queries/staff';
import type { StaffUser } from '@/lib/auth/staff-session';
import { clockTime } from '@/lib/format';
import { assertAdmin } from './access';
import { currentStaffing, queueAddedCapacity, settleBookings, windowOccurrences, type NeedsConfirmation, type Settled } from './capacity';
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
 * The waitlist gets first pick of the new times (`queueAddedCapacity`).
 */
export async function addOpeningWindow({ actor, input, now = new Date() }: { actor: StaffUser | null; input: WindowInput; now?: Date }): Promise<{ ok: true; id: number } | Refusal> {
  assertAdmin(actor);
  const opensAt = fullTime(input.opensAt);
  const closesAt = fullTime(input.closesAt);
  if (closesAt <= opensAt) return refuse('closesAt', 'closesBeforeOpens');
  return getDb().transaction(async (tx) => {
    const location = await lockLocation({ id: input.locationId, tx });
    if (!location) return refuse('form', 'locationUnknown');
    const [windows, activeCounters] = await Promise.all([listWindows({ locationId: input.locationId, tx }), countActiveCounters({ locationId: input.locationId, tx })]);
    const problems: Problems = {};
    const overlapping = windows.find((w) => w.weekday === input.weekday && w.opensAt < closesAt && opensAt < w.closesAt);
    if (overlapping) problems.opensAt = { key: 'windowOverlap', values: { from: clockTime(overlapping.opensAt), to: clockTime(overlapping.closesAt) } };
    if (input.countersOpen < 1) problems.countersOpen = { key: 'countersMin' };
    else if (input.countersOpen > activeCounters) problems.countersOpen = { key: 'countersOverLimit', values: { max: activeCounters } };
    if (Object.keys(problems).length > 0) return { ok: false as const, problems };

    const row = await insertWindow({ locationId: input.locationId, weekday: input.weekday, opensAt, closesAt, countersOpen: input.countersOpen, tx });
    await writeAudit({ tx, actorId: actor.id, action: 'opening-hours-added', entity: 'opening_hours', entityId: row.id, details: { locationId: row.locationId, weekday: row.weekday, opensAt: row.opensAt, closesAt: row.closesAt, countersOpen: row.countersOpen } });
    await queueAddedCapacity({ tx, locationId: location.id, ranges: windowOccurrences({ location, weekday: row.weekday, opensAt: row.opensAt, closesAt: row.closesAt, now }) });
    return { ok: true as const, id: row.id };
  });
}

/** A window's location, locked, with its staffing as it is now; null when the window is gone (also after waiting for the lock). */
async function lockWindowStaffing({ windowId, tx }: { windowId: number; tx: Tx }) {
  const window = await findWindow({ id: windowId, tx });
  if (!window) return null;
  const location = (await lockLocation({ id: window.locationId, tx }))!;
  const before = await currentStaffing({ location, tx });
  const current = before.windows.find((w) => w.id === windowId);
  return current ? { location, before, window: current } : null;
}

export type CapacityChangeResult = Settled | NeedsConfirmation | (Refusal & { needsConfirmation?: undefined });

/**
 * Removes a weekly window. Bookings in it that no other window covers are stranded: they come back to
 * confirm, and are cancelled with a mail when confirmed (see `settleBookings`).
 */
export async function removeOpeningWindow({ actor, windowId, confirmedBookingIds, now = new Date() }: { actor: StaffUser | null; windowId: number; confirmedBookingIds?: number[]; now?: Date }): Promise<CapacityChangeResult> {
  assertAdmin(actor);
  return getDb().transaction(async (tx): Promise<CapacityChangeResult> => {
    const found = await lockWindowStaffing({ windowId, tx });
    if (!found) return refuse('form', 'notFound');
    const { location, before } = found;
    const after = { ...before, windows: before.windows.filter((w) => w.id !== windowId) };
    const settled = await settleBookings({ tx, actor, location, before, after, confirmedBookingIds, now });
    if (!settled.ok) return settled;
    const removed = (await deleteWindow({ id: windowId, tx }))!;
    await writeAudit({ tx, actorId: actor.id, action: 'opening-hours-removed', entity: 'opening_hours', entityId: windowId, details: { locationId: removed.locationId, weekday: removed.weekday, opensAt: removed.opensAt, closesAt: removed.closesAt, countersOpen: removed.countersOpen, movedBookingIds: settled.movedBookingIds, cancelledBookingIds: settled.cancelledBookingIds } });
    return settled;
  });
}

/**
 * Changes how many counters a window opens. Fewer counters move bookings onto those that stay open
 * where there is room; the rest are stranded and need the admin's confirmation (see `settleBookings`).
 * More counters give the waitlist first pick of the new times (`queueAddedCapacity`).
 */
export async function setWindowCounters({ actor, windowId, countersOpen, confirmedBookingIds, now = new Date() }: { actor: StaffUser | null; windowId: number; countersOpen: number; confirmedBookingIds?: number[]; now?: Date }): Promise<CapacityChangeResult> {
  assertAdmin(actor);
  return getDb().transaction(async (tx): Promise<CapacityChangeResult> => {
    const found = await lockWindowStaffing({ windowId, tx });
    if (!found) return refuse('form', 'notFound');
    const { location, before, window: current } = found;
    if (countersOpen < 1) return refuse('countersOpen', 'countersMin');
    if (countersOpen > before.counterIds.length) return refuse('countersOpen', 'countersOverLimit', { max: before.counterIds.length });
    if (countersOpen === current.countersOpen) return { ok: true, movedBookingIds: [], cancelledBookingIds: [] };
    const after = { ...before, windows: before.windows.map((w) => (w.id === windowId ? { ...w, countersOpen } : w)) };
    const settled = await settleBookings({ tx, actor, location, before, after, confirmedBookingIds, now });
    if (!settled.ok) return settled;
    await updateWindowCounters({ id: windowId, countersOpen, tx });
    await writeAudit({ tx, actorId: actor.id, action: 'opening-hours-changed', entity: 'opening_hours', entityId: windowId, details: { locationId: location.id, weekday: current.weekday, opensAt: current.opensAt, closesAt: current.closesAt, countersOpen: { from: current.countersOpen, to: countersOpen }, movedBookingIds: settled.movedBookingIds, cancelledBookingIds: settled.cancelledBookingIds } });
    if (countersOpen > current.countersOpen) await queueAddedCapacity({ tx, locationId: location.id, ranges: windowOccurrences({ location, weekday: current.weekday, opensAt: current.opensAt, closesAt: current.closesAt, now }) });
    return settled;
  });
}

/**
 * Adds an active counter at the end of the location's list. It adds no free time by itself: windows staff
 * their first `countersOpen` counters, so the new one is used (and the waitlist offered its times) once a
 * window opens it (`setWindowCounters`).
 */
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
 * Activates or deactivates a counter; either can change which counters the windows staff (the first
 * ones in position order), so bookings are settled as below. Windows that open more counters than stay active are lowered to
 * what is left; the counter's bookings move to counters that stay open where there is room, the rest
 * are stranded and need the admin's confirmation (see `settleBookings`). The last active counter of a
 * location with opening hours cannot be deactivated.
 */
export async function setCounterActive({ actor, counterId, active, confirmedBookingIds, now = new Date() }: { actor: StaffUser | null; counterId: number; active: boolean; confirmedBookingIds?: number[]; now?: Date }): Promise<CapacityChangeResult> {
  assertAdmin(actor);
  return getDb().transaction(async (tx): Promise<CapacityChangeResult> => {
    const found = await findCounter({ id: counterId, tx });
    if (!found) return refuse('form', 'notFound');
    const location = (await lockLocation({ id: found.locationId, tx }))!;
    const counter = (await findCounter({ id: counterId, tx }))!;
    if (counter.active === active) return { ok: true, movedBookingIds: [], cancelledBookingIds: [] };
    const before = await currentStaffing({ location, tx });
    if (active) {
      // Staffed counters are the first ones in position order: a counter back in the list can push
      // another out of a window, whose bookings then move (usually onto the counter just activated).
      const after = { ...before, counterIds: (await listCounters({ locationId: location.id, tx })).filter((c) => c.active || c.id === counterId).map((c) => c.id) };
      const settled = await settleBookings({ tx, actor, location, before, after, confirmedBookingIds, now });
      if (!settled.ok) return settled;
      await updateCounter({ id: counterId, active, tx });
      await writeAudit({ tx, actorId: actor.id, action: 'counter-activated', entity: 'counter', entityId: counterId, details: { locationId: counter.locationId, name: counter.name, movedBookingIds: settled.movedBookingIds, cancelledBookingIds: settled.cancelledBookingIds } });
      return settled;
    }
    const counterIds = before.counterIds.filter((id) => id !== counterId);
    if (counterIds.length === 0 && before.windows.length > 0) return refuse('form', 'counterNeededByHours', { name: counter.name });
    const lowered = before.windows.filter((w) => w.countersOpen > counterIds.length);
    const after = { ...before, counterIds, windows: before.windows.map((w) => ({ ...w, countersOpen: Math.min(w.countersOpen, counterIds.length) })) };
    const settled = await settleBookings({ tx, actor, location, before, after, confirmedBookingIds, now });
    if (!settled.ok) return settled;
    for (const window of lowered) await updateWindowCounters({ id: window.id, countersOpen: counterIds.length, tx });
    await updateCounter({ id: counterId, active, tx });
    await writeAudit({ tx, actorId: actor.id, action: 'counter-deactivated', entity: 'counter', entityId: counterId, details: { locationId: counter.locationId, name: counter.name, loweredWindowIds: lowered.map((w) => w.id), movedBookingIds: settled.movedBookingIds, cancelledBookingIds: settled.cancelledBookingIds } });
    return settled;
  });
}
