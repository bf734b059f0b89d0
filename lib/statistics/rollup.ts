import 'server-only';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { getDb } from '@/db/client';
import { loadLocationForBooking } from '@/db/queries/availability';
import { insertNextFreeSamples, listDaysToRollUp, listMissingNextFreeSamples, rollUpDays } from '@/db/queries/statistics-rollup';
import { findSlots, horizonEnd, localToday } from '@/lib/booking/availability';

// Any constant distinct from the (location, day) keys of the hold locks; instances take turns rolling up.
const ROLLUP_LOCK = 0x57a7_0016;

/**
 * Writes the anonymous daily statistics (issue 16): rolls up every finished office day not yet final, then
 * takes today's sample of the next free appointment per office and service. Runs at the start of the
 * erasure job, so every day is rolled up before its personal data goes.
 */
export async function rollUpStatistics({ now = new Date(), eraseAfterDays }: { now?: Date; eraseAfterDays: number }): Promise<{ days: number; samples: number }> {
  const days = await getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ROLLUP_LOCK})`);
    const due = await listDaysToRollUp({ now, eraseAfterDays, tx });
    await rollUpDays({ days: due, tx });
    return due.length;
  });
  return { days, samples: await sampleNextFree({ now }) };
}

/** Days from today until the first free start for one unit of each service, over the booking horizon (null: none). */
export async function sampleNextFree({ now = new Date() }: { now?: Date } = {}): Promise<number> {
  const day = DateTime.fromJSDate(now, { zone: 'Europe/Berlin' }).toISODate()!;
  let written = 0;
  for (const missing of await listMissingNextFreeSamples({ day })) {
    const location = await loadLocationForBooking({ slug: missing.slug });
    if (!location) continue;
    const today = localToday(location, now);
    const last = horizonEnd(location, now);
    const rows = [];
    for (const service of location.services.filter((s) => missing.serviceIds.includes(s.id))) {
      const slots = await findSlots({ location, durationMinutes: service.minutesPerUnit, from: today, to: last, now });
      const first = slots.reduce<(typeof slots)[number] | undefined>((a, b) => (!a || b.start < a.start ? b : a), undefined);
      const daysUntil = first ? DateTime.fromISO(first.date).diff(DateTime.fromISO(today), 'days').days : null;
      rows.push({ locationId: location.id, serviceId: service.id, day: today, daysUntil: daysUntil === null ? null : Math.round(daysUntil) });
    }
    await insertNextFreeSamples({ rows });
    written += rows.length;
  }
  return written;
}
