import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { auditLog, staffUsers } from '@/db/schema';
import type { Localized } from '@/db/schema/types';

export type AuditEntry = {
  id: number;
  at: Date;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: Record<string, unknown> | null;
  /** What the ids stand for, so the log reads as sentences: booking and request numbers, names. */
  subject: { code: string | null; otherCode: string | null; name: string | null; service: Localized | null; location: Localized | null };
};

/** The newest `limit` audit entries with who made them and the numbers and names their ids stand for. */
export async function listRecentAudit({ limit = 200, tx = getDb() }: { limit?: number; tx?: DbOrTx } = {}): Promise<AuditEntry[]> {
  const rows = await tx
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorName: staffUsers.name,
      actorEmail: staffUsers.email,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      details: auditLog.details,
      code: sql<string | null>`case ${auditLog.entity}
        when 'booking' then (select b.code from bookings b where b.id::text = ${auditLog.entityId})
        when 'appointment_request' then (select r.code from appointment_requests r where r.id::text = ${auditLog.entityId}) end`,
      otherCode: sql<string | null>`(select b.code from bookings b where b.id::text = coalesce(${auditLog.details}->>'to', ${auditLog.details}->>'bookingId')
        and ${auditLog.entity} in ('booking', 'appointment_request'))`,
      name: sql<string | null>`case ${auditLog.entity}
        when 'staff' then (select s.email from staff_users s where s.id::text = ${auditLog.entityId})
        when 'counter' then (select c.name from counters c where c.id::text = ${auditLog.entityId}) end`,
      service: sql<Localized | null>`case when ${auditLog.entity} = 'service' then (select v.name from services v where v.id::text = ${auditLog.entityId}) end`,
      location: sql<Localized | null>`(select l.name from locations l where l.id::text = coalesce(${auditLog.details}->>'locationId', case when ${auditLog.entity} = 'location' then ${auditLog.entityId} end))`,
    })
    .from(auditLog)
    .leftJoin(staffUsers, eq(staffUsers.id, auditLog.actorId))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
  return rows.map(({ code, otherCode, name, service, location, ...row }) => ({ ...row, subject: { code, otherCode, name, service, location } }));
}
