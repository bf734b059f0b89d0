/**
 * `npm run staff:create -- --email … --name … --role admin|clerk [--location slug]`: creates a staff account,
 * e.g. the first admin of a fresh installation. The password comes from STAFF_PASSWORD or is asked for on
 * the terminal (typed without echo, twice); it is never taken from the command line, where it would end
 * up in the shell history and the process list. Needs DATABASE_URL.
 */
import { parseArgs } from 'node:util';
import { createTranslator } from 'next-intl';
import { closeDb } from '../db/client';
import { listAdminLocations } from '../db/queries/admin-locations';
import { createStaffAccountFromCommandLine, MIN_PASSWORD_LENGTH } from '../lib/admin/staff-accounts';
import { env } from '../lib/env';
import en from '../messages/en.json';

const USAGE = 'Usage: npm run staff:create -- --email <address> --name "<full name>" --role admin|clerk [--location <location slug>]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Reads a line from the terminal without showing what is typed. */
async function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) fail('No terminal to ask for the password on: set STAFF_PASSWORD instead.');
  process.stdout.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve) => {
    let typed = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish();
          return resolve(typed);
        }
        if (char === '\u0003' || char === '\u0004') {
          finish();
          fail('Cancelled.');
        }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  if (process.env.STAFF_PASSWORD) return process.env.STAFF_PASSWORD;
  const first = await promptHidden(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  const second = await promptHidden('Password again: ');
  if (first !== second) fail('The two passwords differ.');
  return first;
}

const { values } = (() => {
  try {
    return parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, location: { type: 'string' } }, strict: true });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
})();

if (!values.email || !values.name || (values.role !== 'admin' && values.role !== 'clerk')) fail(USAGE);
if (values.role === 'clerk' && !values.location) fail('A clerk works at one location: add --location <slug>.');
if (!env.DATABASE_URL) {
  fail(
    'DATABASE_URL is not set. Point it at the database the app uses, e.g. for the local app that `npm start` runs:\n' +
      '  DATABASE_URL=postgres://postgres:postgres@127.0.0.1:54320/amtstermin npm run staff:create -- …\n' +
      '(use the port `npm start` printed if 54320 was taken; the embedded PostgreSQL runs only while `npm start` does).',
  );
}

try {
  const locations = await listAdminLocations();
  const location = values.location ? locations.find((l) => l.slug === values.location) : undefined;
  if (values.location && !location) fail(`Unknown location "${values.location}". Known: ${locations.map((l) => l.slug).join(', ')}`);
  const password = await readPassword();
  const result = await createStaffAccountFromCommandLine({ email: values.email, name: values.name, role: values.role, locationId: location?.id ?? null, password });
  if (!result.ok) {
    const t = createTranslator({ locale: 'en', messages: en, namespace: 'Admin.errors' });
    const problems = Object.values(result.problems).map((p) => `  ${t(p.key, p.values as never)}`);
    fail(`Not created:\n${problems.join('\n')}`);
  }
  console.log(`Created ${values.role} account ${values.email.toLowerCase()} (id ${result.id}).`);
} finally {
  await closeDb();
}
