import { describe, expect, it } from 'vitest';
import { CHANGE_GRANT_MINUTES, grantBookingId, grantMatches, signChangeGrant } from '@/lib/booking/change-grant';
import { changeStateOf } from '@/lib/booking/change-state';

const booking = { id: 42, pinHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo' };
const now = new Date('2026-03-02T10:00:00Z');

describe('the grant that stands for a checked PIN', () => {
  it('fits the booking it was issued for until it expires', () => {
    const grant = signChangeGrant({ bookingId: booking.id, pinHash: booking.pinHash, now });
    expect(grantBookingId(grant)).toBe(42);
    expect(grantMatches(grant, booking, now)).toBe(true);
    expect(grantMatches(grant, booking, new Date(now.getTime() + (CHANGE_GRANT_MINUTES * 60 - 1) * 1000))).toBe(true);
    expect(grantMatches(grant, booking, new Date(now.getTime() + CHANGE_GRANT_MINUTES * 60 * 1000))).toBe(false);
  });

  it('does not fit another booking, a changed PIN, or a booking without PIN', () => {
    const grant = signChangeGrant({ bookingId: booking.id, pinHash: booking.pinHash, now });
    expect(grantMatches(grant, { ...booking, id: 43 }, now)).toBe(false);
    expect(grantMatches(grant, { ...booking, pinHash: `${booking.pinHash}x` }, now)).toBe(false);
    expect(grantMatches(grant, { ...booking, pinHash: null }, now)).toBe(false);
  });

  it('rejects tampered and malformed grants', () => {
    const [id, expires, mac] = signChangeGrant({ bookingId: booking.id, pinHash: booking.pinHash, now }).split('.') as [string, string, string];
    for (const grant of [`${id}.${Number(expires) + 3600}.${mac}`, `${id}.${expires}.${mac.slice(1)}`, `${id}.${expires}`, `${id}.${expires}.${mac}.x`, '', 'x.y.z', `-1.${expires}.${mac}`]) {
      expect(grantMatches(grant, booking, now)).toBe(false);
    }
  });
});

describe('what a citizen may still do with a booking', () => {
  const at = (iso: string) => ({ start: new Date(iso) });
  it('allows changes to a booked appointment until it starts', () => {
    expect(changeStateOf({ status: 'booked', cancelReason: null, during: at('2026-03-02T10:00:01Z') }, now)).toBe('changeable');
    expect(changeStateOf({ status: 'booked', cancelReason: null, during: at('2026-03-02T10:00:00Z') }, now)).toBe('past');
    expect(changeStateOf({ status: 'checked_in', cancelReason: null, during: at('2026-03-02T11:00:00Z') }, now)).toBe('past');
  });

  it('tells a cancelled from a moved appointment', () => {
    expect(changeStateOf({ status: 'cancelled', cancelReason: null, during: at('2026-03-09T10:00:00Z') }, now)).toBe('cancelled');
    expect(changeStateOf({ status: 'cancelled', cancelReason: 'rescheduled', during: at('2026-03-09T10:00:00Z') }, now)).toBe('rescheduled');
  });
});
