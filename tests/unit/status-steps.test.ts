import { describe, expect, it } from 'vitest';
import { allowedSteps, checkStep } from '@/lib/staff/status-steps';

const zone = 'Europe/Berlin';
const start = new Date('2026-12-15T08:20:00+01:00');
const step = (from: string, to: 'booked' | 'checked_in' | 'done' | 'no_show', now: string) => checkStep({ from, to, start, now: new Date(now), timeZone: zone });

describe('desk status steps', () => {
  it('allows arrival only on the appointment’s own day in the office’s time zone', () => {
    expect(step('booked', 'checked_in', '2026-12-02T09:00:00+01:00')).toEqual({ ok: false, reason: 'not-today' });
    expect(step('booked', 'checked_in', '2026-12-15T07:00:00+01:00')).toEqual({ ok: true });
    expect(step('booked', 'checked_in', '2026-12-15T17:00:00+01:00')).toEqual({ ok: true });
    // 23:30 UTC on the 14th is already the 15th in Berlin.
    expect(step('booked', 'checked_in', '2026-12-14T23:30:00Z')).toEqual({ ok: true });
    expect(step('booked', 'checked_in', '2026-12-16T08:00:00+01:00')).toEqual({ ok: false, reason: 'not-today' });
  });

  it('allows no-show only once the appointment has begun', () => {
    expect(step('booked', 'no_show', '2026-12-15T04:52:00+01:00')).toEqual({ ok: false, reason: 'not-started' });
    expect(step('booked', 'no_show', '2026-12-15T08:20:00+01:00')).toEqual({ ok: true });
    expect(step('booked', 'no_show', '2026-12-18T08:20:00+01:00')).toEqual({ ok: true });
  });

  it('allows done only after arrival', () => {
    expect(step('booked', 'done', '2026-12-15T09:00:00+01:00')).toEqual({ ok: false, reason: 'invalid-transition' });
    expect(step('checked_in', 'done', '2026-12-15T09:00:00+01:00')).toEqual({ ok: true });
    expect(step('no_show', 'done', '2026-12-15T09:00:00+01:00')).toEqual({ ok: false, reason: 'invalid-transition' });
  });

  it('undoes each step by one, at any time, and refuses other jumps', () => {
    expect(step('checked_in', 'booked', '2026-12-20T09:00:00+01:00')).toEqual({ ok: true });
    expect(step('done', 'checked_in', '2026-12-20T09:00:00+01:00')).toEqual({ ok: true });
    expect(step('no_show', 'booked', '2026-12-20T09:00:00+01:00')).toEqual({ ok: true });
    expect(step('done', 'booked', '2026-12-15T09:00:00+01:00')).toEqual({ ok: false, reason: 'invalid-transition' });
    expect(step('cancelled', 'booked', '2026-12-15T09:00:00+01:00')).toEqual({ ok: false, reason: 'invalid-transition' });
    expect(step('checked_in', 'no_show', '2026-12-15T09:00:00+01:00')).toEqual({ ok: false, reason: 'invalid-transition' });
  });

  it('offers the buttons that fit the booking now', () => {
    const offered = (status: string, now: string) => allowedSteps({ status, start }, new Date(now), zone);
    expect(offered('booked', '2026-12-02T09:00:00+01:00')).toEqual([]);
    expect(offered('booked', '2026-12-15T07:00:00+01:00')).toEqual([{ to: 'checked_in', undo: false }]);
    expect(offered('booked', '2026-12-15T08:30:00+01:00')).toEqual([{ to: 'checked_in', undo: false }, { to: 'no_show', undo: false }]);
    expect(offered('checked_in', '2026-12-15T08:30:00+01:00')).toEqual([{ to: 'booked', undo: true }, { to: 'done', undo: false }]);
    expect(offered('done', '2026-12-15T08:50:00+01:00')).toEqual([{ to: 'checked_in', undo: true }]);
    expect(offered('no_show', '2026-12-15T08:50:00+01:00')).toEqual([{ to: 'booked', undo: true }]);
    expect(offered('cancelled', '2026-12-15T08:50:00+01:00')).toEqual([]);
  });
});
