import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { mayWorkAt, StaffAccessError, type StaffUser } from '@/lib/auth/staff-session';

export type Channel = 'online' | 'staff' | 'request';
export type Outcome = 'used' | 'no_show' | 'open' | 'cancelled_citizen' | 'cancelled_staff' | 'cancelled_closure';

/** The anonymous facts of one office over the local dates `from`…`to` (inclusive), grouped as the report needs them. */
export type StatisticsFacts = {
  appointments: { channel: Channel; outcome: Outcome; leadDays: number; appointments: number; bookedMinutes: number; visits: number; visitMinutes: number }[];
  services: { serviceId: number; name: { de: string; en: string }; appointments: number; units: number; cancelled: number }[];
  days: { day: string; openMinutes: number; bookedMinutes: number }[];
  heat: { weekday: number; hour: number; openMinutes: number; bookedMinutes: number }[];
  nextFree: { day: string; serviceId: number; name: { de: string; en: string }; daysUntil: number | null }[];
  requests: { received: number; confirmed: number; declined: number; withdrawn: number; answered: number; answerMinutes: number };
};

const CANCELLED = sql.raw(`('cancelled_citizen', 'cancelled_staff', 'cancelled_closure')`);

/**
 * Reads the statistics facts (never a booking: they survive the erasure of personal data). The staff
 * check sits here beside the data (DESIGN.md invariant 6): a signed-in admin, or a clerk of this office.
 */
export async function loadStatisticsFacts({ viewer, locationId, from, to, tx = getDb() }: { viewer: StaffUser | null; locationId: number; from: string; to: string; tx?: DbOrTx }): Promise<StatisticsFacts> {
  if (!viewer) throw new StaffAccessError('signed-out');
  if (!mayWorkAt(viewer, locationId)) throw new StaffAccessError('forbidden');
  const inPeriod = (alias: string) => sql`${sql.raw(alias)}.location_id = ${locationId} and ${sql.raw(alias)}.day between ${from}::date and ${to}::date`;
  const [appointments, services, days, heat, nextFree, requests] = await Promise.all([
    tx.execute<StatisticsFacts['appointments'][number]>(sql`
      select a.channel, a.outcome, a.lead_days as "leadDays", sum(a.appointments)::int as appointments, sum(a.booked_minutes)::int as "bookedMinutes",
        sum(a.visits)::int as visits, sum(a.visit_minutes)::int as "visitMinutes"
      from stats_appointments a where ${inPeriod('a')} group by 1, 2, 3 order by 1, 2, 3`),
    tx.execute<StatisticsFacts['services'][number]>(sql`
      select f.service_id as "serviceId", s.name, sum(f.appointments)::int as appointments, sum(f.units)::int as units,
        coalesce(sum(f.appointments) filter (where f.outcome in ${CANCELLED}), 0)::int as cancelled
      from stats_services f join services s on s.id = f.service_id where ${inPeriod('f')}
      group by f.service_id, s.name, s.position order by s.position, f.service_id`),
    tx.execute<StatisticsFacts['days'][number]>(sql`
      with booked as (select a.day, sum(a.booked_minutes) as minutes from stats_appointments a where ${inPeriod('a')} and a.outcome not in ${CANCELLED} group by 1),
        open as (select o.day, sum(o.counter_minutes) as minutes from stats_open_minutes o where ${inPeriod('o')} group by 1)
      select coalesce(o.day, b.day)::text as day, coalesce(o.minutes, 0)::int as "openMinutes", coalesce(b.minutes, 0)::int as "bookedMinutes"
      from open o full join booked b on b.day = o.day order by 1`),
    tx.execute<StatisticsFacts['heat'][number]>(sql`
      with booked as (select extract(isodow from a.day)::int as weekday, a.hour, sum(a.booked_minutes) as minutes from stats_appointments a
          where ${inPeriod('a')} and a.outcome not in ${CANCELLED} group by 1, 2),
        open as (select extract(isodow from o.day)::int as weekday, o.hour, sum(o.counter_minutes) as minutes from stats_open_minutes o where ${inPeriod('o')} group by 1, 2)
      select coalesce(o.weekday, b.weekday) as weekday, coalesce(o.hour, b.hour)::int as hour, coalesce(o.minutes, 0)::int as "openMinutes", coalesce(b.minutes, 0)::int as "bookedMinutes"
      from open o full join booked b on b.weekday = o.weekday and b.hour = o.hour order by 1, 2`),
    tx.execute<StatisticsFacts['nextFree'][number]>(sql`
      select n.day::text as day, n.service_id as "serviceId", s.name, n.days_until as "daysUntil"
      from stats_next_free n join services s on s.id = n.service_id where ${inPeriod('n')} order by n.day, s.position, n.service_id`),
    tx.execute<StatisticsFacts['requests']>(sql`
      select coalesce(sum(r.received), 0)::int as received, coalesce(sum(r.confirmed), 0)::int as confirmed, coalesce(sum(r.declined), 0)::int as declined,
        coalesce(sum(r.withdrawn), 0)::int as withdrawn, coalesce(sum(r.answered), 0)::int as answered, coalesce(sum(r.answer_minutes), 0)::int as "answerMinutes"
      from stats_requests r where ${inPeriod('r')}`),
  ]);
  return { appointments: appointments.rows, services: services.rows, days: days.rows, heat: heat.rows, nextFree: nextFree.rows, requests: requests.rows[0]! };
}
