import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { locations, staffSessions, staffUsers } from '@/db/schema';

export type StaffAccount = {
  id: number;
  email: string;
  name: string;
  role: 'admin' | 'clerk';
  locationId: number | null;
  locationName: { de: string; en: string } | null;
  active: boolean;
  lockedUntil: Date | null;
  createdAt: Date;
};

/** All staff accounts, admins first, then by name. Never the password hash. */
export async function listStaffAccounts({ tx = getDb() }: { tx?: DbOrTx } = {}): Promise<StaffAccount[]> {
  return tx
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      role: staffUsers.role,
      locationId: staffUsers.locationId,
      locationName: locations.name,
      active: staffUsers.active,
      lockedUntil: staffUsers.lockedUntil,
      createdAt: staffUsers.createdAt,
    })
    .from(staffUsers)
    .leftJoin(locations, eq(locations.id, staffUsers.locationId))
    .orderBy(asc(staffUsers.role), asc(staffUsers.name), asc(staffUsers.id));
}

export async function staffEmailTaken({ email, tx = getDb() }: { email: string; tx?: DbOrTx }): Promise<boolean> {
  const rows = await tx.select({ id: staffUsers.id }).from(staffUsers).where(sql`lower(${staffUsers.email}) = lower(${email})`);
  return rows.length > 0;
}

export async function insertStaffAccount({ email, name, role, locationId, passwordHash, tx }: { email: string; name: string; role: 'admin' | 'clerk'; locationId: number | null; passwordHash: string; tx: DbOrTx }) {
  const [row] = await tx.insert(staffUsers).values({ email, name, role, locationId, passwordHash }).returning({ id: staffUsers.id });
  return row!;
}

export async function lockStaffAccount({ id, tx }: { id: number; tx: DbOrTx }) {
  const [row] = await tx.select({ id: staffUsers.id, email: staffUsers.email, active: staffUsers.active }).from(staffUsers).where(eq(staffUsers.id, id)).for('update');
  return row ?? null;
}

/** Activates or deactivates an account; deactivating ends its sessions at once. */
export async function setStaffActive({ id, active, tx }: { id: number; active: boolean; tx: DbOrTx }) {
  await tx.update(staffUsers).set({ active }).where(eq(staffUsers.id, id));
  if (!active) await tx.delete(staffSessions).where(eq(staffSessions.userId, id));
}

/** Sets a new password hash, lifts a sign-in lock and ends the account's sessions (whoever held them). */
export async function setStaffPassword({ id, passwordHash, tx }: { id: number; passwordHash: string; tx: DbOrTx }) {
  await tx.update(staffUsers).set({ passwordHash, failedLogins: 0, lockedUntil: null }).where(eq(staffUsers.id, id));
  await tx.delete(staffSessions).where(eq(staffSessions.userId, id));
}

export async function setStaffRole({ id, role, locationId, tx }: { id: number; role: 'admin' | 'clerk'; locationId: number | null; tx: DbOrTx }) {
  await tx.update(staffUsers).set({ role, locationId }).where(eq(staffUsers.id, id));
}

/**
 * Locks every active admin account, in id order, and returns their ids: changes that could take away
 * admin rights queue here, so two admins cannot remove each other at the same moment.
 */
export async function lockActiveAdmins({ tx }: { tx: DbOrTx }): Promise<number[]> {
  const rows = await tx.select({ id: staffUsers.id }).from(staffUsers).where(and(eq(staffUsers.role, 'admin'), eq(staffUsers.active, true))).orderBy(asc(staffUsers.id)).for('update');
  return rows.map((r) => r.id);
}
