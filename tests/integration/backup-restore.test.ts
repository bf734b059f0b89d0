import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { findBookingByCode } from '@/db/queries/booking-lookup';
import { cancelBooking } from '@/lib/booking/cancel';
import { env } from '@/lib/env';
import { book, verified } from '../support/booked';
import { openWednesday } from '../support/office';

// README "Running in production", "Backup and restore": pg_dump must be at least the server's major version
// (Debian's client is 15: it runs in CI's run against the machine's PostgreSQL 15, not against the embedded 18).
const sourceUrl = process.env.DATABASE_URL!;
const major = (text: string) => Number(/(\d+)/.exec(text)?.[1] ?? 0);
const clientMajor = (() => {
  try {
    return major(execFileSync('pg_dump', ['--version'], { encoding: 'utf8' }).replace(/^\D+/, ''));
  } catch {
    return 0;
  }
})();
const server = new pg.Client({ connectionString: sourceUrl });
await server.connect();
const serverMajor = Math.floor(Number((await server.query<{ v: string }>("select current_setting('server_version_num') as v")).rows[0]!.v) / 10_000);
await server.end();
const runnable = clientMajor >= serverMajor;

const dir = mkdtempSync(path.join(os.tmpdir(), 'amtstermin-backup-'));
const restoredName = `${decodeURIComponent(new URL(sourceUrl).pathname.slice(1))}_restored`;
const restoredUrl = Object.assign(new URL(sourceUrl), { pathname: `/${restoredName}` }).toString();
const adminUrl = Object.assign(new URL(sourceUrl), { pathname: '/postgres' }).toString();

afterAll(async () => {
  await closeDb();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists "${restoredName}" with (force)`);
  await admin.end();
  rmSync(dir, { recursive: true, force: true });
});

describe.runIf(runnable)(`pg_dump and pg_restore (client ${clientMajor}, server ${serverMajor})`, () => {
  it('restores into a new database that serves the same bookings, PINs (with the same APP_SECRET) and constraints', async () => {
    const kept = await book({ day: openWednesday(1), hhmm: '08:30' });
    const cancelled = await book({ day: openWednesday(1), hhmm: '09:00' });
    expect((await cancelBooking({ code: cancelled.code, grant: await verified(cancelled.code, cancelled.pin) })).status).toBe('cancelled');

    // The procedure of the README, word for word.
    const dump = path.join(dir, 'amtstermin.dump');
    execFileSync('pg_dump', ['--format=custom', '--no-owner', `--file=${dump}`, `--dbname=${sourceUrl}`]);
    execFileSync('psql', [`--dbname=${adminUrl}`, '-c', `create database "${restoredName}"`], { stdio: 'ignore' });
    execFileSync('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${restoredUrl}`, dump]);

    // The app on the restored database.
    await closeDb();
    env.DATABASE_URL = restoredUrl;
    const { rows } = await getDb().execute<{ db: string }>(`select current_database() as db` as never);
    expect(rows[0]!.db).toBe(restoredName);
    expect((await findBookingByCode({ code: kept.code }))?.status).toBe('booked');
    expect((await findBookingByCode({ code: cancelled.code }))?.status).toBe('cancelled');
    // PIN hashes are keyed by APP_SECRET, which is not in the dump: the same secret makes the PINs work again.
    expect(await verified(kept.code, kept.pin)).toBeTruthy();
    // The exclusion constraint came back with the schema: the kept booking's counter and time cannot be booked twice.
    await expect(getDb().execute(`insert into bookings (code, location_id, counter_id, during, status, locale)
      select 'ZZZZ-ZZZ2', location_id, counter_id, during, 'booked', 'de' from bookings where code = '${kept.code}'` as never)).rejects.toMatchObject({ cause: { code: '23P01' } });
  });
});
