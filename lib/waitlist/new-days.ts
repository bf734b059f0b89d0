import 'server-only';
import { DateTime } from 'luxon';
import { claimNewDays, officesWithNewDayShare } from '@/db/queries/waitlist';
import { releaseRuleOf } from '@/lib/booking/availability';
import { logFor } from '@/lib/log/logger';
import { newDaysDue } from '@/lib/slots';

const log = logFor('waitlist');

/**
 * How long before a release the waitlist takes its share of the new days: its offers must stand when the
 * public first sees the day, and a worker polls every few seconds. Wishes confirmed in these last minutes
 * wait for freed times like the others.
 */
export const NEW_DAY_LEAD_MINUTES = 10;

/**
 * Queues, once per office and released day, a `new_days` job for the days each office with a waitlist share
 * releases within `NEW_DAY_LEAD_MINUTES` (`newDaysDue`; without a schedule, the day that enters the horizon at
 * midnight). The office's marker is moved by compare and set in the job's transaction, so any number of
 * workers in any number of instances queue each day once; with no wish waiting the days are claimed and
 * nothing is queued. Offices with share 0 are not looked at.
 */
export async function queueNewDays({ now = new Date() }: { now?: Date } = {}): Promise<number> {
  let queued = 0;
  for (const office of await officesWithNewDayShare()) {
    const rule = releaseRuleOf(office);
    const due = newDaysDue({ rule, horizonDays: office.bookingHorizonDays, timeZone: office.timeZone, now, leadMinutes: NEW_DAY_LEAD_MINUTES, claimedThrough: office.claimedThrough });
    if (!due) continue;
    const start = DateTime.fromISO(due.from, { zone: office.timeZone }).startOf('day').toJSDate();
    const end = DateTime.fromISO(due.through, { zone: office.timeZone }).plus({ days: 1 }).startOf('day').toJSDate();
    // `taken`: another worker read the same marker and claimed first; what it left, the next round finds.
    const outcome = await claimNewDays({ locationId: office.id, seenThrough: office.claimedThrough, through: due.through, start, end });
    if (outcome === 'taken') continue;
    if (outcome === 'queued') queued++;
    log.info({ locationId: office.id, from: due.from, through: due.through, outcome }, 'new days claimed for the waitlist');
  }
  return queued;
}
