import { sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { captureLogLines } from '../support/log-lines';
import { findBookingByCode } from '@/db/queries/booking-lookup';
import { hashSecret } from '@/lib/auth/password';
import { cancelBooking } from '@/lib/booking/cancel';
import { signChangeGrant } from '@/lib/booking/change-grant';
import { holdSlot } from '@/lib/booking/hold';
import { rescheduleBooking, servicesToMove } from '@/lib/booking/reschedule';
import { generateToken, hashToken, unsealPin } from '@/lib/booking/secrets';
import { PIN_ATTEMPT_LIMITS, verifyBookingPin } from '@/lib/booking/verify-pin';
import { verifyPin } from '@/lib/secrets/pin-hash';
import { book, client, email, verified } from '../support/booked';
import { at, choose, mainOffice, occupy, openWednesday } from '../support/office';



async function row(id: number) {
  const { rows } = await getDb().execute<{ status: string; cancelled_at: Date | null; cancel_reason: string | null; rescheduled_from_id: number | null }>(
    sql`select status, cancelled_at, cancel_reason, rescheduled_from_id from bookings where id = ${id}`,
  );
  return rows[0]!;
}

async function mails(kind: string, bookingId: number) {
  const { rows } = await getDb().execute<{ payload: Record<string, unknown> }>(sql`select payload from outbox where kind = ${kind} and (payload->>'bookingId')::bigint = ${bookingId}`);
  return rows.map((r) => r.payload);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('checking booking number and PIN', () => {
  it('gives the same answer for an unknown number and a wrong PIN, and logs both without the PIN', async () => {
    const { code } = await book({ day: openWednesday(0), hhmm: '08:00' });
    const logged = captureLogLines();
    const wrongPin = await verifyBookingPin({ code, pin: '000000', clientAddress: client() });
    const unknownNumber = await verifyBookingPin({ code: 'ZZZZ-ZZZZ', pin: '000000', clientAddress: client() });
    expect(wrongPin).toEqual({ status: 'invalid' });
    expect(unknownNumber).toEqual(wrongPin);
    logged.restore();
    const warnings = logged.lines.filter((line) => line.level === 'warn');
    expect(warnings.map((line) => line.msg)).toEqual(['wrong booking number or PIN', 'wrong booking number or PIN']);
    expect(logged.text()).not.toContain('000000');
  });

  it('accepts the number in any case and without the dash', async () => {
    const { code, pin } = await book({ day: openWednesday(0), hhmm: '08:10' });
    const check = await verifyBookingPin({ code: code.replace('-', '').toLowerCase(), pin, clientAddress: client() });
    expect(check.status).toBe('verified');
  });

  it('blocks the sixth attempt on one booking number within the window, even with the right PIN', async () => {
    const { code, pin, id } = await book({ day: openWednesday(0), hhmm: '08:20' });
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    for (let i = 0; i < PIN_ATTEMPT_LIMITS.perBooking.limit; i++) {
      expect((await verifyBookingPin({ code, pin: '999999', clientAddress: client() })).status).toBe('invalid');
    }
    const sixth = await verifyBookingPin({ code, pin, clientAddress: client() });
    expect(sixth.status).toBe('rate-limited');
    if (sixth.status === 'rate-limited') {
      expect(sixth.retryAfterSeconds).toBeGreaterThan(0);
      expect(sixth.retryAfterSeconds).toBeLessThanOrEqual(PIN_ATTEMPT_LIMITS.perBooking.windowSeconds);
    }
    expect((await row(id)).status).toBe('booked');
  });

  it('blocks a client address that tries many booking numbers', async () => {
    const { code, pin } = await book({ day: openWednesday(0), hhmm: '08:30' });
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const address = client();
    for (let i = 0; i < PIN_ATTEMPT_LIMITS.perClient.limit; i++) {
      expect((await verifyBookingPin({ code: `NOPE-${String(i).padStart(4, '0')}`, pin: '123456', clientAddress: address })).status).toBe('invalid');
    }
    expect((await verifyBookingPin({ code, pin, clientAddress: address })).status).toBe('rate-limited');
  });
});

describe('cancelling a booking', () => {
  it('queues exactly one cancellation mail and frees the slot: for staff at once, online after the release delay', async () => {
    const day = openWednesday(1);
    const { code, pin, id, office } = await book({ day, hhmm: '09:00' });
    const booked = (await findBookingByCode({ code }))!;
    // Fill the other counters, so the cancelled booking's counter is the only one that can come free.
    for (const counterId of office.counterIds.filter((c) => c !== booked.counterId)) await occupy(office, counterId, at(day, '09:00'), at(day, '09:30'));
    const services = choose(office, { beglaubigung: 1 });
    expect((await holdSlot({ location: office, services, start: at(day, '09:00'), tokenHash: hashToken(generateToken()), locale: 'de' })).ok).toBe(false);

    const outcome = await cancelBooking({ code, grant: await verified(code, pin) });
    expect(outcome).toEqual({ status: 'cancelled', bookingId: id });
    const after = await row(id);
    expect(after.status).toBe('cancelled');
    expect(after.cancelled_at).not.toBeNull();
    expect(after.cancel_reason).toBeNull();
    expect(await mails('booking-cancelled', id)).toEqual([{ bookingId: id }]);
    const hold = () => holdSlot({ location: office, services, start: at(day, '09:00'), tokenHash: hashToken(generateToken()), locale: 'de' });
    // Against reselling: online, a cancelled time is offered again only after CANCELLED_SLOT_DELAY_MINUTES (15).
    expect((await hold()).ok).toBe(false);
    const staffToken = hashToken(generateToken());
    expect((await holdSlot({ location: office, services, start: at(day, '09:00'), tokenHash: staffToken, locale: 'de', releaseDelayMinutes: 0 })).ok).toBe(true);
    await getDb().execute(sql`update bookings set status = 'expired' where hold_token_hash = ${staffToken}`);
    // The delay ends at the next full quarter hour (availability-cache.test.ts checks the rounding): 30 minutes ago is past it whenever the test runs.
    await getDb().execute(sql`update bookings set cancelled_at = now() - interval '30 minutes' where id = ${id}`);
    expect((await hold()).ok).toBe(true);
  });

  it('changes nothing with a wrong PIN or a grant that was not earned', async () => {
    const { code, id } = await book({ day: openWednesday(1), hhmm: '10:00' });
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect((await verifyBookingPin({ code, pin: '000000', clientAddress: client() })).status).toBe('invalid');
    const forged = signChangeGrant({ bookingId: id, pinHash: await hashSecret('000000') });
    const expired = signChangeGrant({ bookingId: id, pinHash: (await findBookingByCode({ code }))!.pinHash!, now: new Date(Date.now() - 60 * 60_000) });
    for (const grant of [forged, expired, `${id}.9999999999.x`, 'garbage']) {
      expect(await cancelBooking({ code, grant })).toEqual({ status: 'invalid' });
    }
    expect((await row(id)).status).toBe('booked');
    expect(await mails('booking-cancelled', id)).toEqual([]);
  });

  it('does not accept the grant of one booking for another', async () => {
    const mine = await book({ day: openWednesday(1), hhmm: '10:10' });
    const theirs = await book({ day: openWednesday(1), hhmm: '10:20' });
    expect(await cancelBooking({ code: theirs.code, grant: await verified(mine.code, mine.pin) })).toEqual({ status: 'invalid' });
    expect((await row(theirs.id)).status).toBe('booked');
  });

  it('says an appointment is already cancelled or past instead of cancelling it again', async () => {
    const { code, pin, id } = await book({ day: openWednesday(1), hhmm: '10:30' });
    const grant = await verified(code, pin);
    expect((await cancelBooking({ code, grant })).status).toBe('cancelled');
    expect(await cancelBooking({ code, grant })).toEqual({ status: 'not-changeable', state: 'cancelled' });
    expect(await mails('booking-cancelled', id)).toHaveLength(1);

    const past = await book({ day: openWednesday(1), hhmm: '10:40' });
    await getDb().execute(sql`update bookings set during = tstzrange(now() - interval '2 hours', now() - interval '1 hour') where id = ${past.id}`);
    const pastGrant = await verified(past.code, past.pin);
    expect(await cancelBooking({ code: past.code, grant: pastGrant })).toEqual({ status: 'not-changeable', state: 'past' });
    expect((await row(past.id)).status).toBe('booked');
  });
});

describe('rescheduling a booking', () => {
  /** Holds a new time for the booking's services with a fresh hold token, as the reschedule page does. */
  async function holdNewTime(code: string, day: DateTime, hhmm: string) {
    const office = await mainOffice();
    const services = servicesToMove(office, (await findBookingByCode({ code }))!)!;
    const holdToken = generateToken();
    const held = await holdSlot({ location: office, services, start: at(day, hhmm), tokenHash: hashToken(holdToken), locale: 'de' });
    if (!held.ok) throw new Error('could not hold the new time');
    return { holdToken, holdCode: held.code };
  }

  it('moves the appointment in one transaction: old cancelled, new booked with a new PIN, one mail', async () => {
    const address = email('move');
    // The address already has as many future bookings as allowed: a move must still work.
    const other = await book({ day: openWednesday(2), hhmm: '08:00', address });
    const { code, pin, id } = await book({ day: openWednesday(2), hhmm: '08:30', address, services: { personalausweis: 1, meldebescheinigung: 2 } });
    const grant = await verified(code, pin);
    const { holdToken, holdCode } = await holdNewTime(code, openWednesday(3), '11:00');

    const outcome = await rescheduleBooking({ code, grant, holdToken });
    expect(outcome).toMatchObject({ status: 'rescheduled', code: holdCode });
    const moved = (await findBookingByCode({ code: holdCode }))!;
    expect(moved).toMatchObject({ status: 'booked', rescheduledFromId: id, name: 'Erika Mustermann', email: address, phone: '07123 4567', locale: 'en' });
    expect(moved.items.map((i) => [i.slug, i.count])).toEqual((await findBookingByCode({ code }))!.items.map((i) => [i.slug, i.count]));
    expect(await row(id)).toMatchObject({ status: 'cancelled', cancel_reason: 'rescheduled' });
    expect((await row(other.id)).status).toBe('booked');

    const [mail, ...more] = await mails('booking-rescheduled', moved.id);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ bookingId: moved.id, previousBookingId: id });
    const newPin = String(mail!.pin);
    expect(await verifyPin({ scope: 'booking', id: moved.id, storedHash: moved.pinHash!, pin: newPin })).toBe(true);
    expect(await verifyPin({ scope: 'booking', id: moved.id, storedHash: moved.pinHash!, pin })).toBe(false);
    expect(unsealPin(moved.pinSealed!, holdToken)).toBe(newPin);
    expect(await mails('booking-cancelled', id)).toEqual([]);

    // The old number and PIN still open the (now moved) booking read-only; the grant for it is spent.
    expect(await cancelBooking({ code, grant })).toEqual({ status: 'not-changeable', state: 'rescheduled' });
  });

  it('books a second submit of the same move once', async () => {
    const { code, pin } = await book({ day: openWednesday(2), hhmm: '09:00' });
    const grant = await verified(code, pin);
    const { holdToken, holdCode } = await holdNewTime(code, openWednesday(3), '11:30');
    const [a, b] = await Promise.all([rescheduleBooking({ code, grant, holdToken }), rescheduleBooking({ code, grant, holdToken })]);
    expect([a.status, b.status].sort()).toEqual(['already-rescheduled', 'rescheduled']);
    const moved = (await findBookingByCode({ code: holdCode }))!;
    expect(await mails('booking-rescheduled', moved.id)).toHaveLength(1);
  });

  it('leaves the old booking untouched when the new hold has expired', async () => {
    const { code, pin, id } = await book({ day: openWednesday(2), hhmm: '09:30' });
    const grant = await verified(code, pin);
    const { holdToken, holdCode } = await holdNewTime(code, openWednesday(3), '12:00');
    await getDb().execute(sql`update bookings set hold_expires_at = now() - interval '1 second' where code = ${holdCode}`);

    expect(await rescheduleBooking({ code, grant, holdToken })).toEqual({ status: 'hold-expired' });
    expect(await row(id)).toMatchObject({ status: 'booked', cancelled_at: null, cancel_reason: null });
    expect((await findBookingByCode({ code: holdCode }))!.status).toBe('held');
    const { rows } = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from outbox where (payload->>'bookingId')::bigint = ${id} or (payload->>'previousBookingId')::bigint = ${id}`);
    expect(rows[0]!.n).toBe(0);
  });

  it('refuses a held time for other services than the booking', async () => {
    const { code, pin, id } = await book({ day: openWednesday(2), hhmm: '10:00' });
    const office = await mainOffice();
    const holdToken = generateToken();
    const held = await holdSlot({ location: office, services: choose(office, { reisepass: 1 }), start: at(openWednesday(3), '10:00'), tokenHash: hashToken(holdToken), locale: 'de' });
    expect(held.ok).toBe(true);
    expect(await rescheduleBooking({ code, grant: await verified(code, pin), holdToken })).toEqual({ status: 'hold-mismatch' });
    expect((await row(id)).status).toBe('booked');
  });

  it('lets only one of a cancel and a move of the same booking happen', async () => {
    const { code, pin, id } = await book({ day: openWednesday(2), hhmm: '10:30' });
    const grant = await verified(code, pin);
    const { holdToken, holdCode } = await holdNewTime(code, openWednesday(3), '12:10');
    const [cancelled, moved] = await Promise.all([cancelBooking({ code, grant }), rescheduleBooking({ code, grant, holdToken })]);
    expect([cancelled.status === 'cancelled', moved.status === 'rescheduled'].filter(Boolean)).toHaveLength(1);
    expect((await row(id)).status).toBe('cancelled');
    const newStatus = (await findBookingByCode({ code: holdCode }))!.status;
    expect(newStatus).toBe(moved.status === 'rescheduled' ? 'booked' : 'held');
    const { rows } = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from outbox where (payload->>'bookingId')::bigint = ${id} or (payload->>'previousBookingId')::bigint = ${id}`);
    expect(rows[0]!.n).toBe(1);
  });
});
