import { describe, expect, it } from 'vitest';
import { datesOf, periodOf } from '@/lib/statistics/period';

describe('statistics periods', () => {
  it('default to the month of the last finished day, compared with the month before', () => {
    expect(periodOf({ today: '2026-03-01' })).toEqual({ kind: 'month', from: '2026-02-01', to: '2026-02-28', previous: { from: '2026-01-01', to: '2026-01-31' } });
  });

  it('take ISO weeks from Monday and single days', () => {
    expect(periodOf({ kind: 'week', date: '2026-12-02', today: '2026-12-10' })).toMatchObject({ from: '2026-11-30', to: '2026-12-06', previous: { from: '2026-11-23', to: '2026-11-29' } });
    expect(periodOf({ kind: 'day', date: '2026-01-01', today: '2026-12-10' })).toMatchObject({ from: '2026-01-01', to: '2026-01-01', previous: { from: '2025-12-31', to: '2025-12-31' } });
  });

  it('compare a custom range with the same number of days before it, and cap it at a year', () => {
    expect(periodOf({ kind: 'custom', from: '2026-03-10', to: '2026-03-19', today: '2026-12-10' })).toMatchObject({ from: '2026-03-10', to: '2026-03-19', previous: { from: '2026-02-28', to: '2026-03-09' } });
    expect(periodOf({ kind: 'custom', from: '2024-01-01', to: '2026-01-01', today: '2026-12-10' }).to).toBe('2024-12-31');
    // Reversed or unreadable dates fall back to the default month.
    expect(periodOf({ kind: 'custom', from: '2026-03-19', to: '2026-03-10', today: '2026-12-10' }).kind).toBe('month');
    expect(periodOf({ kind: 'day', date: '2026-02-30', today: '2026-12-10' }).from).toBe('2026-12-09');
  });

  it('list every date of a range across a change to summer time', () => {
    expect(datesOf('2026-03-28', '2026-03-30')).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
  });
});
