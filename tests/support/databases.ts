import { randomBytes } from 'node:crypto';
import pg from 'pg';

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new database copied from the migrated template at `templateUrl`; returns its URL. */
export async function cloneDatabase(templateUrl: string, suffix = randomBytes(4).toString('hex')): Promise<string> {
  const template = decodeURIComponent(new URL(templateUrl).pathname.slice(1));
  const name = template.replace('_template_', `_${suffix}_`);
  await withAdmin(templateUrl, (c) => c.query(`create database ${c.escapeIdentifier(name)} template ${c.escapeIdentifier(template)}`));
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops the test databases on an external server (an embedded one is thrown away whole). */
export async function dropDatabasesLike(serverUrl: string, pattern: string): Promise<void> {
  await withAdmin(serverUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>('select datname from pg_database where datname like $1', [pattern]);
    for (const { datname } of rows) await c.query(`drop database if exists ${c.escapeIdentifier(datname)} with (force)`);
  });
}
