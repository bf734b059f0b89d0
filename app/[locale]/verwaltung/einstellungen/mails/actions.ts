'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { adminAction, problemState, zodState } from '@/lib/admin/admin-action';
import { resendFailedMail } from '@/lib/admin/failed-mails';

const PAGE = '/[locale]/verwaltung/einstellungen/mails';
const resendSchema = z.object({ mailId: z.coerce.number({ error: 'notFound' }).int('notFound').positive('notFound') });

export async function resendMailAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(formData, async ({ actor, input, values, t }): Promise<ActionState> => {
    const parsed = resendSchema.safeParse(input);
    if (!parsed.success) return zodState(t, parsed.error, values);
    const result = await resendFailedMail({ actor, mailId: parsed.data.mailId });
    if (!result.ok) return problemState(t, result.problems, values);
    revalidatePath(PAGE, 'page');
    revalidatePath('/[locale]/verwaltung', 'page');
    return { ok: true };
  });
}
