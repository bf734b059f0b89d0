import { inject } from 'vitest';
import { cloneDatabase } from '../support/databases';

// Runs before each test file: the file gets its own copy of the migrated schema, and the app's
// db client (which reads DATABASE_URL on first use) connects to it.
process.env.DATABASE_URL = await cloneDatabase(inject('templateDatabaseUrl'));
