/** A calendar date in the location's time zone, `YYYY-MM-DD`. */
export type LocalDate = string;

/** A wall-clock time in the location's time zone, `HH:MM` or `HH:MM:SS` (`24:00` = end of day), as PostgreSQL `time` returns it. */
export type LocalTime = string;

/** One weekly opening window; several per weekday model a lunch break. */
export type WeeklyWindow = {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  opensAt: LocalTime;
  closesAt: LocalTime;
  /** How many counters are staffed in this window: the first `countersOpen` of `AvailabilityInput.counterIds`. */
  countersOpen: number;
};

/** A closure from `startsOn` to `endsOn`, both inclusive. */
export type Closure = {
  startsOn: LocalDate;
  endsOn: LocalDate;
};

/**
 * A time a counter is taken: an active booking or an unexpired hold, `[start, end)`.
 * `kind` says whether it may move to another counter (see `computeSlots`); without it, it stays.
 */
export type BusyInterval = {
  counterId: number;
  start: Date;
  end: Date;
  /**
   * `fixed`: stays on its counter (checked in, done, or set up by hand); `movable`: a booking or hold
   * that may be re-packed onto another staffed counter while it has not started; `released`: a cancelled
   * booking whose time is not offered again yet; it takes capacity but no counter.
   */
  kind?: 'fixed' | 'movable' | 'released';
};

export type AvailabilityInput = {
  /** IANA zone the opening hours and dates are wall-clock in, e.g. `Europe/Berlin`. */
  timeZone: string;
  windows: readonly WeeklyWindow[];
  closures: readonly Closure[];
  /** The location's active counters in preference order; the first ones are staffed first. */
  counterIds: readonly number[];
  busy: readonly BusyInterval[];
  /** Length of the appointment in real elapsed minutes (see `durationOf`). */
  durationMinutes: number;
  /** Slot grid, counted from each window's opening time. */
  stepMinutes: number;
  /** Earliest start is `now + minLeadMinutes`. */
  minLeadMinutes: number;
  /** Last bookable local date is today (in `timeZone`) + `horizonDays`. */
  horizonDays: number;
  now: Date;
  /** First local date to compute, inclusive; clipped to today. */
  from: LocalDate;
  /** Last local date to compute, inclusive; clipped to the horizon. */
  to: LocalDate;
};

/** A bookable start time. */
export type Slot = {
  /** Local date of `start` in the input's time zone. */
  date: LocalDate;
  start: Date;
  end: Date;
  /**
   * Staffed counters free for the whole `[start, end)` as the bookings sit now, in preference order;
   * empty when the start fits only after the day's movable bookings are re-packed onto other counters.
   */
  freeCounterIds: number[];
};
