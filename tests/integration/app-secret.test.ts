import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { cancelBooking } from '@/lib/booking/cancel';
import { signChangeGrant } from '@/lib/booking/change-grant';
import { submitRequest } from '@/lib/requests/submit';
import { withdrawRequest } from '@/lib/requests/withdraw';
import { verifyBookingPin } from '@/lib/booking/verify-pin';
import { verifyPin } from '@/lib/secrets/pin-hash';
import { loadLocationForBooking } from '@/db/queries/availability';
import { book, client, email } from '../support/booked';
import { openWednesday } from '../support/office';

const other = { current: 'a-different-server-secret-of-32-bytes-or-more' };

async function bookingRow(id: number) {
  const { rows } = await getDb().execute<{ status: string; pin_hash: string }>(sql`select status, pin_hash from bookings where id = ${id}`);
  return rows[0]!;
}

describe('a copy of the database', () => {
  it('forges no grant that cancels a booking', async () => {
    const { code, id } = await book({ day: openWednesday(2), hhmm: '11:00' });
    const { pin_hash: pinHash } = await bookingRow(id);
    const expires = Math.floor(Date.now() / 1000) + 30 * 60;
    // What the row alone lets anyone compute: grants keyed by the PIN hash (the old scheme, and the new text under it).
    const forged = [
      `amtstermin:change-grant:v1:${id}:${expires}`,
      `amtstermin:change-grant:v2:${id}:${expires}:${pinHash}`,
    ].map((text) => `${id}.${expires}.${createHmac('sha256', pinHash).update(text).digest('base64url')}`);
    // A grant signed with any secret but the server's.
    forged.push(signChangeGrant({ bookingId: id, pinHash, secrets: other }));
    for (const grant of forged) expect(await cancelBooking({ code, grant })).toEqual({ status: 'invalid' });
    expect((await bookingRow(id)).status).toBe('booked');
  });

  it('holds booking PINs as an HMAC that checks only with APP_SECRET', async () => {
    const { id, pin, code } = await book({ day: openWednesday(2), hhmm: '11:10' });
    const { pin_hash: storedHash } = await bookingRow(id);
    expect(storedHash).toMatch(/^hmac-sha256\$[\w-]{43}$/);
    expect(await verifyPin({ scope: 'booking', id, storedHash, pin })).toBe(true);
    expect(await verifyPin({ scope: 'booking', id, storedHash, pin }, other)).toBe(false);
    expect((await verifyBookingPin({ code, pin, clientAddress: client() })).status).toBe('verified');
  });

  it('holds request PINs the same way, and a request is withdrawn with its PIN', async () => {
    const hochdorf = (await loadLocationForBooking({ slug: 'ortschaft-hochdorf' }))!;
    const date = openWednesday(1).plus({ days: 1 }).toISODate()!;
    const created = await submitRequest({
      location: hochdorf,
      services: [{ id: hochdorf.services[0]!.id, count: 1 }],
      preferences: [{ date, partOfDay: 'any' }],
      contact: { name: 'Erika Anfrage', email: email('secret'), phone: null },
      note: null,
      locale: 'de',
    });
    if (created.status !== 'created') throw new Error('expected a new request');
    const { rows } = await getDb().execute<{ pin_hash: string }>(sql`select pin_hash from appointment_requests where id = ${created.id}`);
    const storedHash = rows[0]!.pin_hash;
    expect(storedHash).toMatch(/^hmac-sha256\$[\w-]{43}$/);
    expect(await verifyPin({ scope: 'request', id: created.id, storedHash, pin: created.pin }, other)).toBe(false);
    // The same id and PIN as a booking's do not match: the hash names what it belongs to.
    expect(await verifyPin({ scope: 'booking', id: created.id, storedHash, pin: created.pin })).toBe(false);
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect((await withdrawRequest({ code: created.code, pin: created.pin === '000000' ? '111111' : '000000', clientAddress: client() })).status).toBe('invalid');
    expect(await withdrawRequest({ code: created.code, pin: created.pin, clientAddress: client() })).toEqual({ status: 'withdrawn', code: created.code });
  });

  it('still checks a PIN stored as argon2 before APP_SECRET existed', async () => {
    const { hashSecret } = await import('@/lib/auth/password');
    const { code, id } = await book({ day: openWednesday(2), hhmm: '11:20' });
    await getDb().execute(sql`update bookings set pin_hash = ${await hashSecret('123456')} where id = ${id}`);
    expect((await verifyBookingPin({ code, pin: '123456', clientAddress: client() })).status).toBe('verified');
  });
});
