import { sql } from './database';

/**
 * A booking office of the test's own, copied from the seeded Bürgeramt (hours, services) but with
 * `counters` counters and its own settings, so a test may change it without disturbing the others.
 */
export async function createOwnOffice(slug: string, { counters = 2, requireChallenge = false } = {}): Promise<number> {
  const [office] = await sql<{ id: number }>(
    `
    with main as (select * from locations where slug = 'buergeramt-mitte'),
    office as (
      insert into locations (slug, mode, name, street, postal_code, city, phone, position, require_challenge)
      select $1, 'booking', json_build_object('de', 'Testamt ' || $1, 'en', 'Test office ' || $1), street, postal_code, city, phone, 99, $3 from main
      returning id),
    counters_ as (insert into counters (location_id, name, position) select office.id, 'Schalter ' || n, n from office, generate_series(1, $2::int) n returning id),
    hours as (
      insert into opening_hours (location_id, weekday, opens_at, closes_at, counters_open)
      select office.id, h.weekday, h.opens_at, h.closes_at, least(h.counters_open, $2::int) from office, opening_hours h, main where h.location_id = main.id returning id),
    offers as (
      insert into location_services (location_id, service_id, minutes_per_unit, max_count)
      select office.id, s.service_id, s.minutes_per_unit, s.max_count from office, location_services s, main where s.location_id = main.id returning 1)
    select id from office`,
    [slug, counters, requireChallenge],
  );
  return office!.id;
}

/** Removes the office and everything booked there. */
export async function removeOwnOffice(slug: string): Promise<void> {
  await sql(`delete from bookings where location_id = (select id from locations where slug = $1)`, [slug]);
  await sql(`delete from locations where slug = $1`, [slug]);
}
