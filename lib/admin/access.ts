import 'server-only';
import { requireStaff, StaffAccessError, type StaffUser } from '@/lib/auth/staff-session';

/**
 * The check every admin domain function starts with (DESIGN.md invariant 6): an actor, and an admin.
 * Callers get the actor from `requireStaff({ role: 'admin' })`; this repeats the role check beside the data.
 */
export function assertAdmin(actor: StaffUser | null | undefined): asserts actor is StaffUser {
  if (!actor) throw new StaffAccessError('signed-out');
  if (actor.role !== 'admin') throw new StaffAccessError('forbidden');
}

export type AdminAccess = { ok: true; user: StaffUser } | { ok: false; reason: StaffAccessError['reason']; user: StaffUser | null };

/** For pages: the signed-in admin, or why there is none (and who is signed in, for the refusal page). */
export async function adminAccess(): Promise<AdminAccess> {
  try {
    return { ok: true, user: await requireStaff({ role: 'admin' }) };
  } catch (error) {
    if (!(error instanceof StaffAccessError)) throw error;
    return { ok: false, reason: error.reason, user: error.reason === 'forbidden' ? await requireStaff() : null };
  }
}
