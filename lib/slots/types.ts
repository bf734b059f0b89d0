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

/** A time a counter is taken: an active booking or an unexpired hold, `[start, end)`. */
export type BusyInterval = {
  counterId: number;
  start: Date;
  end: Date;
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
  /** Staffed counters free for the whole `[start, end)`, in preference order; never empty. */
  freeCounterIds: number[];
};
