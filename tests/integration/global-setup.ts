import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../../db/prepare';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated database that each test file copies (CREATE DATABASE … TEMPLATE) so files never share data. */
    templateDatabaseUrl: string;
  }
}

/** Real PostgreSQL for the integration tests: DATABASE_URL's server when set, otherwise an embedded one in a temp dir. */
export default async function setup(project: TestProject) {
  const external = process.env.DATABASE_URL;
  const tempDir = external ? undefined : mkdtempSync(path.join(os.tmpdir(), 'amtstermin-it-'));
  // Run as root, PostgreSQL runs as the `postgres` user, which must be able to enter the folder.
  if (tempDir) chmodSync(tempDir, 0o755);
  const template = `amtstermin_it_template_${process.pid}`;
  const database = await prepareDatabase({
    externalUrl: external,
    dataDir: tempDir ? path.join(tempDir, 'pg') : '',
    preferredPort: 54330,
    database: template,
    freshDatabase: template,
  });
  project.provide('templateDatabaseUrl', database.url);

  return async () => {
    if (external) {
      const { dropDatabasesLike } = await import('../support/databases');
      await dropDatabasesLike(external, `amtstermin_it_%_${process.pid}`);
    }
    await database.stop();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
}
