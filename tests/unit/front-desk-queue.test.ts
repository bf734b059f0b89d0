import { describe, expect, it } from 'vitest';
import { appointmentsSinceLastWalkIn, checkInWindow, estimatedWaits, queueOrder, ticketLabel, type WaitingVisit } from '@/lib/front-desk/queue';

const t = (hhmm: string) => new Date(`2026-12-02T${hhmm}:00Z`);
let id = 0;
const appointment = (start: string, arrived = start): WaitingVisit => ({ id: ++id, kind: 'appointment', scheduledAt: t(start), checkedInAt: t(arrived), minutes: 10 });
const walkIn = (arrived: string): WaitingVisit => ({ id: ++id, kind: 'walk_in', scheduledAt: t(arrived), checkedInAt: t(arrived), minutes: 10 });

describe('queueOrder', () => {
  it('calls appointments by their time and fits one walk-in after every N appointments', () => {
    const a3 = appointment('09:20', '09:00');
    const a1 = appointment('09:00', '08:50');
    const a2 = appointment('09:10', '08:55');
    const w1 = walkIn('08:40');
    const w2 = walkIn('08:45');
    const order = queueOrder({ waiting: [a3, w2, a1, w1, a2], walkInEvery: 2, appointmentsSinceWalkIn: 0 });
    expect(order.map((v) => v.id)).toEqual([a1.id, a2.id, w1.id, a3.id, w2.id]);
  });

  it('counts the appointments already called since the last walk-in', () => {
    const a1 = appointment('09:00');
    const w1 = walkIn('08:40');
    expect(queueOrder({ waiting: [a1, w1], walkInEvery: 2, appointmentsSinceWalkIn: 2 })[0]).toBe(w1);
    expect(queueOrder({ waiting: [a1, w1], walkInEvery: 2, appointmentsSinceWalkIn: 1 })[0]).toBe(a1);
  });

  it('with 0 calls walk-ins only when no appointment waits', () => {
    const a1 = appointment('09:00');
    const w1 = walkIn('08:00');
    expect(queueOrder({ waiting: [w1, a1], walkInEvery: 0, appointmentsSinceWalkIn: 50 }).map((v) => v.id)).toEqual([a1.id, w1.id]);
  });
});

describe('appointmentsSinceLastWalkIn', () => {
  it('counts the appointments after the last walk-in', () => {
    expect(appointmentsSinceLastWalkIn([])).toBe(0);
    expect(appointmentsSinceLastWalkIn(['appointment', 'walk_in', 'appointment', 'appointment'])).toBe(2);
    expect(appointmentsSinceLastWalkIn(['appointment', 'appointment', 'appointment'])).toBe(3);
  });
});

describe('estimatedWaits', () => {
  it('shares the minutes of those ahead by the counters serving, and never before an appointment’s own time', () => {
    const w1 = walkIn('09:00');
    const w2 = walkIn('09:01');
    const w3 = walkIn('09:02');
    const late = appointment('10:00');
    const waits = estimatedWaits({ order: [w1, w2, w3, late], counters: 2, busyMinutes: 0, now: t('09:05') });
    expect([waits.get(w1.id), waits.get(w2.id), waits.get(w3.id), waits.get(late.id)]).toEqual([0, 5, 10, 55]);
  });
});

describe('checkInWindow and ticketLabel', () => {
  it('accepts 30 minutes before to 15 after, refusing outside', () => {
    const start = t('10:00');
    expect(checkInWindow({ start, now: t('09:30'), earlyMinutes: 30, lateMinutes: 15 })).toBe('ok');
    expect(checkInWindow({ start, now: t('09:29'), earlyMinutes: 30, lateMinutes: 15 })).toBe('too-early');
    expect(checkInWindow({ start, now: t('10:15'), earlyMinutes: 30, lateMinutes: 15 })).toBe('ok');
    expect(checkInWindow({ start, now: t('10:16'), earlyMinutes: 30, lateMinutes: 15 })).toBe('too-late');
    expect(ticketLabel({ kind: 'walk_in', number: 7 })).toBe('W 7');
  });
});
