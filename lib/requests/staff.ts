import 'server-only';
import { logFor } from '@/lib/log/logger';
import { getDb } from '@/db/client';
import { loadLocationForBooking, type LocationForBooking } from '@/db/queries/availability';
import { releaseHold } from '@/db/queries/bookings';
import { answerOpenRequest, bookHoldForRequest, findRequestById, listOpenRequests, type RequestDetails } from '@/db/queries/requests';
import { writeAudit } from '@/db/queries/staff';
import { hashPin } from '@/lib/secrets/pin-hash';
import { mayWorkAt, requireStaff, StaffAccessError } from '@/lib/auth/staff-session';
import { findSlots, localToday } from '@/lib/booking/availability';
import type { ChosenService } from '@/lib/booking/choice';
import { holdSlot } from '@/lib/booking/hold';
import { generatePin, generateToken, hashToken } from '@/lib/booking/secrets';
import { enqueueMail } from '@/lib/mail/outbox';
import { durationOf, type LocalDate, type Slot } from '@/lib/slots';
import { locationsFor } from '@/lib/staff/day-plan';
import { errorCause } from '@/lib/log/error-cause';
import { fitsPartOfDay, preferencesPassed } from './preferences';

/** Request-mode locations the signed-in staff member may answer requests for: all for admins, their own for clerks. */
export async function requestLocationsFor() {
  const actor = await requireStaff();
  return (await locationsFor(actor)).filter((l) => l.mode === 'request');
}

/** The request's services as they are offered now; null if one is no longer offered at the location. */
function servicesFor(location: LocationForBooking, request: RequestDetails): ChosenService[] | null {
  const chosen = request.items.map((item) => {
    const service = location.services.find((s) => s.id === item.serviceId);
    return service ? { ...service, count: item.count } : null;
  });
  return chosen.every((s): s is ChosenService => s !== null) ? chosen : null;
}

// Staff may book right up to the start: the citizens' lead time is for online planning.
const forStaff = (location: LocationForBooking): LocationForBooking => ({ ...location, minLeadMinutes: 0 });

export type OpenRequestView = {
  request: RequestDetails;
  /** Null when a service is no longer offered here: the request can only be declined. */
  durationMinutes: number | null;
  /** Every preferred day lies in the past ("Wunschtermine verstrichen"). */
  passed: boolean;
  preferredDays: { date: LocalDate; partOfDay: RequestDetails['preferences'][number]['partOfDay']; passed: boolean; times: Slot[] }[];
  /** Free times on a day the clerk looked up for this request. */
  lookup: { date: LocalDate; times: Slot[] } | null;
};

/**
 * Open requests of `location`, oldest first, each with the free start times on its preferred days that fit
 * the part of day asked for, and on `lookup.date` for the request `lookup.requestId`. Checks the session
 * and that the staff member works at the location.
 */
export async function openRequestsFor({ location, lookup, now = new Date() }: { location: LocationForBooking; lookup?: { requestId: number; date: LocalDate }; now?: Date }): Promise<OpenRequestView[]> {
  const actor = await requireStaff();
  if (!mayWorkAt(actor, location.id)) throw new StaffAccessError('forbidden');
  const requests = await listOpenRequests({ locationId: location.id });
  const today = localToday(location, now);
  return Promise.all(
    requests.map(async (request): Promise<OpenRequestView> => {
      const services = servicesFor(location, request);
      const lookupDate = lookup?.requestId === request.id ? lookup.date : null;
      const dates = [...request.preferences.map((p) => p.date).filter((d) => d >= today), ...(lookupDate ? [lookupDate] : [])].sort();
      const durationMinutes = services ? durationOf(services) : null;
      const slots = durationMinutes && dates.length > 0
        ? await findSlots({ location: forStaff(location), durationMinutes, from: dates[0]!, to: dates.at(-1)!, now, releaseDelayMinutes: 0 })
        : [];
      return {
        request,
        durationMinutes,
        passed: preferencesPassed(request.preferences, today),
        preferredDays: request.preferences.map((p) => ({
          ...p,
          passed: p.date < today,
          times: slots.filter((s) => s.date === p.date && fitsPartOfDay(s.start, p.partOfDay, location.timeZone)),
        })),
        lookup: lookupDate ? { date: lookupDate, times: slots.filter((s) => s.date === lookupDate) } : null,
      };
    }),
  );
}

export type ConfirmRequestResult =
  | { ok: true; bookingId: number; bookingCode: string; start: Date }
  | { ok: false; reason: 'not-found' | 'already-answered' | 'taken' | 'services-unavailable' | 'forbidden' };

class AlreadyAnswered extends Error {}

/**
 * Confirms an open request with a free start: holds the time through the citizens' reservation path (same
 * slot check, same exclusion constraint), then in one transaction books it (source `request`, the request's
 * contact details and a new PIN), marks the request confirmed and queues the usual confirmation mail with
 * number, PIN and .ics. If the request was answered meanwhile or anything fails, the hold is released.
 */
export async function confirmRequest({ requestId, start, now = new Date() }: { requestId: number; start: Date; now?: Date }): Promise<ConfirmRequestResult> {
  const actor = await requireStaff();
  const request = await findRequestById({ id: requestId });
  if (!request) return { ok: false, reason: 'not-found' };
  if (!mayWorkAt(actor, request.locationId)) return { ok: false, reason: 'forbidden' };
  if (request.status !== 'open') return { ok: false, reason: 'already-answered' };
  const location = await loadLocationForBooking({ slug: request.location.slug });
  if (!location) return { ok: false, reason: 'not-found' };
  const services = servicesFor(location, request);
  if (!services) return { ok: false, reason: 'services-unavailable' };

  const tokenHash = hashToken(generateToken());
  const hold = await holdSlot({ location: forStaff(location), services, start, tokenHash, locale: request.locale, now, releaseDelayMinutes: 0 });
  if (!hold.ok) {
    // Two clerks on one request and one time: the loser learns the request is answered, not that the time is gone.
    const current = await findRequestById({ id: requestId });
    return { ok: false, reason: current?.status === 'open' ? 'taken' : 'already-answered' };
  }

  const pin = generatePin();
  try {
    const pinHash = hashPin({ scope: 'booking', id: hold.id, pin });
    const booking = await getDb().transaction(async (tx) => {
      const booked = await bookHoldForRequest({ tokenHash, pinHash, contact: { name: request.name, email: request.email, phone: request.phone }, tx });
      if (!booked) throw new Error('request hold vanished');
      if (!(await answerOpenRequest({ id: request.id, answer: { status: 'confirmed', bookingId: booked.id }, actorId: actor.id, tx }))) throw new AlreadyAnswered();
      if (request.email) await enqueueMail(tx, { kind: 'booking-confirmed', bookingId: booked.id, pin });
      await writeAudit({ tx, actorId: actor.id, action: 'booking-created', entity: 'booking', entityId: booked.id, details: { source: 'request', requestId: request.id } });
      await writeAudit({ tx, actorId: actor.id, action: 'request-confirmed', entity: 'appointment_request', entityId: request.id, details: { bookingId: booked.id, bookingCode: booked.code } });
      return booked;
    });
    return { ok: true, bookingId: booking.id, bookingCode: booking.code, start };
  } catch (error) {
    await releaseHold({ tokenHash }).catch((releaseError: unknown) => logFor('requests').error({ cause: errorCause(releaseError) }, 'could not release hold (it expires by itself)'));
    if (error instanceof AlreadyAnswered) return { ok: false, reason: 'already-answered' };
    throw error;
  }
}

export type DeclineRequestResult = { ok: true } | { ok: false; reason: 'not-found' | 'already-answered' | 'reason-invalid' | 'forbidden' };

/** Declines an open request with a reason the citizen reads in the mail queued in the same transaction. */
export async function declineRequest({ requestId, reason }: { requestId: number; reason: string }): Promise<DeclineRequestResult> {
  const actor = await requireStaff();
  const request = await findRequestById({ id: requestId });
  if (!request) return { ok: false, reason: 'not-found' };
  if (!mayWorkAt(actor, request.locationId)) return { ok: false, reason: 'forbidden' };
  const text = reason.trim();
  if (text.length < 3 || text.length > 500) return { ok: false, reason: 'reason-invalid' };
  return getDb().transaction(async (tx) => {
    if (!(await answerOpenRequest({ id: request.id, answer: { status: 'declined', reason: text }, actorId: actor.id, tx }))) return { ok: false, reason: 'already-answered' };
    if (request.email) await enqueueMail(tx, { kind: 'request-declined', requestId: request.id });
    await writeAudit({ tx, actorId: actor.id, action: 'request-declined', entity: 'appointment_request', entityId: request.id, details: { reason: text } });
    return { ok: true };
  });
}
