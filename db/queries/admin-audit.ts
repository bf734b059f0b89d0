import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { auditLog, staffUsers } from '@/db/schema';

export type AuditEntry = {
  id: number;
  at: Date;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: Record<string, unknown> | null;
};

/** The newest `limit` audit entries with who made them. */
export async function listRecentAudit({ limit = 200, tx = getDb() }: { limit?: number; tx?: DbOrTx } = {}): Promise<AuditEntry[]> {
  return tx
    .select({ id: auditLog.id, at: auditLog.at, actorName: staffUsers.name, actorEmail: staffUsers.email, action: auditLog.action, entity: auditLog.entity, entityId: auditLog.entityId, details: auditLog.details })
    .from(auditLog)
    .leftJoin(staffUsers, eq(staffUsers.id, auditLog.actorId))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}
