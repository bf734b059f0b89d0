import { sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { findWish, wishPosition } from '@/db/queries/waitlist';
import { cancelBooking } from '@/lib/booking/cancel';
import { verifyBookingPin } from '@/lib/booking/verify-pin';
import { acceptOffer, declineOffer, withdrawWish } from '@/lib/waitlist/offers';
import { openWish } from '@/lib/waitlist/access';
import { confirmWish, registerWish } from '@/lib/waitlist/register';
import { runWaitlistRound } from '@/lib/waitlist/worker';
import { book, client, email, verified } from '../support/booked';
import { at, mainOffice, occupy } from '../support/office';
import { confirmationMail, offers, openDay, publiclyOffered, waitingWish } from '../support/waitlist';

const MINUTES = 5; // Beglaubigung × 1 in the seed

/** A booked 09:00-ish appointment on `day` whose counter is the only one that time: the other counters are taken. */
async function onlyTimeAt(day: DateTime, hhmm: string) {
  const booking = await book({ day, hhmm });
  const office = booking.office;
  const { rows: [row] } = await getDb().execute<{ counter_id: number }>(sql`select counter_id from bookings where id = ${booking.id}`);
  for (const counterId of office.counterIds.filter((id) => id !== row!.counter_id)) await occupy(office, counterId, at(day, hhmm), new Date(at(day, hhmm).getTime() + MINUTES * 60_000));
  return booking;
}

async function cancel(code: string, pin: string) {
  const outcome = await cancelBooking({ code, grant: await verified(code, pin) });
  expect(outcome.status).toBe('cancelled');
}

async function outbox(kind: string) {
  const { rows } = await getDb().execute<{ payload: Record<string, unknown> }>(sql`select payload from outbox where kind = ${kind} order by id`);
  return rows.map((r) => r.payload);
}

describe('registering a wish', () => {
  it('keeps an unconfirmed wish out of the queue until its link is followed, once', async () => {
    const office = await mainOffice();
    const day = openDay(5, 0);
    const booking = await onlyTimeAt(day, '08:00');
    const created = await registerWish({ locationIds: [office.id], items: [{ serviceId: office.services.find((s) => s.slug === 'beglaubigung')!.id, count: 1 }], earliestDate: day.toISODate()!, latestDate: day.toISODate()!, weekdays: [5], parts: ['morning'], locale: 'de', name: 'Erika Muster', email: email('unconfirmed') });
    expect(created.status).toBe('created');
    const id = created.status === 'created' ? created.id : 0;
    await cancel(booking.code, booking.pin);
    await runWaitlistRound();
    expect(await offers([id])).toEqual([]);
    const { token } = await confirmationMail(id);
    expect(await confirmWish({ token })).not.toBeNull();
    expect(await confirmWish({ token })).toBeNull();
  });

  it('allows one open wish per mailbox and office group, and replaces an unconfirmed one', async () => {
    const office = await mainOffice();
    const day = openDay(5, 1);
    const address = email('twice');
    const input = { locationIds: [office.id], items: [{ serviceId: office.services[0]!.id, count: 1 }], earliestDate: day.toISODate()!, latestDate: day.toISODate()!, weekdays: [5], parts: ['morning' as const], locale: 'de', name: 'Erika Muster' };
    const first = await registerWish({ ...input, email: address });
    const second = await registerWish({ ...input, email: address.toUpperCase() });
    expect(second.status).toBe('created');
    expect((await findWish({ id: first.status === 'created' ? first.id : 0 }))!.status).toBe('expired');
    await confirmWish({ token: (await confirmationMail(second.status === 'created' ? second.id : 0)).token });
    expect((await registerWish({ ...input, email: address.replace('@', '+x@') })).status).toBe('duplicate');
  });

  it('drops unconfirmed wishes after 24 hours', async () => {
    const office = await mainOffice();
    const day = openDay(5, 1);
    const created = await registerWish({ locationIds: [office.id], items: [{ serviceId: office.services[0]!.id, count: 1 }], earliestDate: day.toISODate()!, latestDate: day.toISODate()!, weekdays: [5], parts: ['morning'], locale: 'de', name: 'Erika Muster', email: email('late') });
    const id = created.status === 'created' ? created.id : 0;
    await getDb().execute(sql`update waitlist_wishes set created_at = now() - interval '25 hours' where id = ${id}`);
    expect(await confirmWish({ token: (await confirmationMail(id)).token })).toBeNull();
    await runWaitlistRound();
    expect((await findWish({ id }))!.status).toBe('expired');
  });

  it('counts the position among waiting wishes for the same service and office, in order of confirmation', async () => {
    const office = await mainOffice();
    const day = openDay(5, 2);
    const first = await waitingWish({ office, day, serviceSlug: 'fuehrungszeugnis' });
    const other = await waitingWish({ office, day, serviceSlug: 'meldebescheinigung' });
    const second = await waitingWish({ office, day, serviceSlug: 'fuehrungszeugnis' });
    expect(await wishPosition({ wishId: first.id })).toBe(1);
    expect(await wishPosition({ wishId: other.id })).toBe(1);
    expect(await wishPosition({ wishId: second.id })).toBe(2);
  });
});

describe('offers', () => {
  it('holds a cancelled time for the longest-waiting wish, hidden from the public, and books it on accept with the usual mail', async () => {
    const office = await mainOffice();
    const day = openDay(1, 0);
    const booking = await onlyTimeAt(day, '09:00');
    const first = await waitingWish({ office, day });
    const second = await waitingWish({ office, day });
    await cancel(booking.code, booking.pin);
    await runWaitlistRound();

    const [offer, ...more] = await offers([first.id, second.id]);
    expect(more).toEqual([]);
    expect(offer).toMatchObject({ wish_id: first.id, status: 'held', source: 'waitlist', email: first.address });
    expect(offer!.start).toEqual(at(day, '09:00'));
    expect(offer!.hold_expires_at.getTime() - Date.now()).toBeGreaterThan(11 * 3600_000);
    expect(await publiclyOffered(office, at(day, '09:00'), MINUTES)).toBe(false);
    expect((await outbox('waitlist-offer')).map((p) => p.bookingId)).toEqual([offer!.id]);

    // Accepting twice books once; the second wish never got this time.
    const accepted = await acceptOffer({ wishId: first.id });
    expect(accepted.status).toBe('booked');
    expect(await acceptOffer({ wishId: first.id })).toEqual({ status: 'no-offer' });
    expect((await findWish({ id: first.id }))!.status).toBe('fulfilled');
    if (accepted.status !== 'booked') return;
    const confirmation = (await outbox('booking-confirmed')).find((p) => p.bookingId === accepted.bookingId)!;
    expect(confirmation.pin).toBe(accepted.pin);
    expect((await verifyBookingPin({ code: accepted.code, pin: accepted.pin, clientAddress: client() })).status).toBe('verified');
    const { rows: [row] } = await getDb().execute<{ status: string; source: string }>(sql`select status, source from bookings where id = ${accepted.bookingId}`);
    expect(row).toEqual({ status: 'booked', source: 'waitlist' });
    expect((await offers([first.id, second.id])).filter((o) => o.wish_id === second.id)).toEqual([]);
  });

  it('moves a declined offer on to the next wish, then back to the public when none is left', async () => {
    const office = await mainOffice();
    const day = openDay(2, 0);
    const booking = await onlyTimeAt(day, '10:00');
    const first = await waitingWish({ office, day });
    const second = await waitingWish({ office, day });
    await cancel(booking.code, booking.pin);
    await runWaitlistRound();
    expect((await offers([first.id, second.id])).map((o) => [o.wish_id, o.status])).toEqual([[first.id, 'held']]);

    expect(await declineOffer({ wishId: first.id })).toBe(true);
    await runWaitlistRound();
    // The first wish keeps waiting but never gets the time it declined again.
    expect((await offers([first.id, second.id])).map((o) => [o.wish_id, o.status])).toEqual([[first.id, 'expired'], [second.id, 'held']]);
    expect((await findWish({ id: first.id }))!.status).toBe('waiting');

    await declineOffer({ wishId: second.id });
    await runWaitlistRound();
    expect((await offers([first.id, second.id])).filter((o) => o.status === 'held')).toEqual([]);
    expect(await publiclyOffered(office, at(day, '10:00'), MINUTES)).toBe(true);
  });

  it('moves an expired offer on to the next wish', async () => {
    const office = await mainOffice();
    const day = openDay(1, 1);
    const booking = await onlyTimeAt(day, '10:30');
    const first = await waitingWish({ office, day });
    const second = await waitingWish({ office, day });
    await cancel(booking.code, booking.pin);
    await runWaitlistRound();
    await getDb().execute(sql`update bookings set hold_expires_at = now() - interval '1 second' where wish_id = ${first.id}`);
    expect(await acceptOffer({ wishId: first.id })).toEqual({ status: 'no-offer' });
    await runWaitlistRound();
    expect((await offers([first.id, second.id])).map((o) => [o.wish_id, o.status])).toEqual([[first.id, 'expired'], [second.id, 'held']]);
  });

  it('releases the offer of a withdrawn wish to the next one', async () => {
    const office = await mainOffice();
    const day = openDay(2, 1);
    const booking = await onlyTimeAt(day, '11:00');
    const first = await waitingWish({ office, day });
    const second = await waitingWish({ office, day });
    await cancel(booking.code, booking.pin);
    await runWaitlistRound();
    expect(await withdrawWish({ wishId: first.id })).toBe(true);
    expect(await withdrawWish({ wishId: first.id })).toBe(false);
    await runWaitlistRound();
    expect((await offers([first.id, second.id])).filter((o) => o.status === 'held').map((o) => o.wish_id)).toEqual([second.id]);
  });

  it('offers nothing that does not fit the wish: another part of day, or services longer than the freed time', async () => {
    const office = await mainOffice();
    const day = openDay(1, 2);
    const booking = await onlyTimeAt(day, '08:00');
    const afternoon = await waitingWish({ office, day, parts: ['afternoon'] });
    // Beglaubigung for five documents takes 25 minutes; the freed first five of the day are followed by taken counters.
    for (const counterId of office.counterIds) await occupy(office, counterId, at(day, '08:05'), at(day, '08:30'));
    const long = await waitingWish({ office, day, count: 5 });
    await cancel(booking.code, booking.pin);
    await runWaitlistRound();
    expect(await offers([afternoon.id, long.id])).toEqual([]);
  });
});

describe('opening a wish', () => {
  it('gives one answer for an unknown number and a wrong PIN, and a grant that opens the wish again', async () => {
    const office = await mainOffice();
    const wish = await waitingWish({ office, day: openDay(2, 2) });
    expect(await openWish({ code: wish.code, pin: '000000', clientAddress: client() })).toEqual({ status: 'invalid' });
    expect(await openWish({ code: 'W-ZZZZ-ZZZZ', pin: '000000', clientAddress: client() })).toEqual({ status: 'invalid' });
    const opened = await openWish({ code: wish.code.toLowerCase().replace(/-/g, ''), pin: wish.pin, clientAddress: client() });
    expect(opened.status).toBe('verified');
    if (opened.status !== 'verified') return;
    expect((await openWish({ code: wish.code, grant: opened.grant, clientAddress: client() })).status).toBe('verified');
    expect((await openWish({ code: wish.code, grant: opened.grant.replace(/.$/, 'x'), clientAddress: client() })).status).toBe('invalid');
  });
});

describe('privacy', () => {
  it('erases closed wishes after the erasure period and keeps their counts anonymously', async () => {
    const { eraseWaitlist } = await import('@/db/queries/waitlist');
    const office = await mainOffice();
    const wish = await waitingWish({ office, day: openDay(2, 2), serviceSlug: 'personalausweis' });
    const open = await waitingWish({ office, day: openDay(2, 2), serviceSlug: 'personalausweis' });
    expect(await withdrawWish({ wishId: wish.id })).toBe(true);
    await eraseWaitlist({ days: 30 });
    expect((await findWish({ id: wish.id }))!.email).not.toBeNull();
    const later = new Date(Date.now() + 31 * 86_400_000);
    // Every wish closed in this file is past the period by then; the open one is not.
    expect((await eraseWaitlist({ days: 30, now: later })).wishes).toBeGreaterThanOrEqual(1);
    expect(await eraseWaitlist({ days: 30, now: later })).toMatchObject({ wishes: 0 });
    const erased = (await findWish({ id: wish.id }))!;
    expect([erased.name, erased.email]).toEqual([null, null]);
    expect((await findWish({ id: open.id }))!.email).toBe(open.address);
    const { rows } = await getDb().execute<{ outcome: string; wishes: number }>(sql`
      select outcome, wishes from waitlist_demand d join services s on s.id = d.service_id where s.slug = 'personalausweis' and outcome = 'withdrawn'`);
    expect(rows).toEqual([{ outcome: 'withdrawn', wishes: 1 }]);
  });
});
