import 'server-only';
import { getDb, type DbOrTx } from '@/db/client';
import { listAdminLocations } from '@/db/queries/admin-locations';
import { insertStaffAccount, listStaffAccounts, lockActiveAdmins, lockStaffAccount, setStaffActive, setStaffPassword, setStaffRole, staffEmailTaken } from '@/db/queries/admin-staff';
import { writeAudit } from '@/db/queries/staff';
import { hashSecret } from '@/lib/auth/password';
import type { StaffUser } from '@/lib/auth/staff-session';
import { assertAdmin } from './access';
import { refuse, type Refusal } from './problems';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

export async function listStaffAccountsForAdmin({ actor }: { actor: StaffUser | null }) {
  assertAdmin(actor);
  return listStaffAccounts();
}

export type NewStaffAccount = { email: string; name: string; role: 'admin' | 'clerk'; locationId: number | null; password: string };

const UNIQUE_VIOLATION = '23505';
const pgCode = (error: unknown): string | undefined => (error as { cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code;

function passwordProblem(password: string): Refusal | null {
  if (password.length < MIN_PASSWORD_LENGTH) return refuse('password', 'passwordTooShort', { min: MIN_PASSWORD_LENGTH });
  if (password.length > MAX_PASSWORD_LENGTH) return refuse('password', 'passwordTooLong', { max: MAX_PASSWORD_LENGTH });
  return null;
}

/** Checks and inserts an account in `tx`, audited as done by `actorId` (null: the command line). */
async function insertAccount(tx: DbOrTx, actorId: number | null, input: Omit<NewStaffAccount, 'password'> & { passwordHash: string }): Promise<{ ok: true; id: number } | Refusal> {
  const email = input.email.trim().toLowerCase();
  // A clerk works at one location; an admin at all of them.
  const locationId = input.role === 'clerk' ? input.locationId : null;
  if (input.role === 'clerk' && locationId === null) return refuse('location', 'clerkNeedsLocation');
  if (locationId !== null && !(await listAdminLocations({ tx })).some((l) => l.id === locationId)) return refuse('location', 'locationUnknown');
  if (await staffEmailTaken({ email, tx })) return refuse('email', 'emailTaken');
  const row = await insertStaffAccount({ email, name: input.name.trim(), role: input.role, locationId, passwordHash: input.passwordHash, tx });
  await writeAudit({ tx, actorId, action: 'staff-created', entity: 'staff', entityId: row.id, details: { email, role: input.role, locationId } });
  return { ok: true, id: row.id };
}

async function inTransaction<T>(run: (tx: DbOrTx) => Promise<T | Refusal>): Promise<T | Refusal> {
  try {
    return await getDb().transaction(run);
  } catch (error) {
    // Two admins creating the same address at once: the unique index decides.
    if (pgCode(error) === UNIQUE_VIOLATION) return refuse('email', 'emailTaken');
    throw error;
  }
}

/** Creates a staff account with an initial password (stored as an argon2id hash). */
export async function createStaffAccount({ actor, input }: { actor: StaffUser | null; input: NewStaffAccount }): Promise<{ ok: true; id: number } | Refusal> {
  assertAdmin(actor);
  const { password, ...account } = input;
  const problem = passwordProblem(password);
  if (problem) return problem;
  const passwordHash = await hashSecret(password);
  return inTransaction((tx) => insertAccount(tx, actor.id, { ...account, passwordHash }));
}

/**
 * Creates an account from the command line (`npm run staff:create`), where whoever can run it already
 * holds the database credentials; the audit entry has no actor.
 */
export async function createStaffAccountFromCommandLine(input: NewStaffAccount): Promise<{ ok: true; id: number } | Refusal> {
  const { password, ...account } = input;
  const problem = passwordProblem(password);
  if (problem) return problem;
  const passwordHash = await hashSecret(password);
  return inTransaction((tx) => insertAccount(tx, null, { ...account, passwordHash }));
}

/** Activates or deactivates an account; a deactivated account's sessions end at once. Admins cannot lock themselves out. */
export async function setStaffAccountActive({ actor, staffId, active }: { actor: StaffUser | null; staffId: number; active: boolean }): Promise<{ ok: true } | Refusal> {
  assertAdmin(actor);
  if (!active && staffId === actor.id) return refuse('form', 'cannotDeactivateSelf');
  return getDb().transaction(async (tx) => {
    const admins = await lockActiveAdmins({ tx });
    const account = await lockStaffAccount({ id: staffId, tx });
    if (!account) return refuse('form', 'notFound');
    if (account.active === active) return { ok: true as const };
    if (!admins.includes(actor.id)) return refuse('form', 'forbidden');
    if (!active && admins.every((id) => id === staffId)) return refuse('form', 'lastAdmin');
    await setStaffActive({ id: staffId, active, tx });
    await writeAudit({ tx, actorId: actor.id, action: active ? 'staff-activated' : 'staff-deactivated', entity: 'staff', entityId: staffId, details: { email: account.email } });
    return { ok: true as const };
  });
}

/** Sets a new password; the account's sign-in lock is lifted and its sessions end. */
export async function resetStaffPassword({ actor, staffId, password }: { actor: StaffUser | null; staffId: number; password: string }): Promise<{ ok: true } | Refusal> {
  assertAdmin(actor);
  const problem = passwordProblem(password);
  if (problem) return problem;
  const passwordHash = await hashSecret(password);
  return getDb().transaction(async (tx) => {
    const account = await lockStaffAccount({ id: staffId, tx });
    if (!account) return refuse('form', 'notFound');
    await setStaffPassword({ id: staffId, passwordHash, tx });
    await writeAudit({ tx, actorId: actor.id, action: 'staff-password-reset', entity: 'staff', entityId: staffId, details: { email: account.email } });
    return { ok: true as const };
  });
}

/**
 * Changes an account's role and, for clerks, their office; takes effect on the account's next request
 * (every request reads the role). Admins cannot change their own role, and the last active admin stays one
 * (admin changes queue on `lockActiveAdmins`).
 */
export async function changeStaffRole({ actor, staffId, role, locationId }: { actor: StaffUser | null; staffId: number; role: 'admin' | 'clerk'; locationId: number | null }): Promise<{ ok: true } | Refusal> {
  assertAdmin(actor);
  if (staffId === actor.id) return refuse('form', 'cannotDemoteSelf');
  if (role === 'clerk' && locationId === null) return refuse('location', 'clerkNeedsLocation');
  return getDb().transaction(async (tx) => {
    const admins = await lockActiveAdmins({ tx });
    const account = await lockStaffAccount({ id: staffId, tx });
    if (!account) return refuse('form', 'notFound');
    // Re-read under the lock: another admin may have taken this actor's rights meanwhile.
    if (!admins.includes(actor.id)) return refuse('form', 'forbidden');
    if (role === 'clerk' && admins.every((id) => id === staffId)) return refuse('form', 'lastAdmin');
    if (role === 'clerk' && !(await listAdminLocations({ tx })).some((l) => l.id === locationId)) return refuse('location', 'locationUnknown');
    await setStaffRole({ id: staffId, role, locationId: role === 'clerk' ? locationId : null, tx });
    await writeAudit({ tx, actorId: actor.id, action: 'staff-role-changed', entity: 'staff', entityId: staffId, details: { email: account.email, role, locationId } });
    return { ok: true as const };
  });
}
