'use server';

import { revalidatePath } from 'next/cache';
import type { ActionState } from '@/lib/action-state';
import { adminAction, problemState, zodState } from '@/lib/admin/admin-action';
import { addClosure, removeClosure } from '@/lib/admin/closures';
import { affectedView, type ClosureFormState } from '@/lib/admin/form-state';
import { closureIdSchema, closureSchema } from '@/lib/admin/schemas';

const PAGE = '/[locale]/verwaltung/einstellungen/schliesstage';

/**
 * Adds a closure. When booked appointments lie on its dates, the first submit only lists them; the
 * confirmation (their ids in `confirm`) creates the closure and cancels them in one transaction.
 */
export async function addClosureAction(_prev: ClosureFormState, formData: FormData): Promise<ClosureFormState> {
  return adminAction(formData, async ({ actor, input, values, t }): Promise<ClosureFormState> => {
    const { confirm: _confirm, intent: _intent, ...typed } = values;
    // "Back" from the confirmation: the form again, as typed.
    if (input.intent === 'back') return { ok: false, values: typed };
    const parsed = closureSchema.safeParse(input);
    if (!parsed.success) return zodState(t, parsed.error, typed);
    const { location, startsOn, endsOn, reasonDe, reasonEn, confirm } = parsed.data;
    const result = await addClosure({ actor, input: { locationId: location, startsOn, endsOn, reason: { de: reasonDe, en: reasonEn } }, confirmedBookingIds: confirm });
    if (result.ok) {
      revalidatePath(PAGE, 'page');
      return { ok: true, data: { cancelled: result.cancelledBookingIds.length } };
    }
    if (result.needsConfirmation) {
      return { ok: false, values: typed, affected: result.affected.map(affectedView), changed: result.changed };
    }
    return problemState(t, result.problems, typed);
  });
}

export async function deleteClosureAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(formData, async ({ actor, input, values, t }): Promise<ActionState> => {
    const parsed = closureIdSchema.safeParse(input);
    if (!parsed.success) return zodState(t, parsed.error, values);
    const result = await removeClosure({ actor, closureId: parsed.data.closureId });
    if (!result.ok) return problemState(t, result.problems, values);
    revalidatePath(PAGE, 'page');
    return { ok: true };
  });
}
