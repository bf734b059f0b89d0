import { DateTime } from 'luxon';
import type { LocalDate, Slot } from './types';

/** What a waitlist offer must fit: the wish's dates, weekdays and parts of day. */
export type WishWindow = {
  earliestDate: LocalDate;
  latestDate: LocalDate;
  /** ISO weekdays, 1 = Monday. */
  weekdays: readonly number[];
  parts: readonly ('morning' | 'afternoon')[];
};

/** Where morning ends, as for appointment requests: a start before 12:00 local time is morning. */
const NOON_MINUTES = 12 * 60;

/** Whether a slot lies inside a wish (local date, weekday and part of day in `timeZone`). */
export function slotFitsWish(slot: Pick<Slot, 'start'>, wish: WishWindow, timeZone: string): boolean {
  const local = DateTime.fromJSDate(slot.start, { zone: timeZone });
  const date = local.toISODate()!;
  if (date < wish.earliestDate || date > wish.latestDate) return false;
  if (!wish.weekdays.includes(local.weekday)) return false;
  const part = local.hour * 60 + local.minute < NOON_MINUTES ? 'morning' : 'afternoon';
  return wish.parts.includes(part);
}

/**
 * The time a freed range gives a wish: the earliest slot that overlaps the freed `[start, end)`, fits the
 * wish, and does not overlap a time this wish was offered before (declined or let expire: the next wish
 * gets that one). Null if none.
 */
export function pickOfferSlot({ slots, wish, freed, offeredBefore, timeZone }: {
  slots: readonly Slot[];
  wish: WishWindow;
  freed: { start: Date; end: Date };
  offeredBefore: readonly { start: Date; end: Date }[];
  timeZone: string;
}): Slot | null {
  const overlaps = (a: { start: Date; end: Date }, b: { start: Date; end: Date }) => a.start < b.end && b.start < a.end;
  return (
    [...slots]
      .sort((a, b) => a.start.getTime() - b.start.getTime())
      .find((slot) => overlaps(slot, freed) && slotFitsWish(slot, wish, timeZone) && !offeredBefore.some((o) => overlaps(o, slot))) ?? null
  );
}

/** The shortest an offer lasts, however near its time: long enough to read a mail and click. */
export const MIN_OFFER_MINUTES = 15;

/**
 * How long an offer holds its time: the office's period, but at most half the time left until the latest
 * moment the appointment could still be booked (start − lead time), never under `MIN_OFFER_MINUTES`: a time
 * tomorrow morning is not held overnight for someone who may not answer.
 */
export function offerMinutes({ now, start, offerHours, minLeadMinutes }: { now: Date; start: Date; offerHours: number; minLeadMinutes: number }): number {
  const untilLastChance = (start.getTime() - now.getTime()) / 60_000 - minLeadMinutes;
  return Math.max(MIN_OFFER_MINUTES, Math.min(offerHours * 60, Math.floor(untilLastChance / 2)));
}
