import 'server-only';
import { listRecentAudit } from '@/db/queries/admin-audit';
import type { StaffUser } from '@/lib/auth/staff-session';
import { assertAdmin } from './access';

export const AUDIT_PAGE_SIZE = 200;

/** The newest audit entries, for admins only: the log names staff and citizens' booking ids. */
export async function recentAuditEntries({ actor }: { actor: StaffUser | null }) {
  assertAdmin(actor);
  return listRecentAudit({ limit: AUDIT_PAGE_SIZE });
}
