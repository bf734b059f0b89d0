import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

// Arbitrary constant for pg_advisory_lock, distinct from the seed's.
const MIGRATION_LOCK_KEY = 7_234_502;

/** Applies the committed migrations in `db/migrations` to the database at `url`. */
export async function migrateDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Migrations print NOTICEs (e.g. "extension exists"); they are not news to the user.
    await client.query('set client_min_messages = warning');
    // Several instances (`npm run serve`) may start at once on one database: one migrates, the others wait and
    // then find nothing left to do. Session lock on this one connection, released when it ends.
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.end();
  }
}
