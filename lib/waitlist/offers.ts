import 'server-only';
import { DateTime } from 'luxon';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { loadBusyIntervals, loadClosures, loadLocationForBooking, type LocationForBooking } from '@/db/queries/availability';
import { confirmHold, insertHold } from '@/db/queries/bookings';
import { countEvent } from '@/db/queries/metric-counts';
import { closeWish, copyWishContactToOffer, currentOffer, queuedWishesAt, releaseOffer, waitlistOffersDuring } from '@/db/queries/waitlist';
import { findSlots } from '@/lib/booking/availability';
import { generatePin, generateToken, hashToken, sealPin } from '@/lib/booking/secrets';
import { logFor } from '@/lib/log/logger';
import { enqueueMail } from '@/lib/mail/outbox';
import { hashPin } from '@/lib/secrets/pin-hash';
import { durationOf, freeGridMinutes, gridMinutesOf, newDayBudgetMinutes, offerMinutes, pickOfferSlot, type BusyInterval, type LocalDate } from '@/lib/slots';

const log = logFor('waitlist');

export type MadeOffer = { wishId: number; bookingId: number; start: Date; end: Date; holdExpiresAt: Date };

async function bookableOffice(locationId: number): Promise<LocationForBooking | null> {
  const { rows: [row] } = await getDb().execute<{ slug: string }>(sql`select slug from locations where id = ${locationId} and mode = 'booking'`);
  return row ? loadLocationForBooking({ slug: row.slug }) : null;
}

/**
 * Offers the free times of office `locationId` that overlap `[from, to)` to the waiting wishes, longest
 * waiting first: each wish that a free time fits (its services' length, dates, weekdays, parts of day, not
 * offered to it before) gets the earliest such time as an offer, a hold through `insertHold` in the wish's
 * name that the public availability does not show, with the offer mail in the same transaction. Safe with
 * any number of callers at once: the exclusion constraint gives a time to one hold, and a unique index gives
 * a wish one standing offer. The events that free or add a time (cancellation, given-up hold or offer; more
 * hours or counters open, a closure lifted, a longer horizon or shorter notice) reach it through the
 * `waitlist_sweeps` queue.
 */
export async function offerFreeTimes({ locationId, from, to, now = new Date() }: { locationId: number; from: Date; to: Date; now?: Date }): Promise<MadeOffer[]> {
  const location = await bookableOffice(locationId);
  if (!location) return [];
  return offerInRange({ location, from, to, now, respectRelease: true, label: 'queue' });
}

/**
 * Gives the waitlist its share of newly released days `[from, to)` before the public sees them: per day,
 * `waitlist_new_day_share` percent of the day's capacity (its free slot-grid minutes, `freeGridMinutes`, as
 * if the waitlist held nothing there) is offered to the waiting wishes, longest waiting first, as
 * `offerFreeTimes` does; each offer takes the grid minutes it touches, and a wish whose appointment no longer
 * fits into what is left of the day's share gets none there. Offers the waitlist holds there already count
 * (`newDayBudgetMinutes`), so a retry takes no more. Nothing at share 0. Run by the worker for the
 * `new_days` jobs `queueNewDays` writes.
 */
export async function offerNewDays({ locationId, from, to, now = new Date() }: { locationId: number; from: Date; to: Date; now?: Date }): Promise<MadeOffer[]> {
  const location = await bookableOffice(locationId);
  if (!location || location.waitlistNewDayShare <= 0) return [];
  const zone = location.timeZone;
  const days: LocalDate[] = [];
  for (let day = DateTime.fromJSDate(from, { zone }).startOf('day'); day.toMillis() < to.getTime(); day = day.plus({ days: 1 })) days.push(day.toISODate()!);
  if (days.length === 0) return [];
  const [closures, busy, offered] = await Promise.all([
    loadClosures({ locationId, from: days[0]!, to: days[days.length - 1]! }),
    loadBusyIntervals({ locationId, from, to, releaseDelayMinutes: 0 }),
    waitlistOffersDuring({ locationId, from, to }),
  ]);
  // One booking per counter and time (the exclusion constraint): counter, start and end name an offer.
  const isOffer = (b: BusyInterval) => offered.some((o) => o.counterId === b.counterId && o.start.getTime() === b.start.getTime() && o.end.getTime() === b.end.getTime());
  const grid = (date: LocalDate, taken: readonly BusyInterval[]) =>
    freeGridMinutes({ timeZone: zone, windows: location.windows, closures, counterIds: location.counterIds, busy: taken, stepMinutes: location.slotStepMinutes, date });
  const budget = new Map(
    days.map((date) => {
      const capacityMinutes = grid(date, busy.filter((b) => !isOffer(b)));
      return [date, newDayBudgetMinutes({ share: location.waitlistNewDayShare, capacityMinutes, takenMinutes: capacityMinutes - grid(date, busy) })];
    }),
  );
  log.info({ locationId, budgetMinutes: Object.fromEntries(budget) }, 'new days: the waitlist takes its share');
  // The days are not public yet, so look past the release; without a schedule a day is released as it
  // enters the horizon at midnight, and this runs a little before: one day more.
  return offerInRange({ location: { ...location, bookingHorizonDays: location.bookingHorizonDays + 1 }, from, to, now, respectRelease: false, budget, label: 'new-day' });
}

/**
 * The offering loop of `offerFreeTimes` and `offerNewDays`: `budget`, when given, holds the grid minutes the
 * waitlist may still take per local date, and an offer is made only on a day where its grid minutes fit.
 */
async function offerInRange({ location, from, to, now, respectRelease, budget, label }: { location: LocationForBooking; from: Date; to: Date; now: Date; respectRelease: boolean; budget?: Map<LocalDate, number>; label: 'queue' | 'new-day' }): Promise<MadeOffer[]> {
  const locationId = location.id;
  const zone = location.timeZone;
  const fromDate = DateTime.fromJSDate(from, { zone }).toISODate()!;
  const toDate = DateTime.fromJSDate(new Date(to.getTime() - 1), { zone }).toISODate()!;
  const made: MadeOffer[] = [];
  for (const wish of await queuedWishesAt({ locationId, fromDate, toDate })) {
    const items = wish.items.map((item) => {
      const service = location.services.find((s) => s.id === item.serviceId);
      return service && item.count <= service.maxCount ? { serviceId: item.serviceId, count: item.count, minutesPerUnit: service.minutesPerUnit } : null;
    });
    if (items.length === 0 || items.some((i) => i === null)) continue;
    const holdItems = items.filter((i) => i !== null);
    const first = wish.earliestDate > fromDate ? wish.earliestDate : fromDate;
    const last = wish.latestDate < toDate ? wish.latestDate : toDate;
    if (first > last) continue;
    const durationMinutes = durationOf(holdItems);
    const cost = gridMinutesOf(durationMinutes, location.slotStepMinutes);
    if (budget && ![...budget.values()].some((left) => left >= cost)) continue;
    // A freed time goes to the waitlist at once; the release delay keeps it from the public meanwhile.
    const found = await findSlots({ location, durationMinutes, from: first, to: last, now, releaseDelayMinutes: 0, respectRelease });
    const slots = budget ? found.filter((s) => (budget.get(s.date) ?? 0) >= cost) : found;
    const slot = pickOfferSlot({ slots, wish, freed: { start: from, end: to }, offeredBefore: wish.offeredBefore, timeZone: zone });
    if (!slot) continue;
    const hold = await insertHold({
      locationId,
      counterIds: slot.freeCounterIds,
      start: slot.start,
      end: slot.end,
      tokenHash: hashToken(generateToken()),
      holdMinutes: offerMinutes({ now, start: slot.start, offerHours: location.waitlistOfferHours, minLeadMinutes: location.minLeadMinutes }),
      locale: wish.locale,
      items: holdItems,
      source: 'waitlist',
      wishId: wish.id,
      afterInsert: async (tx, hold) => {
        await copyWishContactToOffer({ wishId: wish.id, bookingId: hold.id, tx });
        await enqueueMail(tx, { kind: 'waitlist-offer', bookingId: hold.id });
        await countEvent({ name: 'offers_made', label, tx });
      },
    });
    if (!hold) continue;
    made.push({ wishId: wish.id, bookingId: hold.id, start: slot.start, end: slot.end, holdExpiresAt: hold.holdExpiresAt });
    budget?.set(slot.date, budget.get(slot.date)! - cost);
  }
  if (made.length > 0) log.info({ locationId, offers: made.map((m) => `wish #${m.wishId} → hold #${m.bookingId}`) }, `${made.length} offer(s) made`);
  return made;
}

export type AcceptOutcome =
  | { status: 'booked'; bookingId: number; code: string; pin: string }
  /** No offer stands (declined, expired, or none made). */
  | { status: 'no-offer' }
  | { status: 'limit-reached' };

/**
 * Accepts the wish's standing offer: the hold becomes a booking through the usual `confirmHold` (the per-address
 * cap applies), with a new booking PIN and the usual confirmation mail; the wish is fulfilled in the same transaction.
 */
export async function acceptOffer({ wishId, maxFutureBookingsPerEmail = 2 }: { wishId: number; maxFutureBookingsPerEmail?: number }): Promise<AcceptOutcome> {
  const offer = await currentOffer({ wishId });
  if (!offer?.holdTokenHash) return { status: 'no-offer' };
  const pin = generatePin();
  const { rows: [office] } = await getDb().execute<{ max: number }>(sql`select max_future_bookings_per_email as max from locations where id = ${offer.locationId}`);
  const result = await confirmHold({
    tokenHash: offer.holdTokenHash,
    pinHash: hashPin({ scope: 'booking', id: offer.id, pin }),
    // Only the mail carries this PIN: no browser holds the offer's token, so the sealed copy is never opened.
    pinSealed: sealPin(pin, generateToken()),
    maxFutureBookingsPerEmail: office?.max ?? maxFutureBookingsPerEmail,
    afterConfirm: async (tx, booking) => {
      await closeWish({ wishId, status: 'fulfilled', tx });
      await enqueueMail(tx, { kind: 'booking-confirmed', bookingId: booking.id, pin });
      await countEvent({ name: 'offers_accepted', tx });
    },
  });
  if (result.status === 'confirmed') return { status: 'booked', bookingId: result.booking.id, code: result.booking.code, pin };
  if (result.status === 'limit-reached') return { status: 'limit-reached' };
  return { status: 'no-offer' };
}

/** Declines the wish's standing offer: its time goes to the next matching wish (or the public); the wish keeps waiting. */
export async function declineOffer({ wishId }: { wishId: number }): Promise<boolean> {
  return releaseOffer({ wishId });
}

/** Withdraws a wish; a standing offer is released in the same transaction. */
export async function withdrawWish({ wishId }: { wishId: number }): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    if (!(await closeWish({ wishId, status: 'withdrawn', tx }))) return false;
    await releaseOffer({ wishId, tx });
    return true;
  });
}

/**
 * Offers `start` at office `locationId` to one waiting wish by hand (a clerk's choice): the time must be free
 * (staff may use a just-cancelled time at once and need no lead time), fit the wish, and the wish must hold no
 * offer. Goes through `insertHold` like every offer; the mail goes out in the same transaction. Null if not.
 */
export async function offerTimeToWish({ locationId, wishId, start, now = new Date() }: { locationId: number; wishId: number; start: Date; now?: Date }): Promise<MadeOffer | null> {
  const location = await bookableOffice(locationId);
  if (!location) return null;
  const wish = (await queuedWishesAt({ locationId, fromDate: '0001-01-01', toDate: '9999-12-31' })).find((w) => w.id === wishId);
  if (!wish) return null;
  const items = wish.items.map((item) => {
    const service = location.services.find((s) => s.id === item.serviceId);
    return service ? { serviceId: item.serviceId, count: item.count, minutesPerUnit: service.minutesPerUnit } : null;
  });
  if (items.some((i) => i === null)) return null;
  const holdItems = items.filter((i) => i !== null);
  const day = DateTime.fromJSDate(start, { zone: location.timeZone }).toISODate()!;
  const slots = await findSlots({ location: { ...location, minLeadMinutes: 0 }, durationMinutes: durationOf(holdItems), from: day, to: day, now, releaseDelayMinutes: 0 });
  const slot = slots.find((s) => s.start.getTime() === start.getTime());
  if (!slot || !pickOfferSlot({ slots: [slot], wish, freed: slot, offeredBefore: [], timeZone: location.timeZone })) return null;
  const hold = await insertHold({
    locationId,
    counterIds: slot.freeCounterIds,
    start: slot.start,
    end: slot.end,
    tokenHash: hashToken(generateToken()),
    holdMinutes: offerMinutes({ now, start: slot.start, offerHours: location.waitlistOfferHours, minLeadMinutes: 0 }),
    locale: wish.locale,
    items: holdItems,
    source: 'waitlist',
    wishId,
    afterInsert: async (tx, hold) => {
      await copyWishContactToOffer({ wishId, bookingId: hold.id, tx });
      await enqueueMail(tx, { kind: 'waitlist-offer', bookingId: hold.id });
      await countEvent({ name: 'offers_made', label: 'staff', tx });
    },
  });
  return hold ? { wishId, bookingId: hold.id, start: slot.start, end: slot.end, holdExpiresAt: hold.holdExpiresAt } : null;
}
