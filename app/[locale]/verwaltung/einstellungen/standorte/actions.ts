'use server';

import { revalidatePath } from 'next/cache';
import type { ActionState } from '@/lib/action-state';
import { adminAction, problemState, zodState } from '@/lib/admin/admin-action';
import { addCounter, addOpeningWindow, removeOpeningWindow, renameCounter, setCounterActive } from '@/lib/admin/locations';
import { counterActiveSchema, newCounterSchema, renameCounterSchema, windowIdSchema, windowSchema } from '@/lib/admin/schemas';

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

export async function removeOpeningWindowAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(formData, async ({ actor, input, values, t }): Promise<ActionState> => {
    const parsed = windowIdSchema.safeParse(input);
    if (!parsed.success) return zodState(t, parsed.error, values);
    const result = await removeOpeningWindow({ actor, windowId: parsed.data.windowId });
    if (!result.ok) return problemState(t, result.problems, values);
    revalidatePath(PAGE, 'page');
    return { ok: true };
  });
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

export async function setCounterActiveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(formData, async ({ actor, input, values, t }): Promise<ActionState> => {
    const parsed = counterActiveSchema.safeParse(input);
    if (!parsed.success) return zodState(t, parsed.error, values);
    const result = await setCounterActive({ actor, ...parsed.data });
    if (!result.ok) return problemState(t, result.problems, values);
    revalidatePath(PAGE, 'page');
    return { ok: true };
  });
}
