import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { locations } from '@/db/schema';
import { lockLocation, updateOfficeSettings, updateReleaseSchedule, type OfficeSettings } from '@/db/queries/admin-locations';
import { writeAudit } from '@/db/queries/staff';
import type { StaffUser } from '@/lib/auth/staff-session';
import { assertAdmin } from './access';
import { refuse, type Refusal } from './problems';

/**
 * Saves an office's booking rules: how far ahead citizens may book, the shortest notice, how long a
 * chosen time is held, the slot grid and how many future appointments one address may hold. Existing
 * bookings and running holds keep what they were given.
 */
export async function saveOfficeSettings({ actor, locationId, settings }: { actor: StaffUser | null; locationId: number; settings: OfficeSettings }): Promise<{ ok: true } | Refusal> {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const before = await lockLocation({ id: locationId, tx });
    if (!before) return refuse('form', 'locationUnknown');
    await updateOfficeSettings({ id: locationId, settings, tx });
    const changed = Object.fromEntries(Object.entries(settings).filter(([key, value]) => before[key as keyof OfficeSettings] !== value).map(([key, value]) => [key, { from: before[key as keyof OfficeSettings], to: value }]));
    await writeAudit({ tx, actorId: actor.id, action: 'office-settings-changed', entity: 'location', entityId: locationId, details: changed });
    return { ok: true as const };
  });
}

/**
 * Saves when an office releases new days (lib/slots/release.ts): a wall-clock time and weekdays, or no time
 * (the whole horizon bookable at any moment). Days already released stay bookable.
 */
export async function saveReleaseSchedule({ actor, locationId, releaseTime, releaseWeekdays }: { actor: StaffUser | null; locationId: number; releaseTime: string | null; releaseWeekdays: number[] }): Promise<{ ok: true } | Refusal> {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const before = await lockLocation({ id: locationId, tx });
    if (!before) return refuse('form', 'locationUnknown');
    await updateReleaseSchedule({ id: locationId, releaseTime, releaseWeekdays, tx });
    await writeAudit({ tx, actorId: actor.id, action: 'office-settings-changed', entity: 'location', entityId: locationId, details: { releaseTime: { from: before.releaseTime, to: releaseTime }, releaseWeekdays: { from: before.releaseWeekdays, to: releaseWeekdays } } });
    return { ok: true as const };
  });
}

/** Saves an office's waitlist settings (offer period, share of a newly released day); standing offers keep their expiry. */
export async function saveWaitlistSettings({ actor, locationId, settings }: { actor: StaffUser | null; locationId: number; settings: { waitlistOfferHours: number; waitlistNewDayShare: number } }): Promise<{ ok: true } | Refusal> {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const before = await lockLocation({ id: locationId, tx });
    if (!before) return refuse('form', 'locationUnknown');
    await tx.update(locations).set(settings).where(eq(locations.id, locationId));
    await writeAudit({ tx, actorId: actor.id, action: 'office-settings-changed', entity: 'location', entityId: locationId, details: { waitlistOfferHours: { from: before.waitlistOfferHours, to: settings.waitlistOfferHours }, waitlistNewDayShare: { from: before.waitlistNewDayShare, to: settings.waitlistNewDayShare } } });
    return { ok: true as const };
  });
}
