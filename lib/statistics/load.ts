import 'server-only';
import { DateTime } from 'luxon';
import { loadStatisticsFacts } from '@/db/queries/statistics';
import { requireStaff } from '@/lib/auth/staff-session';
import { locationsFor } from '@/lib/staff/day-plan';
import { periodOf } from './period';
import { buildReport } from './report';

export type StatisticsQuery = { office?: string; kind?: string; date?: string; from?: string; to?: string };

/**
 * The statistics of one office the signed-in staff member may see (admins: any, clerks: their own) for the
 * period asked for, with the period before it. Throws `StaffAccessError` without a session.
 */
export async function statisticsFor({ query, now = new Date() }: { query: StatisticsQuery; now?: Date }) {
  const viewer = await requireStaff();
  const offices = await locationsFor(viewer);
  const office = offices.find((l) => l.slug === query.office) ?? offices[0];
  if (!office) return { viewer, offices, office: null, report: null };
  const today = DateTime.fromJSDate(now, { zone: office.timeZone }).toISODate()!;
  const period = periodOf({ ...query, today });
  const [facts, previousFacts] = await Promise.all([
    loadStatisticsFacts({ viewer, locationId: office.id, from: period.from, to: period.to }),
    loadStatisticsFacts({ viewer, locationId: office.id, from: period.previous.from, to: period.previous.to }),
  ]);
  return { viewer, offices, office, report: buildReport({ period, facts, previousFacts }) };
}
