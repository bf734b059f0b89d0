'use server';

import { DateTime } from 'luxon';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formValues, type ActionState } from '@/lib/action-state';
import { routing, type Locale } from '@/lib/i18n/routing';
import { offerByHand } from '@/lib/waitlist/staff';

const schema = z.object({
  locale: z.enum(routing.locales).catch(routing.defaultLocale),
  location: z.coerce.number().int().positive(),
  wish: z.coerce.number().int().positive(),
  code: z.string().max(20),
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
});

/** A clerk offers a time (local wall clock of the office) to one waiting wish; the staff check lives in `offerByHand`. */
export async function offerWishTimeAction(_prev: ActionState<{ message: string }>, formData: FormData): Promise<ActionState<{ message: string }>> {
  const values = formValues(formData, 100);
  const parsed = schema.safeParse(values);
  const locale: Locale = parsed.success ? parsed.data.locale : routing.defaultLocale;
  const t = await getTranslations({ locale, namespace: 'WaitlistStaff' });
  if (!parsed.success) return { ok: false, fieldErrors: { start: [t('offerFailed')] }, values };
  const start = DateTime.fromISO(parsed.data.start, { zone: 'Europe/Berlin' }).toJSDate();
  const offer = await offerByHand({ locationId: parsed.data.location, wishId: parsed.data.wish, start });
  return offer ? { ok: true, data: { message: t('offered', { code: parsed.data.code }) } } : { ok: false, formError: t('offerFailed'), values };
}
