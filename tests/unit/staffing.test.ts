import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { computeSlots, planCapacityChange, staffedCounters, type PlacedBooking, type Staffing } from '@/lib/slots';

const zone = 'Europe/Berlin';
const berlin = (local: string) => DateTime.fromISO(local, { zone }).toJSDate();

// 2026-06-15 is a Monday; 2026-10-26 the Monday after the clocks went back.
const week: Staffing = {
  timeZone: zone,
  windows: [
    { weekday: 1, opensAt: '08:00', closesAt: '12:00', countersOpen: 3 },
    { weekday: 1, opensAt: '13:00', closesAt: '16:00', countersOpen: 1 },
  ],
  counterIds: [11, 12, 13],
};

const booking = (id: number, counterId: number, from: string, to: string): PlacedBooking => ({ id, counterId, start: berlin(from), end: berlin(to) });
const all = () => true;

describe('staffedCounters', () => {
  it('names the first countersOpen counters of the window that holds the whole range', () => {
    expect(staffedCounters(week, berlin('2026-06-15T09:00'), berlin('2026-06-15T09:30'))).toEqual([11, 12, 13]);
    expect(staffedCounters(week, berlin('2026-06-15T13:00'), berlin('2026-06-15T13:30'))).toEqual([11]);
  });

  it('names none across the lunch break, on another weekday, or past closing', () => {
    expect(staffedCounters(week, berlin('2026-06-15T11:45'), berlin('2026-06-15T12:15'))).toEqual([]);
    expect(staffedCounters(week, berlin('2026-06-16T09:00'), berlin('2026-06-16T09:30'))).toEqual([]);
    expect(staffedCounters(week, berlin('2026-06-15T15:45'), berlin('2026-06-15T16:15'))).toEqual([]);
  });

  it('reads wall-clock times after a daylight-saving change', () => {
    expect(staffedCounters(week, berlin('2026-10-26T08:00'), berlin('2026-10-26T08:30'))).toEqual([11, 12, 13]);
    expect(staffedCounters(week, berlin('2026-10-26T07:30'), berlin('2026-10-26T08:30'))).toEqual([]);
  });

  it('agrees with computeSlots: every offered slot lies on a staffed counter', () => {
    const slots = computeSlots({ ...week, closures: [], busy: [], durationMinutes: 20, stepMinutes: 10, minLeadMinutes: 0, horizonDays: 42, now: berlin('2026-10-20T00:00'), from: '2026-10-20', to: '2026-10-31' });
    expect(slots.length).toBeGreaterThan(0);
    for (const slot of slots) expect(staffedCounters(week, slot.start, slot.end)).toEqual(expect.arrayContaining(slot.freeCounterIds));
  });
});

describe('planCapacityChange', () => {
  const fewer: Staffing = { ...week, windows: [{ ...week.windows[0]!, countersOpen: 2 }, week.windows[1]!] };

  it('moves a booking off a counter that closes onto a free one that stays open', () => {
    const plan = planCapacityChange({ before: week, after: fewer, bookings: [booking(1, 13, '2026-06-15T09:00', '2026-06-15T09:30'), booking(2, 11, '2026-06-15T09:00', '2026-06-15T09:30')], movable: all });
    expect(plan).toEqual({ moves: [{ bookingId: 1, counterId: 12 }], stranded: [] });
  });

  it('strands a booking when every counter that stays open is taken, and never puts two moved bookings on one counter', () => {
    const plan = planCapacityChange({
      before: week,
      after: { ...week, windows: [{ ...week.windows[0]!, countersOpen: 1 }] },
      bookings: [booking(1, 12, '2026-06-15T09:00', '2026-06-15T09:30'), booking(2, 13, '2026-06-15T09:10', '2026-06-15T09:40')],
      movable: all,
    });
    expect(plan).toEqual({ moves: [{ bookingId: 1, counterId: 11 }], stranded: [2] });
  });

  it('strands the bookings of a removed window and leaves the rest alone', () => {
    const plan = planCapacityChange({
      before: week,
      after: { ...week, windows: [week.windows[0]!] },
      bookings: [booking(1, 11, '2026-06-15T13:00', '2026-06-15T13:30'), booking(2, 11, '2026-06-15T09:00', '2026-06-15T09:30')],
      movable: all,
    });
    expect(plan).toEqual({ moves: [], stranded: [1] });
  });

  it('follows the preference order when a deactivated counter leaves the list', () => {
    const plan = planCapacityChange({
      before: { ...fewer, counterIds: [11, 12, 13] },
      after: { ...fewer, counterIds: [12, 13] },
      bookings: [booking(1, 11, '2026-06-15T09:00', '2026-06-15T09:30'), booking(2, 12, '2026-06-15T09:00', '2026-06-15T09:30')],
      movable: all,
    });
    expect(plan).toEqual({ moves: [{ bookingId: 1, counterId: 13 }], stranded: [] });
  });

  it('touches only movable bookings and leaves bookings that were outside the hours already', () => {
    const plan = planCapacityChange({
      before: week,
      after: { ...week, windows: [] },
      bookings: [booking(1, 11, '2026-06-15T09:00', '2026-06-15T09:30'), booking(2, 11, '2026-06-15T18:00', '2026-06-15T18:30'), booking(3, 12, '2026-06-15T10:00', '2026-06-15T10:30')],
      movable: (b) => b.id !== 3,
    });
    expect(plan).toEqual({ moves: [], stranded: [1] });
  });

  it('re-packs instead of stranding: A (08:00–08:20), B (08:20–08:40) and C (08:00–08:40) fit two counters', () => {
    const plan = planCapacityChange({
      before: week,
      after: fewer,
      bookings: [booking(1, 11, '2026-06-15T08:00', '2026-06-15T08:20'), booking(2, 12, '2026-06-15T08:20', '2026-06-15T08:40'), booking(3, 13, '2026-06-15T08:00', '2026-06-15T08:40')],
      movable: all,
    });
    expect(plan.stranded).toEqual([]);
    // C takes A's counter, A moves into the free start of B's: two moves, A and B now share a counter.
    expect(plan.moves).toEqual([
      { bookingId: 1, counterId: 12 },
      { bookingId: 3, counterId: 11 },
    ]);
  });

  it('strands only what does not fit beside the others, never a booking that may not move', () => {
    const plan = planCapacityChange({
      before: week,
      after: { ...week, windows: [{ ...week.windows[0]!, countersOpen: 1 }] },
      bookings: [booking(1, 11, '2026-06-15T09:00', '2026-06-15T09:30'), booking(2, 12, '2026-06-15T09:00', '2026-06-15T09:20'), booking(3, 13, '2026-06-15T09:30', '2026-06-15T09:40')],
      movable: (b) => b.id !== 1,
    });
    expect(plan).toEqual({ moves: [{ bookingId: 3, counterId: 11 }], stranded: [2] });
  });
});

