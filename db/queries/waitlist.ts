import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type DbOrTx, type Tx } from '@/db/client';
import { bookings, wishes, wishLocations, wishServices, type WishPart } from '@/db/schema';
import { generateWishCode } from '@/lib/requests/reference';

const UNIQUE_VIOLATION = '23505';
const constraintOf = (error: unknown): string | undefined =>
  (error as { cause?: { constraint?: string } })?.cause?.constraint ?? (error as { constraint?: string })?.constraint;
const codeOf = (error: unknown): string | undefined => (error as { cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code;

/** Unconfirmed wishes are dropped after this many hours. */
export const CONFIRM_WITHIN_HOURS = 24;

export type NewWish = {
  locationIds: number[];
  items: { serviceId: number; count: number }[];
  earliestDate: string;
  latestDate: string;
  weekdays: number[];
  parts: WishPart[];
  locale: string;
  name: string;
  email: string;
  confirmTokenHash: string;
};

/** The office group of a wish: its offices as sorted ids. */
export const officeGroupOf = (locationIds: readonly number[]) => [...new Set(locationIds)].sort((a, b) => a - b).join(',');

/** One mailbox under many spellings: lower case, no +tag (as bookings count it). */
const mailbox = (email: string) => sql`regexp_replace(lower(${email}), '[+][^@]*@', '@')`;

/**
 * Stores a new, unconfirmed wish with its offices and services. An unconfirmed wish of the same mailbox and
 * office group is replaced (a second registration before confirming the first); a waiting one is kept and
 * the new wish refused (`duplicate`): one open wish per mailbox and office group, which a unique index enforces.
 */
export async function insertWish({ wish, pinHash, tx }: { wish: NewWish; pinHash: (id: number) => string; tx: Tx }): Promise<{ status: 'created'; id: number; code: string } | { status: 'duplicate' }> {
  const officeGroup = officeGroupOf(wish.locationIds);
  await tx.execute(sql`
    update waitlist_wishes set status = 'expired', closed_at = now(), confirm_token_hash = null
    where status = 'unconfirmed' and office_group = ${officeGroup} and regexp_replace(lower(email), '[+][^@]*@', '@') = ${mailbox(wish.email)}`);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await tx.transaction(async (savepoint) => {
        const [row] = await savepoint
          .insert(wishes)
          .values({
            code: generateWishCode(),
            pinHash: 'pending',
            confirmTokenHash: wish.confirmTokenHash,
            officeGroup,
            earliestDate: wish.earliestDate,
            latestDate: wish.latestDate,
            weekdays: wish.weekdays,
            parts: wish.parts,
            locale: wish.locale,
            name: wish.name,
            email: wish.email,
          })
          .returning({ id: wishes.id, code: wishes.code });
        await savepoint.update(wishes).set({ pinHash: pinHash(row!.id) }).where(eq(wishes.id, row!.id));
        await savepoint.insert(wishLocations).values([...new Set(wish.locationIds)].map((locationId) => ({ wishId: row!.id, locationId })));
        await savepoint.insert(wishServices).values(wish.items.map((item) => ({ wishId: row!.id, ...item })));
        return { status: 'created' as const, id: row!.id, code: row!.code };
      });
    } catch (error) {
      if (codeOf(error) !== UNIQUE_VIOLATION) throw error;
      if (constraintOf(error) === 'waitlist_wishes_one_open_per_mailbox') return { status: 'duplicate' };
      if (constraintOf(error) !== 'waitlist_wishes_code_unique') throw error;
    }
  }
  throw new Error('no free wish number');
}

/** Puts an unconfirmed wish into the queue (its confirmation link was followed in time); null if the link is unknown, used or too old. */
export async function confirmWishByToken({ tokenHash, tx = getDb() }: { tokenHash: string; tx?: DbOrTx }): Promise<{ id: number; code: string } | null> {
  const [row] = await tx
    .update(wishes)
    .set({ status: 'waiting', confirmedAt: sql`now()`, confirmTokenHash: null })
    .where(and(eq(wishes.confirmTokenHash, tokenHash), eq(wishes.status, 'unconfirmed'), sql`${wishes.createdAt} > now() - make_interval(hours => ${CONFIRM_WITHIN_HOURS})`))
    .returning({ id: wishes.id, code: wishes.code });
  return row ?? null;
}

export type WishDetails = typeof wishes.$inferSelect & {
  locations: { id: number; slug: string; name: { de: string; en: string }; timeZone: string }[];
  items: { serviceId: number; slug: string; name: { de: string; en: string }; count: number }[];
};

/** A wish with its offices and services, by number or id. */
export async function findWish({ code, id, tx = getDb() }: { code?: string; id?: number; tx?: DbOrTx }): Promise<WishDetails | null> {
  const [wish] = await tx.select().from(wishes).where(code !== undefined ? eq(wishes.code, code) : eq(wishes.id, id ?? -1));
  if (!wish) return null;
  const { rows: locationRows } = await tx.execute<{ id: number; slug: string; name: { de: string; en: string }; time_zone: string }>(sql`
    select l.id, l.slug, l.name, l.time_zone from waitlist_wish_locations wl join locations l on l.id = wl.location_id where wl.wish_id = ${wish.id} order by l.position, l.id`);
  const { rows: itemRows } = await tx.execute<{ service_id: number; slug: string; name: { de: string; en: string }; count: number }>(sql`
    select s.id as service_id, s.slug, s.name, ws.count from waitlist_wish_services ws join services s on s.id = ws.service_id where ws.wish_id = ${wish.id} order by s.position, s.id`);
  return {
    ...wish,
    locations: locationRows.map((l) => ({ id: l.id, slug: l.slug, name: l.name, timeZone: l.time_zone })),
    items: itemRows.map((i) => ({ serviceId: i.service_id, slug: i.slug, name: i.name, count: i.count })),
  };
}

export type OfferRow = { id: number; code: string; locationId: number; start: Date; end: Date; holdExpiresAt: Date; holdTokenHash: string | null };

/** The offer standing for a wish now (held, not run out), if any. */
export async function currentOffer({ wishId, tx = getDb() }: { wishId: number; tx?: DbOrTx }): Promise<OfferRow | null> {
  const { rows: [row] } = await tx.execute<{ id: number; code: string; location_id: number; start: Date; end: Date; hold_expires_at: Date; hold_token_hash: string | null }>(sql`
    select id, code, location_id, lower(during) as start, upper(during) as "end", hold_expires_at, hold_token_hash from bookings
    where wish_id = ${wishId} and status = 'held' and hold_expires_at > now()`);
  return row ? { id: Number(row.id), code: row.code, locationId: row.location_id, start: new Date(row.start), end: new Date(row.end), holdExpiresAt: new Date(row.hold_expires_at), holdTokenHash: row.hold_token_hash } : null;
}

/**
 * A wish's place in the queue: 1 + the waiting wishes confirmed before it that share an office and a
 * service with it (those are served first when a time fits both).
 */
export async function wishPosition({ wishId, tx = getDb() }: { wishId: number; tx?: DbOrTx }): Promise<number> {
  const { rows: [row] } = await tx.execute<{ ahead: number }>(sql`
    select count(*)::int as ahead from waitlist_wishes other, waitlist_wishes me
    where me.id = ${wishId} and other.status = 'waiting' and other.id <> me.id
      and (other.confirmed_at, other.id) < (me.confirmed_at, me.id)
      and exists (select 1 from waitlist_wish_locations a join waitlist_wish_locations b on a.location_id = b.location_id where a.wish_id = other.id and b.wish_id = me.id)
      and exists (select 1 from waitlist_wish_services a join waitlist_wish_services b on a.service_id = b.service_id where a.wish_id = other.id and b.wish_id = me.id)`);
  return (row?.ahead ?? 0) + 1;
}

export type QueuedWish = {
  id: number;
  locale: string;
  earliestDate: string;
  latestDate: string;
  weekdays: number[];
  parts: WishPart[];
  items: { serviceId: number; count: number }[];
  offeredBefore: { start: Date; end: Date }[];
};

/**
 * Waiting wishes for an office whose dates touch `fromDate`…`toDate`, without a standing offer, longest
 * waiting first, each with its services and the times it was offered before.
 */
export async function queuedWishesAt({ locationId, fromDate, toDate, tx = getDb() }: { locationId: number; fromDate: string; toDate: string; tx?: DbOrTx }): Promise<QueuedWish[]> {
  const { rows } = await tx.execute<{ id: number; locale: string; earliest_date: string; latest_date: string; weekdays: number[]; parts: WishPart[]; items: { serviceId: number; count: number }[]; offered: { start: string; end: string }[] | null }>(sql`
    select w.id, w.locale, w.earliest_date::text, w.latest_date::text, w.weekdays, w.parts,
      (select json_agg(json_build_object('serviceId', ws.service_id, 'count', ws.count)) from waitlist_wish_services ws where ws.wish_id = w.id) as items,
      (select json_agg(json_build_object('start', lower(b.during), 'end', upper(b.during))) from bookings b where b.wish_id = w.id) as offered
    from waitlist_wishes w
    where w.status = 'waiting'
      and exists (select 1 from waitlist_wish_locations wl where wl.wish_id = w.id and wl.location_id = ${locationId})
      and w.earliest_date <= ${toDate}::date and w.latest_date >= ${fromDate}::date
      and not exists (select 1 from bookings b where b.wish_id = w.id and b.status = 'held' and b.hold_expires_at > now())
    order by w.confirmed_at, w.id`);
  return rows.map((r) => ({
    id: Number(r.id),
    locale: r.locale,
    earliestDate: r.earliest_date,
    latestDate: r.latest_date,
    weekdays: r.weekdays.map(Number),
    parts: r.parts,
    items: r.items ?? [],
    offeredBefore: (r.offered ?? []).map((o) => ({ start: new Date(o.start), end: new Date(o.end) })),
  }));
}

/** Copies the wish's name, email and language onto its offer, so the accepted booking has them. */
export async function copyWishContactToOffer({ wishId, bookingId, tx }: { wishId: number; bookingId: number; tx: DbOrTx }) {
  await tx.execute(sql`update bookings b set name = w.name, email = w.email, locale = w.locale from waitlist_wishes w where w.id = ${wishId} and b.id = ${bookingId}`);
}

/** Ends an offer (declined, or its wish withdrawn): the trigger queues its time for the next wish. */
export async function releaseOffer({ wishId, tx = getDb() }: { wishId: number; tx?: DbOrTx }): Promise<boolean> {
  const rows = await tx.update(bookings).set({ status: 'expired' }).where(and(eq(bookings.wishId, wishId), eq(bookings.status, 'held'))).returning({ id: bookings.id });
  return rows.length > 0;
}

/** Closes an open wish (`withdrawn`, `fulfilled`, `expired`); false if it was not open. */
export async function closeWish({ wishId, status, tx = getDb() }: { wishId: number; status: 'withdrawn' | 'fulfilled' | 'expired'; tx?: DbOrTx }): Promise<boolean> {
  const rows = await tx
    .update(wishes)
    .set({ status, closedAt: sql`now()`, confirmTokenHash: null })
    .where(and(eq(wishes.id, wishId), sql`${wishes.status} in ('unconfirmed', 'waiting')`))
    .returning({ id: wishes.id });
  return rows.length === 1;
}

/** Changes the dates, weekdays and parts of day of an open wish; its place in the queue stays. */
export async function updateWishWindow({ wishId, window, tx = getDb() }: { wishId: number; window: { earliestDate: string; latestDate: string; weekdays: number[]; parts: WishPart[] }; tx?: DbOrTx }): Promise<boolean> {
  const rows = await tx
    .update(wishes)
    .set(window)
    .where(and(eq(wishes.id, wishId), sql`${wishes.status} in ('unconfirmed', 'waiting')`))
    .returning({ id: wishes.id });
  return rows.length === 1;
}

/**
 * Ends what ran out: offers past their expiry (the trigger queues each time for the next wish), unconfirmed
 * wishes older than a day, waiting wishes whose last day has passed (their standing offer released first).
 */
export async function expireWaitlist({ tx = getDb() }: { tx?: DbOrTx } = {}): Promise<{ offers: number; wishes: number }> {
  const offers = await tx.execute(sql`
    update bookings set status = 'expired'
    where id in (select id from bookings where wish_id is not null and status = 'held' and hold_expires_at <= now() for update skip locked)`);
  const { rowCount: stale } = await tx.execute(sql`
    with gone as (
      update waitlist_wishes set status = 'expired', closed_at = now(), confirm_token_hash = null
      where (status = 'unconfirmed' and created_at <= now() - make_interval(hours => ${CONFIRM_WITHIN_HOURS}))
         or (status = 'waiting' and latest_date < (now() at time zone 'Europe/Berlin')::date)
      returning id)
    update bookings set status = 'expired' where wish_id in (select id from gone) and status = 'held'`);
  return { offers: offers.rowCount ?? 0, wishes: stale ?? 0 };
}

/**
 * Claims one due sweep job (FOR UPDATE SKIP LOCKED: every worker of every instance takes a different one),
 * runs `fn` on it and deletes it in the claiming transaction; a failure leaves it for the next round.
 */
export async function withNextSweep(fn: (job: { locationId: number; start: Date; end: Date; newDays: boolean }) => Promise<void>): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const { rows: [job] } = await tx.execute<{ id: number; location_id: number; start: Date; end: Date; new_days: boolean }>(sql`
      select id, location_id, lower(during) as start, upper(during) as "end", new_days from waitlist_sweeps
      where run_after <= now() order by run_after, id limit 1 for update skip locked`);
    if (!job) return false;
    await fn({ locationId: job.location_id, start: new Date(job.start), end: new Date(job.end), newDays: job.new_days });
    await tx.execute(sql`delete from waitlist_sweeps where id = ${job.id}`);
    return true;
  });
}

/** Queues "offer the free times in this office during [start, end)" for the worker. */
export async function queueSweep({ locationId, start, end, tx = getDb() }: { locationId: number; start: Date; end: Date; tx?: DbOrTx }) {
  await tx.execute(sql`insert into waitlist_sweeps (location_id, during) values (${locationId}, tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz))`);
}

const someoneWaitsAt = (locationId: number) => sql`exists (
  select 1 from waitlist_wish_locations wl join waitlist_wishes w on w.id = wl.wish_id where wl.location_id = ${locationId} and w.status = 'waiting')`;

/**
 * `queueSweep`, but only when a wish waits for the office (as the trigger on freed times does): for changes
 * that add free time, in their transaction. True if a job was queued.
 */
export async function queueSweepIfWaiting({ locationId, start, end, newDays = false, tx = getDb() }: { locationId: number; start: Date; end: Date; newDays?: boolean; tx?: DbOrTx }): Promise<boolean> {
  const { rowCount } = await tx.execute(sql`
    insert into waitlist_sweeps (location_id, during, new_days)
    select ${locationId}, tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz), ${newDays} where ${someoneWaitsAt(locationId)}`);
  return (rowCount ?? 0) > 0;
}

export type NewDayOffice = { id: number; timeZone: string; bookingHorizonDays: number; releaseTime: string | null; releaseWeekdays: number[]; claimedThrough: string | null };

/** The active booking offices that give the waitlist a share of new days, with their release schedule and how far they claimed. */
export async function officesWithNewDayShare({ tx = getDb() }: { tx?: DbOrTx } = {}): Promise<NewDayOffice[]> {
  const { rows } = await tx.execute<{ id: number; time_zone: string; booking_horizon_days: number; release_time: string | null; release_weekdays: number[]; claimed_through: string | null }>(sql`
    select id, time_zone, booking_horizon_days, release_time::text, release_weekdays, waitlist_new_days_through::text as claimed_through
    from locations where active and mode = 'booking' and waitlist_new_day_share > 0 order by id`);
  return rows.map((r) => ({ id: r.id, timeZone: r.time_zone, bookingHorizonDays: r.booking_horizon_days, releaseTime: r.release_time, releaseWeekdays: r.release_weekdays.map(Number), claimedThrough: r.claimed_through }));
}

/**
 * Claims an office's new days `[start, end)` through the local date `through` for the waitlist, once: the
 * office's marker moves from `seenThrough` (what the caller read) to `through` only if no one moved it
 * meanwhile (compare and set), and in the same transaction a `new_days` job is queued if a wish waits.
 * `taken`: another worker claimed first (it read the same marker); the caller's next round reads it anew.
 */
export async function claimNewDays({ locationId, seenThrough, through, start, end }: { locationId: number; seenThrough: string | null; through: string; start: Date; end: Date }): Promise<'queued' | 'nobody-waits' | 'taken'> {
  return getDb().transaction(async (tx) => {
    const { rowCount } = await tx.execute(sql`
      update locations set waitlist_new_days_through = ${through}::date
      where id = ${locationId} and waitlist_new_days_through is not distinct from ${seenThrough}::date`);
    if (!rowCount) return 'taken';
    return (await queueSweepIfWaiting({ locationId, start, end, newDays: true, tx })) ? 'queued' : 'nobody-waits';
  });
}

/** The counter times waitlist offers (standing or accepted) take at the office during `[from, to)`. */
export async function waitlistOffersDuring({ locationId, from, to, tx = getDb() }: { locationId: number; from: Date; to: Date; tx?: DbOrTx }): Promise<{ counterId: number; start: Date; end: Date }[]> {
  const { rows } = await tx.execute<{ counter_id: number; start: Date; end: Date }>(sql`
    select counter_id, lower(during) as start, upper(during) as "end" from bookings
    where location_id = ${locationId} and wish_id is not null and during && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz)
      and (status in ('booked', 'checked_in', 'done', 'no_show') or (status = 'held' and hold_expires_at > now()))`);
  return rows.map((r) => ({ counterId: r.counter_id, start: new Date(r.start), end: new Date(r.end) }));
}

type MailOffice = { name: { de: string; en: string }; street: string; postalCode: string; city: string; phone: string | null; email: string | null; timeZone: string };

export type WishMailData = {
  id: number;
  code: string;
  locale: 'de' | 'en';
  status: (typeof wishes.$inferSelect)['status'];
  name: string | null;
  email: string | null;
  earliestDate: string;
  latestDate: string;
  weekdays: number[];
  parts: WishPart[];
  offices: MailOffice[];
  items: { name: { de: string; en: string }; count: number }[];
};

/** Everything a waitlist mail shows about a wish; null if there is no such wish. */
export async function loadWishForMail({ wishId, tx = getDb() }: { wishId: number; tx?: DbOrTx }): Promise<WishMailData | null> {
  const wish = await findWish({ id: wishId, tx });
  if (!wish) return null;
  const { rows: offices } = await tx.execute<{ name: { de: string; en: string }; street: string; postal_code: string; city: string; phone: string | null; email: string | null; time_zone: string }>(sql`
    select l.name, l.street, l.postal_code, l.city, l.phone, l.email, l.time_zone from waitlist_wish_locations wl join locations l on l.id = wl.location_id where wl.wish_id = ${wishId} order by l.position, l.id`);
  return {
    id: wish.id,
    code: wish.code,
    locale: wish.locale === 'en' ? 'en' : 'de',
    status: wish.status,
    name: wish.name,
    email: wish.email,
    earliestDate: wish.earliestDate,
    latestDate: wish.latestDate,
    weekdays: wish.weekdays,
    parts: wish.parts,
    offices: offices.map((o) => ({ name: o.name, street: o.street, postalCode: o.postal_code, city: o.city, phone: o.phone, email: o.email, timeZone: o.time_zone })),
    items: wish.items.map((i) => ({ name: i.name, count: i.count })),
  };
}

/** The wish number and expiry of an offer (a held booking with a wish), for its mail. */
export async function offerFacts({ bookingId, tx = getDb() }: { bookingId: number; tx?: DbOrTx }): Promise<{ wishCode: string; holdExpiresAt: Date; status: string } | null> {
  const { rows: [row] } = await tx.execute<{ code: string; hold_expires_at: Date; status: string }>(sql`
    select w.code, b.hold_expires_at, b.status from bookings b join waitlist_wishes w on w.id = b.wish_id where b.id = ${bookingId}`);
  return row ? { wishCode: row.code, holdExpiresAt: new Date(row.hold_expires_at), status: row.status } : null;
}

export type DemandRow = { serviceId: number; week: string; morning: number; afternoon: number; wishes: number };

/**
 * The open demand at an office: waiting wishes per service and calendar week (of the wish's earliest day, from
 * today on), with how many can come mornings and afternoons. Counts only, no one named.
 */
export async function waitingDemand({ locationId, tx = getDb() }: { locationId: number; tx?: DbOrTx }): Promise<DemandRow[]> {
  const { rows } = await tx.execute<{ service_id: number; week: string; morning: number; afternoon: number; wishes: number }>(sql`
    select ws.service_id, date_trunc('week', greatest(w.earliest_date, current_date))::date::text as week,
      count(*) filter (where 'morning' = any(w.parts))::int as morning, count(*) filter (where 'afternoon' = any(w.parts))::int as afternoon, count(*)::int as wishes
    from waitlist_wishes w join waitlist_wish_locations wl on wl.wish_id = w.id join waitlist_wish_services ws on ws.wish_id = w.id
    where w.status = 'waiting' and wl.location_id = ${locationId}
    group by 1, 2 order by 2, 1`);
  return rows.map((r) => ({ serviceId: r.service_id, week: r.week, morning: r.morning, afternoon: r.afternoon, wishes: r.wishes }));
}

export type QueueRow = { id: number; code: string; confirmedAt: Date; earliestDate: string; latestDate: string; offerStart: Date | null; offerUntil: Date | null };

/** The waiting wishes at an office in queue order, with a standing offer if one stands. No names: the number identifies. */
export async function waitingQueue({ locationId, tx = getDb() }: { locationId: number; tx?: DbOrTx }): Promise<QueueRow[]> {
  const { rows } = await tx.execute<{ id: number; code: string; confirmed_at: Date; earliest_date: string; latest_date: string; offer_start: Date | null; offer_until: Date | null }>(sql`
    select w.id, w.code, w.confirmed_at, w.earliest_date::text, w.latest_date::text, lower(b.during) as offer_start, b.hold_expires_at as offer_until
    from waitlist_wishes w join waitlist_wish_locations wl on wl.wish_id = w.id
      left join bookings b on b.wish_id = w.id and b.status = 'held' and b.hold_expires_at > now()
    where w.status = 'waiting' and wl.location_id = ${locationId}
    order by w.confirmed_at, w.id limit 200`);
  return rows.map((r) => ({ id: Number(r.id), code: r.code, confirmedAt: new Date(r.confirmed_at), earliestDate: r.earliest_date, latestDate: r.latest_date, offerStart: r.offer_start ? new Date(r.offer_start) : null, offerUntil: r.offer_until ? new Date(r.offer_until) : null }));
}

/**
 * Erases the personal data of wishes closed (fulfilled, withdrawn, expired) more than `days` days before `now`
 * (name and email; the PIN hash stays useless without them), after adding them to the anonymous counts per
 * office, week, service and outcome; and the contact data copied onto offers that ended unanswered at once.
 * Idempotent: a wish is counted in the transaction that erases it.
 */
export async function eraseWaitlist({ days, now = new Date(), tx = getDb() }: { days: number; now?: Date; tx?: DbOrTx }): Promise<{ wishes: number; offers: number }> {
  const cutoff = sql`${now.toISOString()}::timestamptz - make_interval(days => ${days})`;
  const { rows } = await tx.execute<{ n: number }>(sql`
    with gone as (
      update waitlist_wishes set name = null, email = null, personal_data_erased_at = ${now.toISOString()}::timestamptz
      where personal_data_erased_at is null and status in ('fulfilled', 'withdrawn', 'expired') and closed_at < ${cutoff}
      returning id, status, earliest_date),
    counted as (
      insert into waitlist_demand (location_id, week, service_id, outcome, wishes)
      select wl.location_id, date_trunc('week', g.earliest_date)::date, ws.service_id, g.status, count(*)
      from gone g join waitlist_wish_locations wl on wl.wish_id = g.id join waitlist_wish_services ws on ws.wish_id = g.id
      group by 1, 2, 3, 4
      on conflict (location_id, week, service_id, outcome) do update set wishes = waitlist_demand.wishes + excluded.wishes
      returning 1)
    select (select count(*) from gone)::int as n, (select count(*) from counted)::int as c`);
  const offers = await tx.execute(sql`update bookings set name = null, email = null where wish_id is not null and status = 'expired' and email is not null`);
  return { wishes: rows[0]?.n ?? 0, offers: offers.rowCount ?? 0 };
}
