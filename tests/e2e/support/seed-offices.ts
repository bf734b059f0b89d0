/**
 * Migrates the database at argv[2] and seeds the demo offices and services, without the demo sign-ins: a
 * database an https installation (`npm run serve` behind nginx) accepts. Run with tsx, like the e2e server.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { migrateDatabase } from '../../../db/migrate';
import * as schema from '../../../db/schema';
import { seedDemoData } from '../../../db/seed';

const url = process.argv[2]!;
await migrateDatabase(url);
const pool = new pg.Pool({ connectionString: url, max: 1 });
await seedDemoData(drizzle(pool, { schema, casing: 'snake_case' }));
await pool.end();
