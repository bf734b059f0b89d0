import { randomUUID } from 'node:crypto';
import type { DateTime } from 'luxon';
import { confirmHold, saveHoldContact } from '@/db/queries/bookings';
import { holdSlot } from '@/lib/booking/hold';
import { generatePin, generateToken, hashToken, sealPin } from '@/lib/booking/secrets';
import { verifyBookingPin } from '@/lib/booking/verify-pin';
import { hashPin } from '@/lib/secrets/pin-hash';
import { at, choose, mainOffice } from './office';

export const client = () => `198.51.100.${randomUUID()}`;
export const email = (tag: string) => `${tag}-${randomUUID()}@example.org`;

/** A booked appointment made the way the booking flow makes it; returns what the citizen holds. */
export async function book({ day, hhmm, address = email('citizen'), services = { beglaubigung: 1 } }: { day: DateTime; hhmm: string; address?: string; services?: Record<string, number> }) {
  const office = await mainOffice();
  const holdToken = generateToken();
  const tokenHash = hashToken(holdToken);
  const held = await holdSlot({ location: office, services: choose(office, services), start: at(day, hhmm), tokenHash, locale: 'de' });
  if (!held.ok) throw new Error(`could not hold ${day.toISODate()} ${hhmm}`);
  await saveHoldContact({ tokenHash, contact: { name: 'Erika Mustermann', email: address, phone: '07123 4567' }, locale: 'en' });
  const pin = generatePin();
  const confirmed = await confirmHold({ tokenHash, pinHash: hashPin({ scope: 'booking', id: held.id, pin }), pinSealed: sealPin(pin, holdToken), maxFutureBookingsPerEmail: 2 });
  if (confirmed.status !== 'confirmed') throw new Error(`could not confirm: ${confirmed.status}`);
  return { code: held.code, pin, id: confirmed.booking.id, office };
}

/** A grant as the PIN form issues it. */
export async function verified(code: string, pin: string): Promise<string> {
  const check = await verifyBookingPin({ code, pin, clientAddress: client() });
  if (check.status !== 'verified') throw new Error(`PIN not accepted: ${check.status}`);
  return check.grant;
}
