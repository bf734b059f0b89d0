import { readFileSync } from 'node:fs';
import pg from 'pg';

/** SQL against the e2e server's database (its URL is written by scripts/e2e-server.ts). */
export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: readFileSync('.data/e2e/database-url', 'utf8').trim() });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
