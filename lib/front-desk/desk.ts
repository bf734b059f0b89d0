import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { loadLocationForBooking } from '@/db/queries/availability';
import {
  bookingNames,
  countersOf,
  frontDeskLocation,
  insertVisit,
  latestCalls,
  lockBookingForCheckIn,
  lockVisit,
  lockWaitingRoom,
  nextVisitNumber,
  notifyFrontDesk,
  updateVisit,
  visitOfBooking,
  visitsOfDay,
  type VisitRow,
} from '@/db/queries/front-desk';
import { writeAudit } from '@/db/queries/staff';
import { bookings } from '@/db/schema';
import { mayWorkAt, StaffAccessError, type StaffUser } from '@/lib/auth/staff-session';
import { findSlots, localToday } from '@/lib/booking/availability';
import { holdSlot } from '@/lib/booking/hold';
import { generateToken, hashToken, normalizeBookingCode } from '@/lib/booking/secrets';
import { durationOf } from '@/lib/slots';
import { appointmentsSinceLastWalkIn, checkInWindow, estimatedWaits, queueOrder, ticketLabel } from './queue';

export type Ticket = { visitId: number; label: string; kind: 'appointment' | 'walk_in'; waitMinutes: number; ahead: number };

export type CheckInResult = { ok: true; ticket: Ticket } | { ok: false; reason: 'not-found' | 'too-early' | 'too-late' | 'not-active' };

async function numberVisit(tx: Tx, args: { locationId: number; timeZone: string; bookingId: number; kind: 'appointment' | 'walk_in'; scheduledAt: Date; minutes: number; now: Date }): Promise<VisitRow> {
  await lockWaitingRoom({ locationId: args.locationId, tx });
  const day = localToday({ timeZone: args.timeZone }, args.now);
  const number = await nextVisitNumber({ locationId: args.locationId, day, tx });
  const visit = await insertVisit({ tx, locationId: args.locationId, bookingId: args.bookingId, day, number, kind: args.kind, scheduledAt: args.scheduledAt, minutes: args.minutes, checkedInAt: args.now });
  await notifyFrontDesk({ locationId: args.locationId, tx });
  return visit;
}

/**
 * Checks an appointment in at the kiosk of `locationId`, by its booking number (typed) or the QR code's token:
 * only inside the office's window around the start; a second scan gives the same number again.
 */
export async function checkInAppointment({ locationId, code, token, now = new Date() }: { locationId: number; code?: string; token?: string; now?: Date }): Promise<CheckInResult> {
  const location = await frontDeskLocation({ id: locationId });
  if (!location) return { ok: false, reason: 'not-found' };
  const visit = await getDb().transaction(async (tx) => {
    const booking = await lockBookingForCheckIn({ locationId, code: code ? normalizeBookingCode(code) : undefined, token: token?.trim(), tx });
    if (!booking) return 'not-found' as const;
    const existing = await visitOfBooking({ bookingId: booking.id, tx });
    if (existing) return existing;
    if (booking.status !== 'booked' && booking.status !== 'checked_in') return 'not-active' as const;
    const window = checkInWindow({ start: booking.during.start, now, earlyMinutes: location.checkInEarlyMinutes, lateMinutes: location.checkInLateMinutes });
    if (window !== 'ok') return window;
    await tx.update(bookings).set({ status: 'checked_in', checkedInAt: now, doneAt: null }).where(eq(bookings.id, booking.id));
    return numberVisit(tx, { locationId, timeZone: location.timeZone, bookingId: booking.id, kind: 'appointment', scheduledAt: booking.during.start, minutes: booking.minutes, now });
  });
  if (typeof visit === 'string') return { ok: false, reason: visit };
  return { ok: true, ticket: await ticketOf(visit, now) };
}

export type WalkInTicketResult = { ok: true; ticket: Ticket } | { ok: false; reason: 'unknown-service' | 'no-time-today' };

/**
 * A walk-in draws a number for one service: the earliest free time today is booked through the citizens' hold
 * path (the same capacity check and exclusion constraint, no second booking path) and checked in at once.
 */
export async function drawWalkInTicket({ locationId, serviceSlug, now = new Date() }: { locationId: number; serviceSlug: string; now?: Date }): Promise<WalkInTicketResult> {
  const office = await frontDeskLocation({ id: locationId });
  const location = office ? await loadLocationForBooking({ slug: office.slug }) : null;
  const service = location?.services.find((s) => s.slug === serviceSlug);
  if (!office || !location || !service) return { ok: false, reason: 'unknown-service' };
  const chosen = [{ ...service, count: 1 }];
  const minutes = durationOf(chosen);
  const walkInLocation = { ...location, minLeadMinutes: 0 };
  const today = localToday(location, now);
  for (let attempt = 0; attempt < 3; attempt++) {
    const slots = await findSlots({ location: walkInLocation, durationMinutes: minutes, from: today, to: today, now, releaseDelayMinutes: 0 });
    const slot = slots[0];
    if (!slot) return { ok: false, reason: 'no-time-today' };
    const tokenHash = hashToken(generateToken());
    const hold = await holdSlot({ location: walkInLocation, services: chosen, start: slot.start, tokenHash, locale: 'de', now, releaseDelayMinutes: 0 });
    if (!hold.ok) continue; // taken meanwhile by someone else: the next free time
    const visit = await getDb().transaction(async (tx) => {
      const [booking] = await tx
        .update(bookings)
        .set({ status: 'checked_in', source: 'staff', confirmedAt: now, checkedInAt: now, holdTokenHash: null, holdExpiresAt: null })
        .where(eq(bookings.id, hold.id))
        .returning({ id: bookings.id });
      if (!booking) throw new Error('walk-in hold vanished');
      return numberVisit(tx, { locationId, timeZone: location.timeZone, bookingId: booking.id, kind: 'walk_in', scheduledAt: slot.start, minutes, now });
    });
    return { ok: true, ticket: await ticketOf(visit, now) };
  }
  return { ok: false, reason: 'no-time-today' };
}

export type QueueEntry = VisitRow & { label: string; waitMinutes: number; waitedMinutes: number };

/** The office's waiting room today: who waits, in calling order with an estimate, and who is at which counter. */
export async function waitingRoom({ locationId, timeZone, walkInEvery, now = new Date() }: { locationId: number; timeZone: string; walkInEvery: number; now?: Date }) {
  const day = localToday({ timeZone }, now);
  const all = await visitsOfDay({ locationId, day });
  return arrange(all, walkInEvery, now);
}

function arrange(all: VisitRow[], walkInEvery: number, now: Date) {
  const calledKinds = all.filter((v) => v.calledAt).sort((a, b) => a.calledAt!.getTime() - b.calledAt!.getTime()).map((v) => v.kind);
  const order = queueOrder({ waiting: all.filter((v) => v.status === 'waiting'), walkInEvery, appointmentsSinceWalkIn: appointmentsSinceLastWalkIn(calledKinds) });
  const serving = all.filter((v) => v.status === 'called');
  const recentCounters = new Set(all.filter((v) => v.lastCalledAt && now.getTime() - v.lastCalledAt.getTime() < 3_600_000).map((v) => v.counterId));
  const busyMinutes = serving.reduce((sum, v) => sum + Math.max(0, v.minutes - Math.round((now.getTime() - (v.lastCalledAt ?? now).getTime()) / 60_000)), 0);
  const waits = estimatedWaits({ order, counters: recentCounters.size, busyMinutes, now });
  const entry = (v: VisitRow): QueueEntry => ({ ...v, label: ticketLabel(v), waitMinutes: waits.get(v.id) ?? 0, waitedMinutes: Math.max(0, Math.floor((now.getTime() - v.checkedInAt.getTime()) / 60_000)) });
  return { waiting: order.map(entry), serving: serving.map(entry) };
}

async function ticketOf(visit: VisitRow, now: Date): Promise<Ticket> {
  const location = await frontDeskLocation({ id: visit.locationId });
  const room = await waitingRoom({ locationId: visit.locationId, timeZone: location!.timeZone, walkInEvery: location!.walkInEvery, now });
  const index = room.waiting.findIndex((v) => v.id === visit.id);
  return { visitId: visit.id, label: ticketLabel(visit), kind: visit.kind, waitMinutes: index >= 0 ? room.waiting[index]!.waitMinutes : 0, ahead: Math.max(0, index) };
}

/** The ticket a kiosk just printed, again (the ticket page after the redirect); only the kiosk's own office, only today. */
export async function ticketForKiosk({ locationId, visitId, now = new Date() }: { locationId: number; visitId: number; now?: Date }): Promise<Ticket | null> {
  const location = await frontDeskLocation({ id: locationId });
  if (!location) return null;
  const visit = (await visitsOfDay({ locationId, day: localToday(location, now) })).find((v) => v.id === visitId);
  return visit ? ticketOf(visit, now) : null;
}

/** What a call display shows: the latest calls with their counters. Numbers only, never a name. */
export async function displayState({ locationId, timeZone, now = new Date() }: { locationId: number; timeZone: string; now?: Date }) {
  const calls = await latestCalls({ locationId, day: localToday({ timeZone }, now), limit: 7 });
  return { calls: calls.map((c) => ({ id: c.id, label: ticketLabel(c), counter: c.counterName, calls: c.calls, at: c.lastCalledAt!.toISOString() })) };
}

// Calling

export type CallResult = { ok: true; label: string | null } | { ok: false; reason: 'forbidden' | 'not-found' | 'stale' | 'unknown-counter' };

async function staffVisit(tx: Tx, actor: StaffUser, visitId: number) {
  const visit = await lockVisit({ visitId, tx });
  if (!visit) return 'not-found' as const;
  if (!mayWorkAt(actor, visit.locationId)) return 'forbidden' as const;
  return visit;
}

async function counterAt(tx: Tx, locationId: number, counterId: number) {
  return (await countersOf({ locationId, tx })).find((c) => c.id === counterId) ?? null;
}

/**
 * "Nächste Person aufrufen" at `counterId`: whoever is first in the queue now (or `visitId`, a chosen waiting
 * number). Calls of one office queue on a lock, so two clerks pressing at once call two different people; the
 * person still at this counter is done with.
 */
export async function callNext({ actor, locationId, counterId, visitId, now = new Date() }: { actor: StaffUser | null; locationId: number; counterId: number; visitId?: number; now?: Date }): Promise<CallResult> {
  if (!actor) throw new StaffAccessError('signed-out');
  if (!mayWorkAt(actor, locationId)) return { ok: false, reason: 'forbidden' };
  const location = await frontDeskLocation({ id: locationId });
  if (!location) return { ok: false, reason: 'not-found' };
  return getDb().transaction(async (tx): Promise<CallResult> => {
    if (!(await counterAt(tx, locationId, counterId))) return { ok: false, reason: 'unknown-counter' };
    await lockWaitingRoom({ locationId, tx });
    const all = await visitsOfDay({ locationId, day: localToday(location, now), tx });
    for (const current of all.filter((v) => v.status === 'called' && v.counterId === counterId)) await endVisit(tx, current, 'done', now);
    const { waiting } = arrange(all.filter((v) => !(v.status === 'called' && v.counterId === counterId)), location.walkInEvery, now);
    const next = visitId === undefined ? waiting[0] : waiting.find((v) => v.id === visitId);
    if (!next) {
      await notifyFrontDesk({ locationId, tx });
      return visitId === undefined ? { ok: true, label: null } : { ok: false, reason: 'stale' };
    }
    await updateVisit({ tx, visitId: next.id, values: { status: 'called', counterId, calledAt: now, lastCalledAt: now, calls: next.calls + 1, calledBy: actor.id } });
    await notifyFrontDesk({ locationId, tx });
    return { ok: true, label: next.label };
  });
}

async function endVisit(tx: Tx, visit: VisitRow, status: 'done' | 'no_show', now: Date) {
  await updateVisit({ tx, visitId: visit.id, values: { status, endedAt: now } });
  await tx.update(bookings).set(status === 'done' ? { status: 'done', doneAt: now } : { status: 'no_show' }).where(eq(bookings.id, visit.bookingId));
}

/** "Erneut aufrufen", "Nicht erschienen", "Fertig" or "An Schalter … weitergeben" for a visit that was called. */
export async function changeVisit({ actor, visitId, step, counterId, now = new Date() }: { actor: StaffUser | null; visitId: number; step: 'recall' | 'no-show' | 'done' | 'hand-over'; counterId?: number; now?: Date }): Promise<CallResult> {
  if (!actor) throw new StaffAccessError('signed-out');
  return getDb().transaction(async (tx): Promise<CallResult> => {
    const visit = await staffVisit(tx, actor, visitId);
    if (typeof visit === 'string') return { ok: false, reason: visit };
    if (visit.status !== 'called') return { ok: false, reason: 'stale' };
    await lockWaitingRoom({ locationId: visit.locationId, tx });
    if (step === 'recall') await updateVisit({ tx, visitId, values: { lastCalledAt: now, calls: visit.calls + 1 } });
    else if (step === 'hand-over') {
      if (counterId === undefined || !(await counterAt(tx, visit.locationId, counterId))) return { ok: false, reason: 'unknown-counter' };
      await updateVisit({ tx, visitId, values: { counterId, lastCalledAt: now, calls: visit.calls + 1 } });
    } else await endVisit(tx, visit, step === 'done' ? 'done' : 'no_show', now);
    await writeAudit({ tx, actorId: actor.id, action: `visit-${step}`, entity: 'booking', entityId: visit.bookingId, details: { number: ticketLabel(visit) } });
    await notifyFrontDesk({ locationId: visit.locationId, tx });
    return { ok: true, label: ticketLabel(visit) };
  });
}

/** The waiting room for the staff: the queue with the names behind the numbers, for offices the actor works at. */
export async function waitingRoomForStaff({ actor, locationId, now = new Date() }: { actor: StaffUser | null; locationId: number; now?: Date }) {
  if (!actor) throw new StaffAccessError('signed-out');
  if (!mayWorkAt(actor, locationId)) throw new StaffAccessError('forbidden');
  const location = await frontDeskLocation({ id: locationId });
  if (!location) return null;
  const room = await waitingRoom({ locationId, timeZone: location.timeZone, walkInEvery: location.walkInEvery, now });
  const names = await bookingNames({ ids: [...room.waiting, ...room.serving].map((v) => v.bookingId) });
  const named = (v: QueueEntry) => ({ ...v, name: names.get(v.bookingId) ?? null });
  return { location, counters: await countersOf({ locationId }), waiting: room.waiting.map(named), serving: room.serving.map(named) };
}
