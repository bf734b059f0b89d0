import { DateTime } from 'luxon';

/** The statuses a clerk moves a booking between at the desk. */
export type DeskStatus = 'booked' | 'checked_in' | 'done' | 'no_show';

export const DESK_STATUSES: readonly DeskStatus[] = ['booked', 'checked_in', 'done', 'no_show'];

/** Why a step is refused; each has a message under `Staff.refused`. */
export type StepRefusal = 'invalid-transition' | 'not-today' | 'not-started';

// Forward steps and their undo. Undo goes back exactly one step, so a mistaken click costs one click.
const FORWARD: Record<DeskStatus, readonly DeskStatus[]> = {
  booked: ['checked_in', 'no_show'],
  checked_in: ['done'],
  done: [],
  no_show: [],
};
const UNDO: Record<DeskStatus, DeskStatus | null> = { booked: null, checked_in: 'booked', done: 'checked_in', no_show: 'booked' };

export const isUndo = (from: DeskStatus, to: DeskStatus) => UNDO[from] === to;

/**
 * Whether a clerk may move a booking from `from` to `to` at `now`: arrival only on the appointment's own day
 * (in the office's time zone), no-show only once the appointment has begun, done only after arrival; each
 * step can be undone.
 */
export function checkStep({ from, to, start, now, timeZone }: { from: string; to: DeskStatus; start: Date; now: Date; timeZone: string }): { ok: true } | { ok: false; reason: StepRefusal } {
  if (!DESK_STATUSES.includes(from as DeskStatus)) return { ok: false, reason: 'invalid-transition' };
  const current = from as DeskStatus;
  if (isUndo(current, to)) return { ok: true };
  if (!FORWARD[current].includes(to)) return { ok: false, reason: 'invalid-transition' };
  const day = (d: Date) => DateTime.fromJSDate(d, { zone: timeZone }).toISODate();
  if (to === 'checked_in' && day(start) !== day(now)) return { ok: false, reason: 'not-today' };
  if (to === 'no_show' && now.getTime() < start.getTime()) return { ok: false, reason: 'not-started' };
  return { ok: true };
}

/** The steps a card offers for this booking now, in the order the buttons appear. */
export function allowedSteps(booking: { status: string; start: Date }, now: Date, timeZone: string): { to: DeskStatus; undo: boolean }[] {
  if (!DESK_STATUSES.includes(booking.status as DeskStatus)) return [];
  const from = booking.status as DeskStatus;
  return DESK_STATUSES.filter((to) => to !== from && checkStep({ from, to, start: booking.start, now, timeZone }).ok).map((to) => ({ to, undo: isUndo(from, to) }));
}
