import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  type AvailabilityInput,
  type Slot,
  computeSlots,
  daysWithSlots,
  durationOf,
  findSlot,
  firstSlot,
  groupByLocalDate,
} from '@/lib/slots';

const zone = 'Europe/Berlin';

/** An instant from a Berlin wall-clock time, e.g. `2026-06-15T08:00`. */
function berlin(local: string): Date {
  return DateTime.fromISO(local, { zone }).toJSDate();
}

function wallClock(date: Date): string {
  return DateTime.fromJSDate(date, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

function starts(slots: Slot[]): string[] {
  return slots.map((s) => wallClock(s.start));
}

// 2026-06-15 is a Monday.
function input(overrides: Partial<AvailabilityInput> = {}): AvailabilityInput {
  return {
    timeZone: zone,
    windows: [{ weekday: 1, opensAt: '08:00', closesAt: '10:00', countersOpen: 3 }],
    closures: [],
    counterIds: [1, 2, 3],
    busy: [],
    durationMinutes: 30,
    stepMinutes: 15,
    minLeadMinutes: 0,
    horizonDays: 42,
    now: berlin('2026-06-14T12:00'),
    from: '2026-06-15',
    to: '2026-06-15',
    ...overrides,
  };
}

describe('computeSlots', () => {
  it('offers every step from opening while the whole duration fits', () => {
    const slots = computeSlots(input());

    expect(starts(slots)).toEqual([
      '2026-06-15T08:00',
      '2026-06-15T08:15',
      '2026-06-15T08:30',
      '2026-06-15T08:45',
      '2026-06-15T09:00',
      '2026-06-15T09:15',
      '2026-06-15T09:30',
    ]);
    for (const slot of slots) {
      expect(slot.end.getTime() - slot.start.getTime()).toBe(30 * 60_000);
      expect(slot.date).toBe('2026-06-15');
      expect(slot.freeCounterIds).toEqual([1, 2, 3]);
    }
  });

  it('counts the grid from each window opening and accepts HH:MM:SS', () => {
    const slots = computeSlots(
      input({
        windows: [{ weekday: 1, opensAt: '08:05:00', closesAt: '09:00:00', countersOpen: 1 }],
        durationMinutes: 20,
        stepMinutes: 10,
      }),
    );

    expect(starts(slots)).toEqual(['2026-06-15T08:05', '2026-06-15T08:15', '2026-06-15T08:25', '2026-06-15T08:35']);
  });

  it('never spans the lunch break', () => {
    const slots = computeSlots(
      input({
        windows: [
          { weekday: 1, opensAt: '13:00', closesAt: '14:00', countersOpen: 3 },
          { weekday: 1, opensAt: '08:00', closesAt: '12:00', countersOpen: 3 },
        ],
        durationMinutes: 45,
      }),
    );

    const times = starts(slots);
    expect(times).toContain('2026-06-15T11:15');
    expect(times).not.toContain('2026-06-15T11:30');
    expect(times.filter((t) => t >= '2026-06-15T12:00')).toEqual(['2026-06-15T13:00', '2026-06-15T13:15']);
    expect(slots.some((s) => s.start < berlin('2026-06-15T12:00') && s.end > berlin('2026-06-15T12:00'))).toBe(false);
  });

  it('returns the slots sorted by start across windows and days', () => {
    const slots = computeSlots(
      input({
        windows: [
          { weekday: 2, opensAt: '08:00', closesAt: '09:00', countersOpen: 1 },
          { weekday: 1, opensAt: '14:00', closesAt: '15:00', countersOpen: 1 },
          { weekday: 1, opensAt: '08:00', closesAt: '09:00', countersOpen: 1 },
        ],
        to: '2026-06-16',
      }),
    );

    const times = slots.map((s) => s.start.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(daysWithSlots(slots)).toEqual(['2026-06-15', '2026-06-16']);
  });

  it('never offers a slot on a closure', () => {
    const slots = computeSlots(
      input({
        windows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: '08:00', closesAt: '10:00', countersOpen: 3 })),
        closures: [
          { startsOn: '2026-06-16', endsOn: '2026-06-17' },
          { startsOn: '2026-06-19', endsOn: '2026-06-19' },
        ],
        to: '2026-06-19',
      }),
    );

    expect(daysWithSlots(slots)).toEqual(['2026-06-15', '2026-06-18']);
  });

  it('offers nothing on a weekday without opening hours', () => {
    expect(computeSlots(input({ from: '2026-06-16', to: '2026-06-21' }))).toEqual([]);
  });

  it('offers no start before now plus the lead time, keeping the grid', () => {
    const slots = computeSlots(
      input({ now: berlin('2026-06-15T08:07'), minLeadMinutes: 60, stepMinutes: 10, durationMinutes: 20, to: '2026-06-22' }),
    );

    expect(firstSlot(slots) && wallClock(firstSlot(slots)!.start)).toBe('2026-06-15T09:10');
    expect(starts(slots).filter((t) => t.startsWith('2026-06-15'))).toEqual([
      '2026-06-15T09:10',
      '2026-06-15T09:20',
      '2026-06-15T09:30',
      '2026-06-15T09:40',
    ]);
    expect(starts(slots)).toContain('2026-06-22T08:00');
  });

  it('offers nothing today when the lead time runs past closing', () => {
    const slots = computeSlots(input({ now: berlin('2026-06-15T09:00'), minLeadMinutes: 120 }));

    expect(slots).toEqual([]);
  });

  it('offers no day after today plus the horizon', () => {
    const slots = computeSlots(
      input({
        windows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensAt: '08:00', closesAt: '09:00', countersOpen: 1 })),
        now: berlin('2026-06-15T20:00'),
        horizonDays: 3,
        from: '2026-06-10',
        to: '2026-06-30',
      }),
    );

    expect(daysWithSlots(slots)).toEqual(['2026-06-16', '2026-06-17', '2026-06-18']);
  });

  it('counts today and the horizon in local dates, not UTC', () => {
    // 23:30 in Berlin is still the 14th in UTC; today is the 15th locally.
    const slots = computeSlots(
      input({
        windows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensAt: '08:00', closesAt: '09:00', countersOpen: 1 })),
        now: berlin('2026-06-15T00:30'),
        horizonDays: 1,
        from: '2026-06-14',
        to: '2026-06-20',
      }),
    );

    expect(daysWithSlots(slots)).toEqual(['2026-06-15', '2026-06-16']);
  });

  it('drops a busy counter from freeCounterIds while it overlaps the slot', () => {
    const slots = computeSlots(
      input({ busy: [{ counterId: 2, start: berlin('2026-06-15T09:00'), end: berlin('2026-06-15T09:30') }] }),
    );
    const free = (local: string) => findSlot(slots, berlin(local))?.freeCounterIds;

    expect(free('2026-06-15T08:30')).toEqual([1, 2, 3]);
    expect(free('2026-06-15T08:45')).toEqual([1, 3]);
    expect(free('2026-06-15T09:00')).toEqual([1, 3]);
    expect(free('2026-06-15T09:15')).toEqual([1, 3]);
    expect(free('2026-06-15T09:30')).toEqual([1, 2, 3]);
  });

  it('ignores busy intervals of counters that are not listed', () => {
    const slots = computeSlots(
      input({ busy: [{ counterId: 99, start: berlin('2026-06-15T08:00'), end: berlin('2026-06-15T10:00') }] }),
    );

    expect(slots).toHaveLength(7);
    expect(slots.every((s) => s.freeCounterIds.length === 3)).toBe(true);
  });

  it('does not offer a time when every staffed counter is busy', () => {
    const busy = [1, 2, 3].map((counterId) => ({
      counterId,
      start: berlin('2026-06-15T08:30'),
      end: berlin('2026-06-15T09:00'),
    }));
    const slots = computeSlots(input({ busy }));

    expect(starts(slots)).toEqual(['2026-06-15T08:00', '2026-06-15T09:00', '2026-06-15T09:15', '2026-06-15T09:30']);
  });

  it('staffs only the first countersOpen counters in preference order', () => {
    const windows = [
      { weekday: 1, opensAt: '08:00', closesAt: '09:00', countersOpen: 2 },
      { weekday: 1, opensAt: '10:00', closesAt: '11:00', countersOpen: 3 },
    ];
    const slots = computeSlots(input({ windows, counterIds: [3, 1, 2] }));

    expect(findSlot(slots, berlin('2026-06-15T08:00'))?.freeCounterIds).toEqual([3, 1]);
    expect(findSlot(slots, berlin('2026-06-15T10:00'))?.freeCounterIds).toEqual([3, 1, 2]);
  });

  it('does not offer an unstaffed free counter when the staffed ones are busy', () => {
    const windows = [{ weekday: 1, opensAt: '08:00', closesAt: '09:00', countersOpen: 2 }];
    const busy = [1, 2].map((counterId) => ({ counterId, start: berlin('2026-06-15T08:00'), end: berlin('2026-06-15T08:30') }));
    const slots = computeSlots(input({ windows, busy }));

    expect(starts(slots)).toEqual(['2026-06-15T08:30']);
    expect(slots[0]?.freeCounterIds).toEqual([1, 2]);
  });

  it('leaves one staffed counter when the other of two is busy', () => {
    const windows = [{ weekday: 1, opensAt: '08:00', closesAt: '09:00', countersOpen: 2 }];
    const busy = [{ counterId: 1, start: berlin('2026-06-15T08:00'), end: berlin('2026-06-15T09:00') }];
    const slots = computeSlots(input({ windows, busy }));

    expect(slots.map((s) => s.freeCounterIds)).toEqual([[2], [2], [2]]);
  });

  it('staffs every listed counter when countersOpen exceeds them', () => {
    const slots = computeSlots(input({ windows: [{ weekday: 1, opensAt: '08:00', closesAt: '09:00', countersOpen: 5 }] }));

    expect(slots[0]?.freeCounterIds).toEqual([1, 2, 3]);
  });

  it('starts at 08:00 local on the spring-forward day and the day after', () => {
    const slots = computeSlots(
      input({
        windows: [6, 7, 1].map((weekday) => ({ weekday, opensAt: '08:00', closesAt: '12:30', countersOpen: 1 })),
        now: berlin('2026-03-20T12:00'),
        from: '2026-03-28',
        to: '2026-03-30',
      }),
    );
    const byDate = groupByLocalDate(slots);

    const expected: [string, string][] = [
      ['2026-03-28', '2026-03-28T07:00:00.000Z'],
      ['2026-03-29', '2026-03-29T06:00:00.000Z'],
      ['2026-03-30', '2026-03-30T06:00:00.000Z'],
    ];
    for (const [date, utc] of expected) {
      const first = byDate.get(date)?.[0];
      expect(first?.start.toISOString()).toBe(utc);
      expect(DateTime.fromJSDate(first!.start, { zone }).toFormat('HH:mm')).toBe('08:00');
      const last = byDate.get(date)?.at(-1);
      expect(DateTime.fromJSDate(last!.end, { zone }).toFormat('HH:mm')).toBe('12:30');
      expect(byDate.get(date)).toHaveLength(17);
    }
    expect(DateTime.fromJSDate(byDate.get('2026-03-29')![0]!.start, { zone }).offset).toBe(120);
  });

  it('starts at 08:00 local on the fall-back day and the day after', () => {
    const slots = computeSlots(
      input({
        windows: [6, 7, 1].map((weekday) => ({ weekday, opensAt: '08:00', closesAt: '12:30', countersOpen: 1 })),
        now: berlin('2026-10-20T12:00'),
        from: '2026-10-24',
        to: '2026-10-26',
      }),
    );
    const byDate = groupByLocalDate(slots);

    const expected: [string, string][] = [
      ['2026-10-24', '2026-10-24T06:00:00.000Z'],
      ['2026-10-25', '2026-10-25T07:00:00.000Z'],
      ['2026-10-26', '2026-10-26T07:00:00.000Z'],
    ];
    for (const [date, utc] of expected) {
      const first = byDate.get(date)?.[0];
      expect(first?.start.toISOString()).toBe(utc);
      expect(DateTime.fromJSDate(first!.start, { zone }).toFormat('HH:mm')).toBe('08:00');
      expect(byDate.get(date)).toHaveLength(17);
    }
    expect(DateTime.fromJSDate(byDate.get('2026-10-25')![0]!.start, { zone }).offset).toBe(60);
  });

  it('offers nothing in a window inside the hour skipped by spring-forward', () => {
    const slots = computeSlots(
      input({
        windows: [{ weekday: 7, opensAt: '02:00', closesAt: '03:00', countersOpen: 1 }],
        now: berlin('2026-03-20T12:00'),
        from: '2026-03-29',
        to: '2026-03-29',
      }),
    );

    expect(slots).toEqual([]);
  });

  it('measures a window across a daylight-saving change in real minutes', () => {
    const windows = [{ weekday: 7, opensAt: '01:00', closesAt: '04:00', countersOpen: 1 }];
    const options = { windows, stepMinutes: 60, durationMinutes: 60 };
    const spring = computeSlots(input({ ...options, now: berlin('2026-03-20T12:00'), from: '2026-03-29', to: '2026-03-29' }));
    const autumn = computeSlots(input({ ...options, now: berlin('2026-10-20T12:00'), from: '2026-10-25', to: '2026-10-25' }));

    expect(spring.map((s) => s.start.toISOString())).toEqual(['2026-03-29T00:00:00.000Z', '2026-03-29T01:00:00.000Z']);
    expect(autumn.map((s) => s.start.toISOString())).toEqual([
      '2026-10-24T23:00:00.000Z',
      '2026-10-25T00:00:00.000Z',
      '2026-10-25T01:00:00.000Z',
      '2026-10-25T02:00:00.000Z',
    ]);
  });

  it('accepts 24:00 as the end of the day', () => {
    const slots = computeSlots(input({ windows: [{ weekday: 1, opensAt: '23:00', closesAt: '24:00:00', countersOpen: 1 }] }));

    expect(starts(slots)).toEqual(['2026-06-15T23:00', '2026-06-15T23:15', '2026-06-15T23:30']);
    expect(slots.at(-1)?.end.toISOString()).toBe(berlin('2026-06-16T00:00').toISOString());
  });

  it('reports a start offered by two overlapping windows once', () => {
    const windows = [
      { weekday: 1, opensAt: '08:00', closesAt: '09:00', countersOpen: 1 },
      { weekday: 1, opensAt: '08:30', closesAt: '09:30', countersOpen: 2 },
    ];
    const slots = computeSlots(input({ windows }));

    expect(starts(slots)).toEqual([
      '2026-06-15T08:00',
      '2026-06-15T08:15',
      '2026-06-15T08:30',
      '2026-06-15T08:45',
      '2026-06-15T09:00',
    ]);
    expect(findSlot(slots, berlin('2026-06-15T08:30'))?.freeCounterIds).toEqual([1, 2]);
  });

  it('returns nothing when from is after to', () => {
    expect(computeSlots(input({ from: '2026-06-16', to: '2026-06-15' }))).toEqual([]);
  });

  it('rejects an unknown time zone, a bad date or time and a non-positive step or duration', () => {
    expect(() => computeSlots(input({ timeZone: 'Mars/Olympus' }))).toThrow(RangeError);
    expect(() => computeSlots(input({ from: '2026-02-30' }))).toThrow(RangeError);
    expect(() => computeSlots(input({ to: '15.06.2026' }))).toThrow(RangeError);
    expect(() => computeSlots(input({ windows: [{ weekday: 1, opensAt: '8:00', closesAt: '09:00', countersOpen: 1 }] }))).toThrow(
      RangeError,
    );
    expect(() => computeSlots(input({ stepMinutes: 0 }))).toThrow(RangeError);
    expect(() => computeSlots(input({ durationMinutes: 0 }))).toThrow(RangeError);
  });
});

describe('durationOf', () => {
  it('sums minutes per unit times count', () => {
    expect(durationOf([{ minutesPerUnit: 15, count: 2 }, { minutesPerUnit: 10, count: 1 }])).toBe(40);
  });

  it('is zero for no services', () => {
    expect(durationOf([])).toBe(0);
  });
});

describe('slot lists', () => {
  const slot = (local: string): Slot => ({
    date: local.slice(0, 10),
    start: berlin(local),
    end: new Date(berlin(local).getTime() + 600_000),
    freeCounterIds: [1],
  });
  const slots = [slot('2026-06-15T08:00'), slot('2026-06-15T08:10'), slot('2026-06-17T09:00')];

  it('groups slots by local date in order', () => {
    const byDate = groupByLocalDate(slots);

    expect([...byDate.keys()]).toEqual(['2026-06-15', '2026-06-17']);
    expect(byDate.get('2026-06-15')).toEqual([slots[0], slots[1]]);
  });

  it('lists the days with slots', () => {
    expect(daysWithSlots([...slots].reverse())).toEqual(['2026-06-15', '2026-06-17']);
  });

  it('finds the first slot, or none', () => {
    expect(firstSlot([...slots].reverse())).toBe(slots[0]);
    expect(firstSlot([])).toBeUndefined();
  });

  it('finds a slot by its exact start', () => {
    expect(findSlot(slots, berlin('2026-06-15T08:10'))).toBe(slots[1]);
    expect(findSlot(slots, berlin('2026-06-15T08:05'))).toBeUndefined();
  });
});
