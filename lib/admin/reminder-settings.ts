import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { lockLocation } from '@/db/queries/admin-locations';
import { MAX_REMINDER_HOURS, reminderFigures, updateReminderSettings, type ReminderFigures } from '@/db/queries/reminders';
import { writeAudit } from '@/db/queries/staff';
import type { StaffUser } from '@/lib/auth/staff-session';
import { assertAdmin } from './access';
import { refuse, type AdminErrorKey, type Refusal } from './problems';

const e = (key: AdminErrorKey) => ({ error: key });

// Empty means "none"; anything else must be whole hours in range.
const hours = (key: AdminErrorKey) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : (v ?? '')),
    z.union([z.literal('').transform(() => null), z.coerce.number<string>(e(key)).int(e(key)).min(1, e(key)).max(MAX_REMINDER_HOURS, e(key))], e(key)),
  );

export const reminderSettingsSchema = z
  .object({
    locationId: z.coerce.number(e('notFound')).int(e('notFound')).positive(e('notFound')),
    reminderHours: hours('reminderHoursInvalid'),
    secondReminderHours: hours('secondReminderInvalid'),
  })
  .check((ctx) => {
    const { reminderHours: first, secondReminderHours: second } = ctx.value;
    if (second !== null && (first === null || second >= first)) ctx.issues.push({ code: 'custom', input: second, path: ['secondReminderHours'], message: 'secondReminderInvalid' });
  });

export type ReminderSettings = { reminderHours: number | null; secondReminderHours: number | null };

/**
 * Saves when an office's reminders go out (hours before the appointment; null: none). Applies from the next
 * reminder round on, to appointments already booked too; reminders already queued stay queued.
 */
export async function saveReminderSettings({ actor, locationId, settings }: { actor: StaffUser | null; locationId: number; settings: ReminderSettings }): Promise<{ ok: true } | Refusal> {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const before = await lockLocation({ id: locationId, tx });
    if (!before) return refuse('form', 'locationUnknown');
    await updateReminderSettings({ locationId, ...settings, tx });
    const changed = Object.fromEntries(
      (Object.keys(settings) as (keyof ReminderSettings)[]).filter((key) => before[key] !== settings[key]).map((key) => [key, { from: before[key], to: settings[key] }]),
    );
    await writeAudit({ tx, actorId: actor.id, action: 'office-settings-changed', entity: 'location', entityId: locationId, details: changed });
    return { ok: true as const };
  });
}

/** The window the reminder figures on the settings page look back over. */
export const FIGURES_DAYS = 30;

/** How many appointments of the office were reminded in the last `FIGURES_DAYS` days, and how many were then cancelled or moved. Admins only. */
export async function reminderFiguresFor({ actor, locationId, now = new Date() }: { actor: StaffUser | null; locationId: number; now?: Date }): Promise<ReminderFigures> {
  assertAdmin(actor);
  return reminderFigures({ locationId, since: new Date(now.getTime() - FIGURES_DAYS * 24 * 60 * 60_000), tx: getDb() });
}
