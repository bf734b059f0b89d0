import 'server-only';
import { and, eq, gt, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { auditLog, staffSessions, staffUsers } from '@/db/schema';

export type StaffUser = Pick<typeof staffUsers.$inferSelect, 'id' | 'email' | 'name' | 'role' | 'locationId'>;

const publicColumns = { id: staffUsers.id, email: staffUsers.email, name: staffUsers.name, role: staffUsers.role, locationId: staffUsers.locationId };

export async function findStaffForLogin({ email, tx = getDb() }: { email: string; tx?: DbOrTx }) {
  const [row] = await tx.select().from(staffUsers).where(sql`lower(${staffUsers.email}) = lower(${email})`);
  return row ?? null;
}

/** Counts a failed sign-in; from the `lockAfter`-th failure on, the account is locked for `lockMinutes`. */
export async function recordFailedLogin({ userId, lockAfter, lockMinutes, tx = getDb() }: { userId: number; lockAfter: number; lockMinutes: number; tx?: DbOrTx }) {
  await tx
    .update(staffUsers)
    .set({
      failedLogins: sql`${staffUsers.failedLogins} + 1`,
      lockedUntil: sql`case when ${staffUsers.failedLogins} + 1 >= ${lockAfter} then now() + make_interval(mins => ${lockMinutes}) else ${staffUsers.lockedUntil} end`,
    })
    .where(eq(staffUsers.id, userId));
}

export async function resetFailedLogins({ userId, tx = getDb() }: { userId: number; tx?: DbOrTx }) {
  await tx.update(staffUsers).set({ failedLogins: 0, lockedUntil: null }).where(eq(staffUsers.id, userId));
}

export async function insertSession({ tokenHash, userId, absoluteHours, tx = getDb() }: { tokenHash: string; userId: number; absoluteHours: number; tx?: DbOrTx }) {
  await tx.insert(staffSessions).values({ tokenHash, userId, expiresAt: sql`now() + make_interval(hours => ${absoluteHours})` });
}

/**
 * The active staff member behind a session token, or null when the session is unknown, past its absolute
 * expiry, idle for longer than `idleMinutes`, or the account was deactivated. Touches `last_seen_at`.
 */
export async function findSessionUser({ tokenHash, idleMinutes, tx = getDb() }: { tokenHash: string; idleMinutes: number; tx?: DbOrTx }): Promise<StaffUser | null> {
  const [row] = await tx
    .update(staffSessions)
    .set({ lastSeenAt: sql`now()` })
    .from(staffUsers)
    .where(
      and(
        eq(staffSessions.tokenHash, tokenHash),
        eq(staffUsers.id, staffSessions.userId),
        eq(staffUsers.active, true),
        gt(staffSessions.expiresAt, sql`now()`),
        gt(staffSessions.lastSeenAt, sql`now() - make_interval(mins => ${idleMinutes})`),
      ),
    )
    .returning(publicColumns);
  return row ?? null;
}

export async function deleteSession({ tokenHash, tx = getDb() }: { tokenHash: string; tx?: DbOrTx }) {
  await tx.delete(staffSessions).where(eq(staffSessions.tokenHash, tokenHash));
}

/** Records who did what to which booking or setting. */
export async function writeAudit({ actorId, action, entity, entityId, details, tx = getDb() }: { actorId: number | null; action: string; entity: string; entityId?: string | number; details?: Record<string, unknown>; tx?: DbOrTx }) {
  await tx.insert(auditLog).values({ actorId, action, entity, entityId: entityId === undefined ? null : String(entityId), details: details ?? null });
}
