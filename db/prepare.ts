import path from 'node:path';
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from './embedded';
import { migrateDatabase } from './migrate';

export type PreparedDatabase = { url: string; embedded: boolean; stop: () => Promise<void> };

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Gives a migrated database: on `externalUrl` when set (optionally as a new database `freshDatabase`
 * on that server, for tests, which `stop()` drops again), otherwise on an embedded PostgreSQL in `dataDir`.
 */
export async function prepareDatabase(options: {
  externalUrl?: string;
  dataDir: string;
  preferredPort: number;
  database: string;
  freshDatabase?: string;
}): Promise<PreparedDatabase> {
  let url: string;
  let stop = async () => {};
  let embedded = false;
  if (options.externalUrl) {
    url = options.externalUrl;
    if (options.freshDatabase) {
      const { freshDatabase } = options;
      const adminUrl = url;
      await ensureDatabase(adminUrl, freshDatabase);
      url = withDatabase(adminUrl, freshDatabase);
      // What this created, stop() removes again; the external server itself keeps running.
      stop = () => dropDatabase(adminUrl, freshDatabase);
    }
  } else {
    const server = await startEmbeddedPostgres({ dataDir: path.resolve(options.dataDir), preferredPort: options.preferredPort });
    await ensureDatabase(server.url('postgres'), options.database);
    url = server.url(options.database);
    stop = server.stop;
    embedded = true;
  }
  await migrateDatabase(url);
  return { url, embedded, stop };
}
