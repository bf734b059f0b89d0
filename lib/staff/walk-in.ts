import 'server-only';
import { countEvent } from '@/db/queries/metric-counts';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { LocationForBooking } from '@/db/queries/availability';
import { writeAudit } from '@/db/queries/staff';
import { bookings } from '@/db/schema';
import { hashPin } from '@/lib/secrets/pin-hash';
import { mayWorkAt, StaffAccessError, type StaffUser } from '@/lib/auth/staff-session';
import type { ChosenService } from '@/lib/booking/choice';
import { holdSlot } from '@/lib/booking/hold';
import { generatePin, generateToken, hashToken } from '@/lib/booking/secrets';
import { enqueueMail } from '@/lib/mail/outbox';
import { durationOf, type Slot } from '@/lib/slots';

export type WalkInResult = { ok: true; code: string; pin: string; start: Date; end: Date } | { ok: false; reason: 'taken'; alternatives: Slot[] } | { ok: false; reason: 'forbidden' };

/**
 * Books for a caller or walk-in through the citizens' reservation path (same slot check, same
 * exclusion constraint), confirmed at once; with an email address the citizen gets the same mail.
 */
export async function bookForCitizen(args: {
  actor: StaffUser | null;
  location: LocationForBooking;
  services: ChosenService[];
  start: Date;
  contact: { name: string; email: string | null; phone: string | null };
  locale: 'de' | 'en';
}): Promise<WalkInResult> {
  const { actor, location } = args;
  if (!actor) throw new StaffAccessError('signed-out');
  if (!mayWorkAt(actor, location.id)) return { ok: false, reason: 'forbidden' };
  const tokenHash = hashToken(generateToken());
  // Staff may book right up to the start: the citizens' lead time is for online planning.
  const hold = await holdSlot({ location: { ...location, minLeadMinutes: 0 }, services: args.services, start: args.start, tokenHash, locale: args.locale, releaseDelayMinutes: 0, respectRelease: false });
  if (!hold.ok) return hold;
  const pin = generatePin();
  const pinHash = hashPin({ scope: 'booking', id: hold.id, pin });
  await getDb().transaction(async (tx) => {
    const [booking] = await tx
      .update(bookings)
      .set({ status: 'booked', source: 'staff', confirmedAt: new Date(), pinHash, holdTokenHash: null, ...args.contact })
      .where(and(eq(bookings.holdTokenHash, tokenHash), eq(bookings.status, 'held')))
      .returning({ id: bookings.id });
    if (!booking) throw new Error('walk-in hold vanished');
    await countEvent({ name: 'bookings_confirmed', label: 'staff', tx });
    if (args.contact.email) await enqueueMail(tx, { kind: 'booking-confirmed', bookingId: booking.id, pin });
    await writeAudit({ tx, actorId: actor.id, action: 'booking-created', entity: 'booking', entityId: booking.id, details: { source: 'staff' } });
  });
  return { ok: true, code: hold.code, pin, start: args.start, end: new Date(args.start.getTime() + durationOf(args.services) * 60_000) };
}
