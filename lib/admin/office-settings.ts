import 'server-only';
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { getDb } from '@/db/client';
import { locations } from '@/db/schema';
import { lockLocation, updateOfficeSettings, updateReleaseSchedule, type OfficeSettings } from '@/db/queries/admin-locations';
import { writeAudit } from '@/db/queries/staff';
import type { StaffUser } from '@/lib/auth/staff-session';
import { assertAdmin } from './access';
import { queueAddedCapacity, type TimeRange } from './capacity';
import { refuse, type Refusal } from './problems';

/**
 * Saves an office's booking rules: how far ahead citizens may book, the shortest notice, how long a
 * chosen time is held, the slot grid and how many future appointments one address may hold. Existing
 * bookings and running holds keep what they were given. Times a longer horizon or a shorter notice opens
 * go to the waitlist first (`queueAddedCapacity`).
 */
export async function saveOfficeSettings({ actor, locationId, settings, now = new Date() }: { actor: StaffUser | null; locationId: number; settings: OfficeSettings; now?: Date }): Promise<{ ok: true } | Refusal> {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const before = await lockLocation({ id: locationId, tx });
    if (!before) return refuse('form', 'locationUnknown');
    await updateOfficeSettings({ id: locationId, settings, tx });
    await queueAddedCapacity({ tx, locationId, ranges: openedBy({ before, after: settings, now }) });
    const changed = Object.fromEntries(Object.entries(settings).filter(([key, value]) => before[key as keyof OfficeSettings] !== value).map(([key, value]) => [key, { from: before[key as keyof OfficeSettings], to: value }]));
    await writeAudit({ tx, actorId: actor.id, action: 'office-settings-changed', entity: 'location', entityId: locationId, details: changed });
    return { ok: true as const };
  });
}

/** The times new booking rules open that the old ones did not: days a longer horizon adds, hours a shorter notice adds. */
function openedBy({ before, after, now }: { before: typeof locations.$inferSelect; after: OfficeSettings; now: Date }): TimeRange[] {
  const ranges: TimeRange[] = [];
  const today = DateTime.fromJSDate(now, { zone: before.timeZone }).startOf('day');
  if (after.bookingHorizonDays > before.bookingHorizonDays) {
    ranges.push({ start: today.plus({ days: before.bookingHorizonDays + 1 }).toJSDate(), end: today.plus({ days: after.bookingHorizonDays + 1 }).toJSDate() });
  }
  if (after.minLeadMinutes < before.minLeadMinutes) {
    ranges.push({ start: new Date(now.getTime() + after.minLeadMinutes * 60_000), end: new Date(now.getTime() + before.minLeadMinutes * 60_000) });
  }
  return ranges;
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
