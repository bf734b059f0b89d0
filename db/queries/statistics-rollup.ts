import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';

export type RollupDay = { locationId: number; day: string };

/**
 * The finished local days each office still needs rolled up: every day after its last rolled-up one, and
 * again the recent days (`day > today - eraseAfterDays`) whose bookings may still change status (a no-show
 * recorded the next morning) and none of whose personal data has been erased. An older day is final: the
 * erasure may have reached its bookings, so it is never computed again.
 */
export async function listDaysToRollUp({ now, eraseAfterDays, tx = getDb() }: { now: Date; eraseAfterDays: number; tx?: DbOrTx }): Promise<RollupDay[]> {
  const { rows } = await tx.execute<{ location_id: number; day: string }>(sql`
    with office as (
      select l.id, l.time_zone as tz, (${now}::timestamptz at time zone l.time_zone)::date as today,
        (select max(s.day) from stats_rollups s where s.location_id = l.id) as last_rolled
      from locations l
    ), span as (
      select o.*, least(
        coalesce(o.last_rolled + 1, least(
          (select min((lower(b.during) at time zone o.tz)::date) from bookings b where b.location_id = o.id),
          (select min((r.created_at at time zone o.tz)::date) from appointment_requests r where r.location_id = o.id),
          o.today - 1)),
        o.today - ${eraseAfterDays}::int + 1) as first
      from office o
    )
    select s.id as location_id, d::date::text as day
    from span s cross join generate_series(s.first, s.today - 1, interval '1 day') d
    where d::date > coalesce(s.last_rolled, '-infinity'::date)
      or (d::date > s.today - ${eraseAfterDays}::int and not exists (
        select 1 from bookings b where b.location_id = s.id and b.personal_data_erased_at is not null
          and b.during && tstzrange(d::date::timestamp at time zone s.tz, (d::date + 1)::timestamp at time zone s.tz)))
    order by 1, 2`);
  return rows.map((r) => ({ locationId: r.location_id, day: r.day }));
}

// Outcome of one booking for the statistics; moved bookings count once, as the booking that replaced them.
const outcome = sql.raw(`case
  when b.status in ('done', 'checked_in') then 'used'
  when b.status = 'no_show' then 'no_show'
  when b.status = 'booked' then 'open'
  when b.cancelled_by = 'staff' then 'cancelled_staff'
  when b.cancelled_by = 'closure' then 'cancelled_closure'
  else 'cancelled_citizen' end::stats_outcome`);
const counted = sql.raw(`(b.status in ('booked', 'checked_in', 'done', 'no_show') or (b.status = 'cancelled' and b.cancelled_by is distinct from 'rescheduled'))`);

/**
 * Replaces the facts of the given office days with what the bookings, requests, opening hours and
 * closures say now, and marks the days rolled up; one transaction, so the job may run on any number of
 * instances (the last writer wins with the same figures).
 */
export async function rollUpDays({ days, tx }: { days: RollupDay[]; tx: DbOrTx }): Promise<void> {
  if (days.length === 0) return;
  const json = JSON.stringify(days.map((d) => ({ location_id: d.locationId, day: d.day })));
  const list = sql`(select x.location_id, x.day, l.time_zone as tz,
      x.day::timestamp at time zone l.time_zone as day_start, (x.day + 1)::timestamp at time zone l.time_zone as day_end
    from jsonb_to_recordset(${json}::jsonb) as x(location_id int, day date)
    join locations l on l.id = x.location_id)`;
  // All days' times with a day's margin for any time zone: lets the GiST index on (location_id, during) narrow the bookings.
  const span = sql`(select tstzrange((min(x.day) - 1)::timestamp at time zone 'UTC', (max(x.day) + 2)::timestamp at time zone 'UTC')
    from jsonb_to_recordset(${json}::jsonb) as x(location_id int, day date))`;
  for (const table of ['stats_appointments', 'stats_services', 'stats_open_minutes', 'stats_requests']) {
    await tx.execute(sql`delete from ${sql.identifier(table)} t using ${list} d where t.location_id = d.location_id and t.day = d.day`);
  }
  // Bookings belong to the local day their appointment starts on; an equality join on that day, so one pass over the bookings.
  // (`offset 0` keeps the local day a column of its own, so PostgreSQL hashes on office and day together.)
  const booked = sql`(select b.*, d.tz from (
        select b.*, (lower(b.during) at time zone l.time_zone)::date as day from bookings b join locations l on l.id = b.location_id
        where b.during && ${span} and ${counted} offset 0) b
      join ${list} d on d.location_id = b.location_id and d.day = b.day)`;
  await tx.execute(sql`
    insert into stats_appointments (location_id, day, hour, channel, outcome, lead_days, appointments, booked_minutes, visits, visit_minutes)
    select b.location_id, b.day, extract(hour from lower(b.during) at time zone b.tz)::smallint, b.source, ${outcome},
      (case when lead < 1 then 0 when lead < 2 then 1 when lead < 4 then 2 when lead < 8 then 4 when lead < 15 then 8 when lead < 29 then 15 else 29 end)::smallint,
      count(*)::int, sum(round(extract(epoch from upper(b.during) - lower(b.during)) / 60))::int,
      count(*) filter (where b.checked_in_at is not null and b.done_at >= b.checked_in_at)::int,
      coalesce(sum(round(extract(epoch from b.done_at - b.checked_in_at) / 60)) filter (where b.checked_in_at is not null and b.done_at >= b.checked_in_at), 0)::int
    from ${booked} b
    cross join lateral (select b.day - (coalesce(b.confirmed_at, b.created_at) at time zone b.tz)::date as lead) l
    group by 1, 2, 3, 4, 5, 6`);
  await tx.execute(sql`
    insert into stats_services (location_id, day, service_id, channel, outcome, appointments, units, booked_minutes)
    select b.location_id, b.day, bs.service_id, b.source, ${outcome}, count(*)::int, sum(bs.count)::int, sum(bs.count * bs.minutes_per_unit)::int
    from ${booked} b join booking_services bs on bs.booking_id = b.id
    group by 1, 2, 3, 4, 5`);
  // Counter minutes per hour: each weekly window's overlap with the hour × its counters (no more than the office has), unless closed that day.
  await tx.execute(sql`
    insert into stats_open_minutes (location_id, day, hour, counter_minutes)
    select d.location_id, d.day, h.hour, sum(
      greatest(0, least(extract(epoch from w.closes_at) / 60, (h.hour + 1) * 60) - greatest(extract(epoch from w.opens_at) / 60, h.hour * 60))
      * least(w.counters_open, (select count(*) from counters c where c.location_id = d.location_id and c.active)))::int
    from ${list} d
    join opening_hours w on w.location_id = d.location_id and w.weekday = extract(isodow from d.day)
    cross join generate_series(0, 23) as h(hour)
    where not exists (select 1 from closures c where (c.location_id = d.location_id or c.location_id is null) and d.day between c.starts_on and c.ends_on)
    group by 1, 2, 3
    having sum(greatest(0, least(extract(epoch from w.closes_at) / 60, (h.hour + 1) * 60) - greatest(extract(epoch from w.opens_at) / 60, h.hour * 60))) > 0`);
  await tx.execute(sql`
    insert into stats_requests (location_id, day, received, confirmed, declined, withdrawn, answered, answer_minutes)
    select d.location_id, d.day, count(*)::int,
      count(*) filter (where r.status = 'confirmed')::int, count(*) filter (where r.status = 'declined')::int,
      count(*) filter (where r.status = 'withdrawn')::int,
      count(*) filter (where r.status in ('confirmed', 'declined') and r.answered_at is not null)::int,
      coalesce(sum(round(extract(epoch from r.answered_at - r.created_at) / 60)) filter (where r.status in ('confirmed', 'declined') and r.answered_at is not null), 0)::int
    from ${list} d join appointment_requests r on r.location_id = d.location_id and (r.created_at at time zone d.tz)::date = d.day
    group by 1, 2`);
  await tx.execute(sql`
    insert into stats_rollups (location_id, day) select d.location_id, d.day from ${list} d
    on conflict (location_id, day) do update set rolled_up_at = now()`);
}

/** Offices and services whose next-free sample for `day` is still missing: active booking-mode offices, services bookable there. */
export async function listMissingNextFreeSamples({ day, tx = getDb() }: { day: string; tx?: DbOrTx }): Promise<{ slug: string; locationId: number; serviceIds: number[] }[]> {
  const { rows } = await tx.execute<{ slug: string; location_id: number; service_ids: number[] }>(sql`
    select l.slug, l.id as location_id, array_agg(ls.service_id order by ls.service_id) as service_ids
    from locations l join location_services ls on ls.location_id = l.id join services s on s.id = ls.service_id and s.active
    where l.active and l.mode = 'booking'
      and not exists (select 1 from stats_next_free n where n.location_id = l.id and n.service_id = ls.service_id and n.day = ${day}::date)
    group by l.slug, l.id`);
  return rows.map((r) => ({ slug: r.slug, locationId: r.location_id, serviceIds: r.service_ids }));
}

export async function insertNextFreeSamples({ rows, tx = getDb() }: { rows: { locationId: number; serviceId: number; day: string; daysUntil: number | null }[]; tx?: DbOrTx }): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into stats_next_free (location_id, service_id, day, days_until)
    select x.location_id, x.service_id, x.day, x.days_until
    from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ location_id: r.locationId, service_id: r.serviceId, day: r.day, days_until: r.daysUntil })))}::jsonb)
      as x(location_id int, service_id int, day date, days_until int)
    on conflict do nothing`);
}
