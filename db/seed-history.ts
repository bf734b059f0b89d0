import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Database } from './client';
import { listDaysToRollUp, rollUpDays } from './queries/statistics-rollup';
import { appointmentRequests, bookings, bookingServices, closures, counters, locationServices, locations, openingHours, statsNextFree } from './schema';

/** A small seeded generator (mulberry32): the same history on every fresh demo database. */
function random(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * A few weeks of past appointments for the demo (issue 16): the main office's counters mostly full, with
 * no-shows, cancellations by citizens, staff and one closure, some check-in/done times, requests at the
 * branch offices, daily next-free samples, and the statistics facts rolled up from them. Deterministic
 * for a given date; for the demo and end-to-end databases only (`npm start` on a fresh database).
 */
export async function seedDemoHistory(db: Database, { now = new Date(), weeks = 4, eraseAfterDays = 7 }: { now?: Date; weeks?: number; eraseAfterDays?: number } = {}): Promise<{ bookings: number }> {
  const next = random(20_260_016);
  const pickWeighted = <T>(items: [T, number][]) => {
    let r = next() * items.reduce((a, [, w]) => a + w, 0);
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[items.length - 1]![0];
  };
  return db.transaction(async (tx) => {
    const offices = await tx.select().from(locations).orderBy(asc(locations.position));
    const main = offices.find((l) => l.mode === 'booking');
    if (!main) return { bookings: 0 };
    const already = await tx.select({ id: bookings.id }).from(bookings).where(sql`upper(${bookings.during}) < ${now}`).limit(1);
    if (already.length > 0) return { bookings: 0 };
    const zone = main.timeZone;
    const today = DateTime.fromJSDate(now, { zone }).startOf('day');
    const first = today.minus({ weeks });
    const [counterRows, windows, offered, shut] = await Promise.all([
      tx.select().from(counters).where(eq(counters.locationId, main.id)).orderBy(asc(counters.position), asc(counters.id)),
      tx.select().from(openingHours).where(eq(openingHours.locationId, main.id)),
      tx.select().from(locationServices).where(eq(locationServices.locationId, main.id)).orderBy(asc(locationServices.serviceId)),
      tx.select().from(closures).where(and(or(eq(closures.locationId, main.id), isNull(closures.locationId)), sql`${closures.endsOn} >= ${first.toISODate()}`)),
    ]);
    const closed = (d: DateTime) => shut.some((c) => c.startsOn <= d.toISODate()! && c.endsOn >= d.toISODate()!);
    // One ordinary weekday in the middle was shut at short notice (a staff outing): its appointments were cancelled for the closure.
    const closureDay = first.plus({ days: 9 + ((8 - first.plus({ days: 9 }).weekday) % 7) });

    await tx.insert(closures).values({ locationId: main.id, startsOn: closureDay.toISODate()!, endsOn: closureDay.toISODate()!, reason: { de: 'Betriebsausflug', en: 'Staff outing' } });

    type Row = { booking: typeof bookings.$inferInsert; items: { serviceId: number; count: number; minutesPerUnit: number }[] };
    const rows: Row[] = [];
    let n = 0;
    for (let day = first; day < today; day = day.plus({ days: 1 })) {
      if (closed(day)) continue;
      for (const w of windows.filter((x) => x.weekday === day.weekday)) {
        for (const counter of counterRows.slice(0, w.countersOpen)) {
          for (let at = minutesOf(w.opensAt); ; ) {
            const service = pickWeighted(offered.map((s, i) => [s, [5, 3, 6, 3, 2, 1, 2, 1][i % 8]!] as [typeof s, number]));
            const count = next() < 0.12 && service.maxCount > 1 ? 2 : 1;
            const length = service.minutesPerUnit * count;
            if (at + length > minutesOf(w.closesAt)) break;
            const start = day.plus({ minutes: at });
            at += length + (next() < 0.25 ? 10 : 0);
            if (next() < 0.18) continue; // a free gap nobody booked
            const lead = pickWeighted<number>([[0, 4], [1, 8], [2, 10], [5, 14], [10, 14], [18, 9], [30, 4]]) + Math.floor(next() * 3);
            const createdAt = DateTime.max(start.minus({ days: lead, hours: 3 + Math.floor(next() * 6) }), first.minus({ days: 40 }));
            const roll = next();
            const status = day.hasSame(closureDay, 'day') ? 'cancelled' : roll < 0.78 ? 'done' : roll < 0.86 ? 'no_show' : 'cancelled';
            const cancelledBy = status !== 'cancelled' ? null : day.hasSame(closureDay, 'day') ? 'closure' : next() < 0.8 ? 'citizen' : 'staff';
            const recorded = status === 'done' && next() < 0.7;
            const checkedIn = start.plus({ minutes: Math.floor(next() * 8) - 3 });
            const old = day < today.minus({ days: eraseAfterDays });
            n++;
            rows.push({
              booking: {
                code: `HIST-${String(n).padStart(4, '0')}`,
                locationId: main.id,
                counterId: counter.id,
                during: { start: start.toJSDate(), end: start.plus({ minutes: length }).toJSDate() },
                status,
                source: next() < 0.72 ? 'online' : 'staff',
                locale: next() < 0.9 ? 'de' : 'en',
                createdAt: createdAt.toJSDate(),
                confirmedAt: createdAt.toJSDate(),
                cancelledAt: status === 'cancelled' ? DateTime.min(start.minus({ hours: 2 }), createdAt.plus({ days: 1 })).toJSDate() : null,
                cancelledBy,
                checkedInAt: recorded ? checkedIn.toJSDate() : null,
                doneAt: recorded ? checkedIn.plus({ minutes: Math.max(3, Math.round(length * (0.6 + next() * 0.7))) }).toJSDate() : null,
                // Past the erasure delay the demo holds no personal data, as the erasure job would have left it.
                name: old ? null : `Demo-Person ${n}`,
                email: old ? null : `demo-${n}@example.org`,
                personalDataErasedAt: old ? now : null,
              },
              items: [{ serviceId: service.serviceId, count, minutesPerUnit: service.minutesPerUnit }],
            });
          }
        }
      }
    }
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      const ids = await tx.insert(bookings).values(chunk.map((r) => r.booking)).returning({ id: bookings.id });
      await tx.insert(bookingServices).values(chunk.flatMap((r, j) => r.items.map((item) => ({ bookingId: ids[j]!.id, ...item }))));
    }

    // Requests at the branch offices: a few a week, most answered within a day.
    const branches = offices.filter((l) => l.mode === 'request');
    const requests: (typeof appointmentRequests.$inferInsert)[] = [];
    for (let day = first; day < today; day = day.plus({ days: 1 })) {
      if (day.weekday > 5) continue;
      for (const branch of branches) {
        if (next() < 0.55) continue;
        const createdAt = day.plus({ hours: 8 + Math.floor(next() * 9), minutes: Math.floor(next() * 60) });
        const status = pickWeighted<'declined' | 'withdrawn' | 'confirmed'>([['confirmed', 6], ['declined', 2], ['withdrawn', 1]]);
        requests.push({
          code: `A-HIST-${String(requests.length + 1).padStart(4, '0')}`,
          pinHash: 'seeded-history-without-pin',
          locationId: branch.id,
          status,
          preferences: [{ date: day.plus({ days: 3 }).toISODate()!, partOfDay: 'any' }],
          createdAt: createdAt.toJSDate(),
          answeredAt: status === 'withdrawn' ? null : createdAt.plus({ hours: 2 + Math.floor(next() * 30) }).toJSDate(),
          personalDataErasedAt: now,
        });
      }
    }
    if (requests.length) await tx.insert(appointmentRequests).values(requests);

    // What the daily sample of the next free appointment would have found: mostly one to three weeks.
    const samples: (typeof statsNextFree.$inferInsert)[] = [];
    for (let day = first; day < today; day = day.plus({ days: 1 })) {
      const drift = Math.round(6 * Math.sin((day.ordinal / 28) * Math.PI * 2));
      for (const s of offered) samples.push({ locationId: main.id, serviceId: s.serviceId, day: day.toISODate()!, daysUntil: Math.max(1, 9 + drift + Math.floor(next() * 9) - (s.minutesPerUnit <= 5 ? 5 : 0)), sampledAt: day.plus({ hours: 6 }).toJSDate() });
    }
    await tx.insert(statsNextFree).values(samples).onConflictDoNothing();

    await rollUpDays({ days: await listDaysToRollUp({ now, eraseAfterDays, tx }), tx });
    return { bookings: rows.length };
  });
}
