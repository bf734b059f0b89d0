/**
 * `npm run bench`: availability and hold throughput on a busy main office. Starts a throwaway
 * PostgreSQL (or a fresh database on DATABASE_URL's server), seeds the demo data, books the
 * Bürgeramt Mitte to about 80 % of its counter time over the whole horizon, times `findSlots`
 * for a day, a month and the horizon, lets 100 concurrent clients race for holds on one day,
 * simulates mornings of citizens booking one after the other with counters fixed at hold time and
 * with re-packing (served share), and checks that PostgreSQL let no two active bookings overlap on a counter.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { DateTime } from 'luxon';
import pg from 'pg';
import { prepareDatabase, type PreparedDatabase } from '../db/prepare';
import { bookingServices, bookings } from '../db/schema';
import { seedDemoData } from '../db/seed';
import { generateBookingCode, generateToken, hashToken } from '../lib/booking/secrets';

const LOCATION_SLUG = 'buergeramt-mitte';
const TARGET_OCCUPANCY = 0.8;
/** The fill steers a little above the target: window ends too short for another booking stay free. */
const FILL_STEERING = 0.84;
const APPOINTMENT_MINUTES = 20;
const WARMUP = 20;
const ITERATIONS = 200;
const CLIENTS = 100;
const POOL_SIZE = 20;
const RACE_SECONDS = 10;
const MAX_ATTEMPTS_PER_CLIENT = 200;
/** Each client picks among this many of the earliest free starts, so they collide as real ones do. */
const PICK_AMONG = 5;
/** How long the race may run past its end for attempts still in flight (lock waits), before the bench moves on. */
const GRACE_SECONDS = 45;
/** The served-share simulation: demand as a share of the morning's counter time, mornings per demand and rule. */
const SIM_DEMANDS = [0.8, 0.95];
const SIM_RUNS = Number(process.env.BENCH_SIM_RUNS ?? 30);
const SIM_STEP_MINUTES = 5;
type CounterPolicyName = 'fixed' | 'repack';

// ---------------------------------------------------------------- small helpers

/** Deterministic PRNG (mulberry32), so every run books the same calendar. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Nearest-rank percentile of ascending `sorted`. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function stats(samples: readonly number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? Number.NaN };
}

const ms = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(value < 10 ? 2 : 1));

/** A plain text table with a header rule; numeric-looking cells are right-aligned. */
function table(header: string[], rows: (string | number)[][]): string {
  const cells = rows.map((row) => row.map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]!.length)));
  const numeric = (s: string) => /^[-–\d.,% ]+$/.test(s);
  const line = (row: string[]) => '  ' + row.map((c, i) => (numeric(c) && c !== '' ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [line(header), '  ' + widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await fn();
  return [result, performance.now() - started];
}

// ---------------------------------------------------------------- database lifecycle

const external = process.env.DATABASE_URL;
let tempDir: string | undefined;
let database: PreparedDatabase | undefined;
let closeAppPool: (() => Promise<void>) | undefined;
/** A connection of its own for the bench's SQL, so checks never queue behind the app's pool. */
let check: pg.Client | undefined;
let cleaningUp: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaningUp ??= (async () => {
    try {
      await check?.end();
      // A hold stuck in a lock wait would keep pool.end() waiting; stopping PostgreSQL ends it.
      await Promise.race([closeAppPool?.(), sleep(5_000)]);
    } catch (error) {
      console.error('Closing the pool failed:', error);
    }
    // stop() drops a fresh database on DATABASE_URL's server, or stops the embedded server.
    if (database) await Promise.race([database.stop().catch((error) => console.error('Cleaning up the benchmark database failed:', error)), sleep(10_000)]);
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  })();
  return cleaningUp;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void cleanup().finally(() => process.exit(130)));
}

// ---------------------------------------------------------------- the benchmark

async function main(): Promise<number> {
  tempDir = external ? undefined : mkdtempSync(path.join(os.tmpdir(), 'amtstermin-bench-'));
  // Run as root, the embedded server runs as the `postgres` user, which must enter this folder.
  if (tempDir) chmodSync(tempDir, 0o755);
  database = await prepareDatabase({
    externalUrl: external,
    dataDir: tempDir ? path.join(tempDir, 'pg') : '',
    preferredPort: 54350,
    database: 'amtstermin_bench',
    freshDatabase: `amtstermin_bench_${Date.now()}`,
  });

  // lib/env parses process.env once, on first import: set the URL before importing any app module.
  process.env.DATABASE_URL = database.url;
  // db/client.ts keeps its pool on globalThis and creates it with 10 connections on first use;
  // placing ours there first gives the app code (findSlots, holdSlot) a pool of POOL_SIZE.
  const appPool = new pg.Pool({ connectionString: database.url, max: POOL_SIZE, connectionTimeoutMillis: 60_000 });
  // pool.end() resolves before its connections have closed; stopping PostgreSQL then reports them.
  appPool.on('error', (error) => {
    if (!cleaningUp) console.error('[bench] idle client error:', error.message);
  });
  (globalThis as unknown as { amtsterminPool?: pg.Pool }).amtsterminPool = appPool;

  check = new pg.Client({ connectionString: database.url });
  await check.connect();
  const { getDb, closeDb } = await import('@/db/client');
  const { loadClosures, loadLocationForBooking } = await import('@/db/queries/availability');
  const { releaseHold } = await import('@/db/queries/bookings');
  const { findSlots, horizonEnd, localToday } = await import('@/lib/booking/availability');
  const { holdSlot } = await import('@/lib/booking/hold');
  closeAppPool = closeDb;
  const db = getDb();

  const [{ version }] = (await check.query<{ version: string }>('select version()')).rows as [{ version: string }];
  const cpus = os.cpus();
  console.log(
    `Machine: ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown model'}), Node ${process.version}, ` +
      `${version.split(' on ')[0]} (${database.embedded ? 'embedded, in a temporary folder' : "fresh database on DATABASE_URL's server"})`,
  );

  await seedDemoData(db);
  const location = await loadLocationForBooking({ slug: LOCATION_SLUG });
  if (!location) throw new Error(`Seeded location ${LOCATION_SLUG} not found`);
  const zone = location.timeZone;
  const now = new Date();
  const today = localToday(location, now);
  const lastDay = horizonEnd(location, now);

  // ------------------------------------------------------------ 1. fill to ~80 %
  const closureList = await loadClosures({ locationId: location.id, from: today, to: lastDay });
  const isClosed = (date: string) => closureList.some((c) => c.startsOn <= date && date <= c.endsOn);
  const serviceMix = location.services.flatMap((service) =>
    Array.from({ length: service.maxCount }, (_, i) => i + 1)
      .filter((count) => service.minutesPerUnit * count >= 10 && service.minutesPerUnit * count <= 40)
      // Single visits are common, families and stacks of copies rarer.
      .map((count) => ({ serviceId: service.id, minutesPerUnit: service.minutesPerUnit, count, weight: 1 / count })),
  );
  const totalWeight = serviceMix.reduce((sum, item) => sum + item.weight, 0);
  const random = prng(20_261_128);
  const pickItem = () => {
    let r = random() * totalWeight;
    for (const item of serviceMix) if ((r -= item.weight) <= 0) return item;
    return serviceMix[serviceMix.length - 1]!;
  };

  type Planned = { code: string; counterId: number; start: Date; end: Date; item: (typeof serviceMix)[number] };
  const planned: Planned[] = [];
  const codes = new Set<string>();
  let openMinutes = 0;
  let openDays = 0;
  for (let day = DateTime.fromISO(today, { zone }); day.toISODate()! <= lastDay; day = day.plus({ days: 1 })) {
    const date = day.toISODate()!;
    const windows = location.windows.filter((w) => w.weekday === day.weekday);
    if (windows.length === 0 || isClosed(date)) continue;
    openDays++;
    for (const window of windows) {
      const opens = DateTime.fromISO(`${date}T${window.opensAt}`, { zone });
      const length = DateTime.fromISO(`${date}T${window.closesAt}`, { zone }).diff(opens, 'minutes').minutes;
      for (const counterId of location.counterIds.slice(0, window.countersOpen)) {
        openMinutes += length;
        // Walk along the counter's window: a booking, or a gap of 5–20 minutes, steered towards the target.
        let t = 0;
        let busy = 0;
        for (let misses = 0; misses < 5; ) {
          const behind = busy < FILL_STEERING * t;
          if (random() < (behind ? 0.1 : 0.6)) {
            t += 5 * (1 + Math.floor(random() * 4));
            continue;
          }
          const item = pickItem();
          const minutes = item.minutesPerUnit * item.count;
          if (t + minutes > length) {
            misses++;
            continue;
          }
          let code = generateBookingCode();
          while (codes.has(code)) code = generateBookingCode();
          codes.add(code);
          planned.push({ code, counterId, start: opens.plus({ minutes: t }).toJSDate(), end: opens.plus({ minutes: t + minutes }).toJSDate(), item });
          t += minutes;
          busy += minutes;
        }
      }
    }
  }

  const [, fillMs] = await timed(() =>
    db.transaction(async (tx) => {
      for (let i = 0; i < planned.length; i += 500) {
        const chunk = planned.slice(i, i + 500);
        const rows = await tx
          .insert(bookings)
          .values(chunk.map((b, n) => ({
            code: b.code,
            locationId: location.id,
            counterId: b.counterId,
            during: { start: b.start, end: b.end },
            status: 'booked' as const,
            name: 'Bench Mark',
            email: `bench-${i + n}@example.invalid`,
            confirmedAt: now,
          })))
          .returning({ id: bookings.id, code: bookings.code });
        const idByCode = new Map(rows.map((r) => [r.code, r.id]));
        await tx.insert(bookingServices).values(chunk.map((b) => ({
          bookingId: idByCode.get(b.code)!,
          serviceId: b.item.serviceId,
          count: b.item.count,
          minutesPerUnit: b.item.minutesPerUnit,
        })));
      }
    }),
  );
  const [{ minutes: bookedMinutes }] = (await check.query<{ minutes: number }>(
    `select coalesce(sum(extract(epoch from upper(during) - lower(during)) / 60), 0)::float8 as minutes
       from bookings where location_id = $1 and status = 'booked'`,
    [location.id],
  )).rows as [{ minutes: number }];
  const occupancy = bookedMinutes / openMinutes;

  console.log(`\n1. Fill: ${LOCATION_SLUG}, ${location.counterIds.length} counters, ${today} … ${lastDay} (${location.bookingHorizonDays}-day horizon, ${openDays} open days)`);
  console.log("   'booked' bookings of one service × count, 10–40 minutes, inserted in bulk; occupancy = booked / open counter-minutes");
  console.log(table(['bookings', 'booked counter-min', 'open counter-min', `occupancy (target ${TARGET_OCCUPANCY * 100} %)`, 'insert ms'], [
    [planned.length, Math.round(bookedMinutes), Math.round(openMinutes), `${(occupancy * 100).toFixed(1)} %`, Math.round(fillMs)],
  ]));

  // ------------------------------------------------------------ 2. availability
  const firstOpenDay = (() => {
    for (let day = DateTime.fromISO(today, { zone }).plus({ days: 1 }); day.toISODate()! <= lastDay; day = day.plus({ days: 1 })) {
      const date = day.toISODate()!;
      if (location.windows.some((w) => w.weekday === day.weekday) && !isClosed(date)) return date;
    }
    throw new Error('No open day in the horizon');
  })();
  const monthEnd = DateTime.fromISO(today, { zone }).plus({ days: 29 }).toISODate()!;
  const ranges = [
    { label: `1 day (${firstOpenDay})`, from: firstOpenDay, to: firstOpenDay },
    { label: `30 days (${today} … ${monthEnd})`, from: today, to: monthEnd },
    { label: `horizon (${today} … ${lastDay})`, from: today, to: lastDay },
  ];
  const availabilityRows: (string | number)[][] = [];
  for (const range of ranges) {
    const run = () => findSlots({ location, durationMinutes: APPOINTMENT_MINUTES, from: range.from, to: range.to });
    for (let i = 0; i < WARMUP; i++) await run();
    const samples: number[] = [];
    let slotCount = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const [slots, elapsed] = await timed(run);
      samples.push(elapsed);
      slotCount = slots.length;
    }
    const s = stats(samples);
    availabilityRows.push([range.label, slotCount, ms(s.p50), ms(s.p95), ms(s.max)]);
  }
  console.log(`\n2. Availability: findSlots for a ${APPOINTMENT_MINUTES}-minute appointment, ${ITERATIONS} sequential runs after ${WARMUP} warm-up`);
  console.log('   timed: the DB read (closures + busy intervals) and computeSlots; not timed: loadLocationForBooking, called once before');
  console.log(table(['range', 'free starts', 'p50 ms', 'p95 ms', 'max ms'], availabilityRows));

  // ------------------------------------------------------------ 3. hold race
  // The open day with the most free starts, so the race lasts; on a full day it would end at once.
  const allSlots = await findSlots({ location, durationMinutes: APPOINTMENT_MINUTES, from: firstOpenDay, to: lastDay });
  const perDay = new Map<string, number>();
  for (const slot of allSlots) perDay.set(slot.date, (perDay.get(slot.date) ?? 0) + 1);
  const [raceDay, raceDayStarts] = [...perDay].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [firstOpenDay, 0];
  const service = location.services.find((s) => s.minutesPerUnit * 2 === APPOINTMENT_MINUTES && s.maxCount >= 2) ?? location.services[0]!;
  const chosen = [{ ...service, count: APPOINTMENT_MINUTES / service.minutesPerUnit }];

  let held = 0;
  let taken = 0;
  let unavailable = 0;
  let noFreeStart = 0;
  let inFlight = 0;
  let raceOver = false;
  const errors = new Map<string, number>();
  const latencies: number[] = [];
  const raceStart = performance.now();
  const deadline = raceStart + RACE_SECONDS * 1000;
  const client = async () => {
    // Like a browser: one hold at a time, picking another time releases the previous hold first.
    let current: string | undefined;
    for (let n = 0; n < MAX_ATTEMPTS_PER_CLIENT && performance.now() < deadline; ) {
      if (current) {
        await releaseHold({ tokenHash: current });
        current = undefined;
      }
      const free = await findSlots({ location, durationMinutes: APPOINTMENT_MINUTES, from: raceDay, to: raceDay });
      if (free.length === 0) {
        noFreeStart++;
        await sleep(10 + Math.random() * 20);
        continue;
      }
      const pick = free[Math.floor(Math.random() * Math.min(PICK_AMONG, free.length))]!;
      const tokenHash = hashToken(generateToken());
      n++;
      const started = performance.now();
      inFlight++;
      const outcome = await holdSlot({ location, services: chosen, start: pick.start, tokenHash, locale: 'de' }).catch((error: unknown) => {
        // Counted, not fatal: the figures should show how often the app lets an error through.
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        const key = cause?.code ? `${cause.code} ${cause.message}` : String(error instanceof Error ? error.message : error).slice(0, 80);
        errors.set(key, (errors.get(key) ?? 0) + 1);
        return null;
      }).finally(() => inFlight--);
      latencies.push(performance.now() - started);
      if (!outcome) continue;
      if (outcome.ok) {
        held++;
        current = tokenHash;
      } else if (outcome.reason === 'taken') taken++;
      else unavailable++;
    }
  };
  const finished = await Promise.race([
    // A failure after the grace period (PostgreSQL stopping under a stuck attempt) must not crash the exit.
    Promise.all(Array.from({ length: CLIENTS }, client)).then(() => true, (error: unknown) => {
      if (!raceOver) throw error;
      return false;
    }),
    sleep((RACE_SECONDS + GRACE_SECONDS) * 1000).then(() => false),
  ]);
  raceOver = true;
  const raceSeconds = (performance.now() - raceStart) / 1000;
  const unfinished = finished ? 0 : inFlight;
  const [{ active }] = (await check.query<{ active: number }>(
    `select count(*)::int as active from bookings where location_id = $1 and status = 'held' and hold_expires_at > now()`,
    [location.id],
  )).rows as [{ active: number }];
  const l = stats(latencies);
  console.log(`\n3. Holds: ${CLIENTS} concurrent clients on ${raceDay} (${raceDayStarts} free ${APPOINTMENT_MINUTES}-minute starts before), pool of ${POOL_SIZE} connections, ${RACE_SECONDS} s`);
  console.log(`   each client in a loop: release its previous hold, findSlots for the day, holdSlot on one of the first ${PICK_AMONG} starts with a new token`);
  console.log('   latency: the holdSlot call (re-check, insert, counter fallback), waiting for a pool connection included');
  console.log(table(
    ['seconds', 'attempts', 'held', 'taken', 'unavailable', 'errors', 'holds/s', 'attempts/s', 'p50 ms', 'p95 ms', 'max ms', 'holds left'],
    [[raceSeconds.toFixed(1), latencies.length, held, taken, unavailable, [...errors.values()].reduce((a, b) => a + b, 0), (held / raceSeconds).toFixed(1), (latencies.length / raceSeconds).toFixed(1), ms(l.p50), ms(l.p95), ms(l.max), active]],
  ));
  for (const [error, count] of errors) console.log(`   WARNING: ${count} × holdSlot threw ${error}`);
  if (unfinished > 0) console.log(`   ${unfinished} attempts were still waiting ${GRACE_SECONDS} s after the end and are left out of the figures`);
  if (noFreeStart > 0) console.log(`   a client found no free start ${noFreeStart} time(s) and waited 10–30 ms`);

  // ------------------------------------------------------------ 4. served share: counters fixed vs re-packed
  // Empty mornings after the filled horizon, booked one citizen after the other through findSlots and
  // holdSlot, once with counters fixed at hold time (the rule before re-packing) and once re-packed.
  const simLocation = { ...location, bookingHorizonDays: 400, slotStepMinutes: SIM_STEP_MINUTES, holdMinutes: 24 * 60 };
  const simFrom = DateTime.fromISO(lastDay, { zone }).plus({ days: 1 });
  const simClosures = await loadClosures({ locationId: location.id, from: simFrom.toISODate()!, to: simFrom.plus({ days: 365 }).toISODate()! });
  const simDays: string[] = [];
  for (let day = simFrom; simDays.length < 2 * SIM_DEMANDS.length * SIM_RUNS; day = day.plus({ days: 1 })) {
    const date = day.toISODate()!;
    const morning = location.windows.find((w) => w.weekday === day.weekday && w.opensAt.startsWith('08:00'));
    if (morning && !simClosures.some((c) => c.startsOn <= date && date <= c.endsOn)) simDays.push(date);
  }
  const morningOf = (date: string) => location.windows.find((w) => w.weekday === DateTime.fromISO(date).weekday && w.opensAt.startsWith('08:00'))!;
  // What citizens book: one service × count, or two services once each, 5–45 minutes; single visits are common.
  const combos = [
    ...location.services.flatMap((service) => Array.from({ length: service.maxCount }, (_, i) => ({ services: [{ ...service, count: i + 1 }], weight: 1 / (i + 1) }))),
    ...location.services.flatMap((first, i) => location.services.slice(i + 1).map((second) => ({ services: [{ ...first, count: 1 }, { ...second, count: 1 }], weight: 0.15 }))),
  ]
    .map((combo) => ({ ...combo, minutes: combo.services.reduce((sum, s) => sum + s.minutesPerUnit * s.count, 0) }))
    .filter((combo) => combo.minutes >= 5 && combo.minutes <= 45);
  const comboWeight = combos.reduce((sum, c) => sum + c.weight, 0);
  const simRows: (string | number)[][] = [];
  let repacks = 0;
  let movedBookings = 0;
  // Re-packs are counted from the holds' log lines (pino JSON on stdout, lib/log/logger.ts), which are kept out of the table.
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    const match = /"component":"holds".*"msg":"re-packed (\d+) booking/.exec(String(chunk));
    if (!match) return write(chunk, ...rest);
    repacks++;
    movedBookings += Number(match[1]);
    return true;
  }) as typeof process.stdout.write;
  const simStarted = performance.now();
  let dayIndex = 0;
  for (const demand of SIM_DEMANDS) {
    const results = new Map<CounterPolicyName, { asked: number; served: number; long: number; longRefused: number }>();
    for (let run = 0; run < SIM_RUNS; run++) {
      // The same citizens, in the same order, meet both rules (on two empty days).
      const citizenRandom = prng(1_000 * run + Math.round(demand * 100));
      const morning = morningOf(simDays[dayIndex]!);
      const opensMinutes = Number(morning.opensAt.slice(0, 2)) * 60 + Number(morning.opensAt.slice(3, 5));
      const windowMinutes = Number(morning.closesAt.slice(0, 2)) * 60 + Number(morning.closesAt.slice(3, 5)) - opensMinutes;
      const capacity = windowMinutes * morning.countersOpen;
      const citizens: { combo: (typeof combos)[number]; preferred: number }[] = [];
      for (let asked = 0; asked < demand * capacity; ) {
        let r = citizenRandom() * comboWeight;
        const combo = combos.find((c) => (r -= c.weight) <= 0) ?? combos[combos.length - 1]!;
        // Early times are wanted most: the preferred minute after opening falls off linearly to the close.
        citizens.push({ combo, preferred: windowMinutes * (1 - Math.sqrt(1 - citizenRandom())) });
        asked += combo.minutes;
      }
      for (const policy of ['fixed', 'repack'] as const) {
        const date = simDays[dayIndex++]!;
        const opens = DateTime.fromISO(`${date}T${morning.opensAt}`, { zone });
        const closes = DateTime.fromISO(`${date}T${morning.closesAt}`, { zone }).toMillis();
        const tally = results.get(policy) ?? { asked: 0, served: 0, long: 0, longRefused: 0 };
        results.set(policy, tally);
        for (const citizen of citizens) {
          const long = citizen.combo.minutes >= 30;
          tally.asked++;
          if (long) tally.long++;
          const offered = (await findSlots({ location: simLocation, durationMinutes: citizen.combo.minutes, from: date, to: date, counterPolicy: policy })).filter((slot) => slot.end.getTime() <= closes);
          const wanted = opens.toMillis() + citizen.preferred * 60_000;
          const pick = offered.sort((a, b) => Math.abs(a.start.getTime() - wanted) - Math.abs(b.start.getTime() - wanted) || a.start.getTime() - b.start.getTime())[0];
          const outcome = pick && (await holdSlot({ location: simLocation, services: citizen.combo.services, start: pick.start, tokenHash: hashToken(generateToken()), locale: 'de', counterPolicy: policy }));
          if (outcome && outcome.ok) tally.served++;
          else if (long) tally.longRefused++;
        }
      }
    }
    for (const [policy, tally] of results) {
      simRows.push([
        `${Math.round(demand * 100)} %`,
        policy === 'fixed' ? 'counter fixed at hold (before)' : 'capacity + re-pack (after)',
        tally.asked,
        `${((100 * tally.served) / tally.asked).toFixed(1)} %`,
        `${((100 * tally.longRefused) / Math.max(1, tally.long)).toFixed(1)} %`,
      ]);
    }
  }
  process.stdout.write = write;
  console.log(`\n4. Served share: ${SIM_RUNS} mornings per demand and rule, ${location.counterIds.length} counters 08:00–12:30, ${SIM_STEP_MINUTES}-minute grid, 5–45-minute visits (the demo services and their combinations), early times preferred`);
  console.log('   citizens one after the other: findSlots for the morning, the start nearest to their wish, holdSlot; refused when the morning offers none');
  console.log(table(['demand / capacity', 'rule', 'citizens', 'served', 'of those ≥ 30 min refused'], simRows));
  console.log(`   ${repacks} holds re-packed the morning (${movedBookings} bookings changed counter); ${((performance.now() - simStarted) / 1000).toFixed(1)} s`);

  // ------------------------------------------------------------ 5. invariant check
  const [{ overlaps }] = (await check.query<{ overlaps: number }>(`
    select count(*)::int as overlaps
      from bookings a
      join bookings b on a.counter_id = b.counter_id and a.id < b.id and a.during && b.during
     where a.status in ('held', 'booked', 'checked_in', 'done', 'no_show')
       and b.status in ('held', 'booked', 'checked_in', 'done', 'no_show')`)).rows as [{ overlaps: number }];
  console.log(`\n5. Overlapping active bookings on one counter: ${overlaps} ${overlaps === 0 ? '(ok)' : '(INVARIANT BROKEN)'}`);

  await benchStatistics({ locationId: location.id, counterIds: location.counterIds, serviceIds: location.services.map((s) => s.id), today });
  return overlaps === 0 ? 0 : 1;
}

// ---------------------------------------------------------------- 5. statistics
const PAST_APPOINTMENTS = 100_000;
const PER_DAY = 300;
const STATISTICS_BUDGET_MS = 300;

/**
 * 100,000 past appointments (300 a day on three counters, five-minute steps, mixed outcomes, channels
 * and lead times), rolled up into the daily facts as the erasure job does, then the data work of the
 * statistics page's month view timed: both periods' fact queries, the report and its tables.
 */
async function benchStatistics({ locationId, counterIds, serviceIds, today }: { locationId: number; counterIds: number[]; serviceIds: number[]; today: string }) {
  const { rollUpStatistics } = await import('@/lib/statistics/rollup');
  const { loadStatisticsFacts } = await import('@/db/queries/statistics');
  const { buildReport } = await import('@/lib/statistics/report');
  const { periodOf } = await import('@/lib/statistics/period');
  const { statisticsTables } = await import('@/lib/statistics/tables');
  const days = Math.ceil(PAST_APPOINTMENTS / PER_DAY);
  const firstDay = DateTime.fromISO(today).minus({ days: days + 7 }).toISODate()!;
  const [, insertMs] = await timed(async () => {
    await check!.query(`
      insert into bookings (code, location_id, counter_id, during, status, source, created_at, confirmed_at, cancelled_by, checked_in_at, done_at, personal_data_erased_at)
      select 'S' || lpad(to_hex(i), 7, '0'), $1, ($2::int[])[1 + slot % 3], tstzrange(start, start + interval '5 minutes'),
        (case when i % 100 < 80 then 'done' when i % 100 < 88 then 'no_show' else 'cancelled' end)::booking_status,
        (case when i % 10 < 7 then 'online' else 'staff' end)::booking_source,
        start - make_interval(days => (i * 31) % 35), start - make_interval(days => (i * 31) % 35),
        (case when i % 100 < 88 then null when i % 100 < 96 then 'citizen' else 'staff' end)::cancel_cause,
        case when i % 100 < 50 then start end, case when i % 100 < 50 then start + make_interval(mins => 3 + i % 9) end, now()
      from generate_series(0, $3::int - 1) as i,
        lateral (select i % ${PER_DAY} as slot) s,
        lateral (select (($4::date + i / ${PER_DAY}) + time '08:00' + make_interval(mins => 5 * (slot / 3))) at time zone 'Europe/Berlin' as start) t`,
      [locationId, counterIds, PAST_APPOINTMENTS, firstDay]);
    await check!.query(`
      insert into booking_services (booking_id, service_id, count, minutes_per_unit)
      select b.id, ($2::int[])[1 + b.id % array_length($2::int[], 1)], 1, 5 from bookings b where b.location_id = $1 and b.code like 'S%' and length(b.code) = 8`,
      [locationId, serviceIds]);
  });
  const [, rollupMs] = await timed(() => rollUpStatistics({ eraseAfterDays: 7 }));
  const [{ facts }] = (await check!.query<{ facts: number }>('select count(*)::int as facts from stats_appointments where location_id = $1', [locationId])).rows as [{ facts: number }];

  const viewer = { id: 0, role: 'admin', locationId: null, name: 'bench', email: 'bench@example.org' } as never;
  const monthView = async (kind: 'month' | 'custom') => {
    const anchor = DateTime.fromISO(today).minus({ months: 2 });
    const period = periodOf({ kind, date: anchor.toISODate()!, from: firstDay, to: DateTime.fromISO(today).minus({ days: 1 }).toISODate()!, today });
    const [current, previous] = await Promise.all([
      loadStatisticsFacts({ viewer, locationId, from: period.from, to: period.to }),
      loadStatisticsFacts({ viewer, locationId, from: period.previous.from, to: period.previous.to }),
    ]);
    const report = buildReport({ period, facts: current, previousFacts: previous });
    return statisticsTables(report, { t: (key) => key, locale: 'de' }).length;
  };
  const rows: (string | number)[][] = [];
  for (const [label, kind] of [['month view (one month + the month before)', 'month'], [`custom view (all ${days + 7} days up to yesterday + as many before)`, 'custom']] as const) {
    for (let i = 0; i < WARMUP; i++) await monthView(kind);
    const samples: number[] = [];
    for (let i = 0; i < 100; i++) samples.push((await timed(() => monthView(kind)))[1]);
    const { p50, p95, max } = stats(samples);
    rows.push([label, ms(p50), ms(p95), ms(max), kind === 'month' ? (p95 < STATISTICS_BUDGET_MS ? `ok (< ${STATISTICS_BUDGET_MS} ms)` : `OVER ${STATISTICS_BUDGET_MS} ms`) : '']);
  }
  console.log(`\n6. Statistics: ${PAST_APPOINTMENTS} past appointments over ${days} days (insert ${ms(insertMs)} ms), rolled up into ${facts} fact rows in ${ms(rollupMs)} ms`);
  console.log('   timed: the page\'s data work for one office (fact queries for both periods, report, tables), 100 sequential runs after warm-up');
  console.log(table(['view', 'p50 ms', 'p95 ms', 'max ms', 'p95 budget'], rows));
}

let exitCode = 1;
try {
  const started = performance.now();
  exitCode = await main();
  console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  const cause = (error as { cause?: unknown }).cause;
  if (cause) console.error('Caused by:', cause instanceof Error ? cause.message : cause);
} finally {
  await cleanup();
}
process.exit(exitCode);
