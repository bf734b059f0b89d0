import type { Database } from './client';
import { seedDemoData } from './seed';
import { demoStaffStillOpen, hasStaff, seedDemoStaff } from './seed-staff';

/** The start refuses to serve; the message says what to do. */
export class StartRefused extends Error {}

/**
 * Whether a start seeds the demo offices and sign-ins: the embedded PostgreSQL of `npm start` does unless
 * DEMO=false; a database of one's own (DATABASE_URL) only with DEMO=true, so a real installation never gets
 * the admin password printed in the README.
 */
export const wantsDemo = ({ embedded, demo }: { embedded: boolean; demo?: boolean }) => demo ?? embedded;

/**
 * What `npm start` and `npm run serve` do to the database before serving: seed the demo where it is wanted,
 * and refuse a public (https) production start while a demo password still signs in.
 */
export async function prepareStartData(
  db: Database,
  { embedded, demo, production, appUrl }: { embedded: boolean; demo?: boolean; production: boolean; appUrl: string },
): Promise<{ demo: boolean; seeded: boolean; needsFirstAdmin: boolean }> {
  const withDemo = wantsDemo({ embedded, demo });
  let seeded = false;
  if (withDemo) {
    seeded = (await seedDemoData(db)).seeded;
    await seedDemoStaff(db);
  }
  if (production && appUrl.startsWith('https:')) {
    const open = await demoStaffStillOpen(db);
    if (open.length > 0) {
      throw new StartRefused(
        [
          `Refusing to start on ${appUrl}: the demo sign-in${open.length > 1 ? 's' : ''} ${open.join(', ')} still work${open.length > 1 ? '' : 's'} with the password published in the README.`,
          'Create your own admin (`npm run staff:create -- --email … --name … --role admin`), start once with an http APP_URL',
          '(e.g. http://localhost:3000), sign in with it, deactivate the demo accounts under /verwaltung/einstellungen/konten, and start again.',
        ].join('\n'),
      );
    }
  }
  return { demo: withDemo, seeded, needsFirstAdmin: !(await hasStaff(db)) };
}
