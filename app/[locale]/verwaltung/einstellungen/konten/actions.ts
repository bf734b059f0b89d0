'use server';

import { revalidatePath } from 'next/cache';
import type { ActionState } from '@/lib/action-state';
import { adminAction, problemState, zodState } from '@/lib/admin/admin-action';
import { newStaffSchema, resetPasswordSchema, staffActiveSchema, staffRoleSchema } from '@/lib/admin/schemas';
import { changeStaffRole, createStaffAccount, resetStaffPassword, setStaffAccountActive } from '@/lib/admin/staff-accounts';

const PAGE = '/[locale]/verwaltung/einstellungen/konten';
// Passwords never travel back into the page.
const secret = ['password'];

export async function createStaffAccountAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(
    formData,
    async ({ actor, input, values, t }): Promise<ActionState> => {
      const parsed = newStaffSchema.safeParse(input);
      if (!parsed.success) return zodState(t, parsed.error, values);
      const { location, ...account } = parsed.data;
      const result = await createStaffAccount({ actor, input: { ...account, locationId: location } });
      if (!result.ok) return problemState(t, result.problems, values);
      revalidatePath(PAGE, 'page');
      return { ok: true };
    },
    { secret },
  );
}

export async function setStaffAccountActiveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(formData, async ({ actor, input, values, t }): Promise<ActionState> => {
    const parsed = staffActiveSchema.safeParse(input);
    if (!parsed.success) return zodState(t, parsed.error, values);
    const result = await setStaffAccountActive({ actor, ...parsed.data });
    if (!result.ok) return problemState(t, result.problems, values);
    revalidatePath(PAGE, 'page');
    return { ok: true };
  });
}

export async function resetStaffPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(
    formData,
    async ({ actor, input, values, t }): Promise<ActionState> => {
      const parsed = resetPasswordSchema.safeParse(input);
      if (!parsed.success) return zodState(t, parsed.error, values);
      const result = await resetStaffPassword({ actor, ...parsed.data });
      if (!result.ok) return problemState(t, result.problems, values);
      revalidatePath(PAGE, 'page');
      return { ok: true };
    },
    { secret },
  );
}

/** Makes another account an admin, or a clerk at the chosen office; an admin's own role stays. */
export async function changeStaffRoleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(formData, async ({ actor, input, values, t }): Promise<ActionState> => {
    const parsed = staffRoleSchema.safeParse(input);
    if (!parsed.success) return zodState(t, parsed.error, values);
    const { staffId, role, location } = parsed.data;
    const result = await changeStaffRole({ actor, staffId, role, locationId: location });
    if (!result.ok) return problemState(t, result.problems, values);
    revalidatePath(PAGE, 'page');
    return { ok: true };
  });
}
