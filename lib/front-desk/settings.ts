import 'server-only';
import { getDb } from '@/db/client';
import { updateFrontDeskSettings, type FrontDeskSettings } from '@/db/queries/front-desk';
import { writeAudit } from '@/db/queries/staff';
import { assertAdmin } from '@/lib/admin/access';
import type { StaffUser } from '@/lib/auth/staff-session';

/** Saves an office's front-desk rules: the check-in window around an appointment and how walk-ins are fitted in. */
export async function saveFrontDeskSettings({ actor, locationId, settings }: { actor: StaffUser | null; locationId: number; settings: FrontDeskSettings }): Promise<boolean> {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const before = await updateFrontDeskSettings({ locationId, settings, tx });
    if (!before) return false;
    await writeAudit({ tx, actorId: actor.id, action: 'front-desk-settings-changed', entity: 'location', entityId: locationId, details: { from: before, to: settings } });
    return true;
  });
}
