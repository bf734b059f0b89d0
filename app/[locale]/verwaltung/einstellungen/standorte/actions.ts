'use server';

import { revalidatePath } from 'next/cache';
import type { ActionState } from '@/lib/action-state';
import { adminAction, problemState, zodState } from '@/lib/admin/admin-action';
import type { z } from 'zod';
import { affectedView, type CapacityFormState } from '@/lib/admin/form-state';
import { addCounter, addOpeningWindow, removeOpeningWindow, renameCounter, setCounterActive, setWindowCounters, type CapacityChangeResult } from '@/lib/admin/locations';
import { reminderSettingsSchema, saveReminderSettings } from '@/lib/admin/reminder-settings';
import { saveOfficeSettings, saveReleaseSchedule, saveWaitlistSettings } from '@/lib/admin/office-settings';
import { counterActiveSchema, newCounterSchema, officeSettingsSchema, releaseScheduleSchema, renameCounterSchema, waitlistSettingsSchema, windowCountersSchema, windowIdSchema, windowSchema } from '@/lib/admin/schemas';
import type { StaffUser } from '@/lib/auth/staff-session';

const PAGE = '/[locale]/verwaltung/einstellungen/standorte';

export async function addOpeningWindowAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(formData, async ({ actor, input, values, t }): Promise<ActionState> => {
    const parsed = windowSchema.safeParse(input);
    if (!parsed.success) return zodState(t, parsed.error, values);
    const result = await addOpeningWindow({ actor, input: parsed.data });
    if (!result.ok) return problemState(t, result.problems, values);
    revalidatePath(PAGE, 'page');
    return { ok: true };
  });
}

/**
 * Runs a change of opening hours or counters that may strand bookings: the first submit lists them,
 * the confirmation (their ids in `confirm`) makes the change and cancels them in one transaction.
 */
function capacityAction<T extends { confirm?: number[] }>(formData: FormData, schema: z.ZodType<T>, change: (actor: StaffUser, input: T) => Promise<CapacityChangeResult>): Promise<CapacityFormState> {
  return adminAction(formData, async ({ actor, input, values, t }): Promise<CapacityFormState> => {
    const { confirm: _confirm, intent: _intent, ...typed } = values;
    if (input.intent === 'back') return { ok: false, values: typed };
    const parsed = schema.safeParse(input);
    if (!parsed.success) return zodState(t, parsed.error, typed);
    const result = await change(actor, parsed.data);
    if (result.ok) {
      revalidatePath(PAGE, 'page');
      return { ok: true, data: { moved: result.movedBookingIds.length, cancelled: result.cancelledBookingIds.length } };
    }
    if (result.needsConfirmation) return { ok: false, values: typed, affected: result.affected.map(affectedView), changed: result.changed };
    return problemState(t, result.problems, typed);
  });
}

export async function removeOpeningWindowAction(_prev: CapacityFormState, formData: FormData): Promise<CapacityFormState> {
  return capacityAction(formData, windowIdSchema, (actor, { windowId, confirm }) => removeOpeningWindow({ actor, windowId, confirmedBookingIds: confirm }));
}

export async function setWindowCountersAction(_prev: CapacityFormState, formData: FormData): Promise<CapacityFormState> {
  return capacityAction(formData, windowCountersSchema, (actor, { windowId, countersOpen, confirm }) => setWindowCounters({ actor, windowId, countersOpen, confirmedBookingIds: confirm }));
}

export async function setCounterActiveAction(_prev: CapacityFormState, formData: FormData): Promise<CapacityFormState> {
  return capacityAction(formData, counterActiveSchema, (actor, { counterId, active, confirm }) => setCounterActive({ actor, counterId, active, confirmedBookingIds: confirm }));
}

export async function addCounterAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(formData, async ({ actor, input, values, t }): Promise<ActionState> => {
    const parsed = newCounterSchema.safeParse(input);
    if (!parsed.success) return zodState(t, parsed.error, values);
    const result = await addCounter({ actor, ...parsed.data });
    if (!result.ok) return problemState(t, result.problems, values);
    revalidatePath(PAGE, 'page');
    return { ok: true };
  });
}

export async function renameCounterAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(formData, async ({ actor, input, values, t }): Promise<ActionState> => {
    const parsed = renameCounterSchema.safeParse(input);
    if (!parsed.success) return zodState(t, parsed.error, values);
    const result = await renameCounter({ actor, ...parsed.data });
    if (!result.ok) return problemState(t, result.problems, values);
    revalidatePath(PAGE, 'page');
    return { ok: true };
  });
}

/** Saves an office's booking rules (horizon, lead time, hold, slot grid, appointments per address). */
export async function saveOfficeSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(formData, async ({ actor, input, values, t }): Promise<ActionState> => {
    const parsed = officeSettingsSchema.safeParse(input);
    if (!parsed.success) return zodState(t, parsed.error, values);
    const { locationId, ...settings } = parsed.data;
    const result = await saveOfficeSettings({ actor, locationId, settings });
    if (!result.ok) return problemState(t, result.problems, values);
    revalidatePath(PAGE, 'page');
    return { ok: true };
  });
}

/** Saves when an office's reminder mails go out. */
export async function saveReminderSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(formData, async ({ actor, input, values, t }): Promise<ActionState> => {
    const parsed = reminderSettingsSchema.safeParse(input);
    if (!parsed.success) return zodState(t, parsed.error, values);
    const { locationId, ...settings } = parsed.data;
    const result = await saveReminderSettings({ actor, locationId, settings });
    if (!result.ok) return problemState(t, result.problems, values);
    revalidatePath(PAGE, 'page');
    return { ok: true };
  });
}

/** Saves when the office releases new days (release schedule). */
export async function saveReleaseScheduleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(formData, async ({ actor, input, values, t }): Promise<ActionState> => {
    const parsed = releaseScheduleSchema.safeParse(input);
    if (!parsed.success) return zodState(t, parsed.error, values);
    const result = await saveReleaseSchedule({ actor, ...parsed.data });
    if (!result.ok) return problemState(t, result.problems, values);
    revalidatePath(PAGE, 'page');
    return { ok: true };
  });
}

/** Saves an office's waitlist settings (offer period in hours, share of a newly released day for the waitlist). */
export async function saveWaitlistSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(formData, async ({ actor, input, values, t }): Promise<ActionState> => {
    const parsed = waitlistSettingsSchema.safeParse(input);
    if (!parsed.success) return zodState(t, parsed.error, values);
    const { locationId, ...settings } = parsed.data;
    const result = await saveWaitlistSettings({ actor, locationId, settings });
    if (!result.ok) return problemState(t, result.problems, values);
    revalidatePath(PAGE, 'page');
    return { ok: true };
  });
}
