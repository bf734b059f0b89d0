'use server';

import { z } from 'zod';
import { formValues } from '@/lib/action-state';
import { requireStaff, StaffAccessError, type StaffUser } from '@/lib/auth/staff-session';
import { callNext, changeVisit } from '@/lib/front-desk/desk';
import { redirect } from '@/lib/i18n/navigation';
import { routing, type Locale } from '@/lib/i18n/routing';

const localeSchema = z.enum(routing.locales).catch(routing.defaultLocale);
const id = z.coerce.number().int().positive();

async function staffOrSignIn(locale: Locale): Promise<StaffUser> {
  try {
    return await requireStaff();
  } catch (error) {
    if (error instanceof StaffAccessError && error.reason === 'signed-out') redirect({ href: { pathname: '/verwaltung', query: { abgemeldet: '1' } }, locale });
    throw error;
  }
}

const callSchema = z.object({ standort: z.string().regex(/^[a-z0-9-]{1,80}$/), locationId: id, counterId: id, visitId: id.optional() });

function back(locale: Locale, values: Record<string, string>, notice: string, label?: string | null): never {
  redirect({ href: { pathname: '/verwaltung/aufruf', query: { standort: values.standort ?? '', schalter: values.counterId ?? '', hinweis: notice, ...(label ? { nummer: label } : {}) } }, locale });
  throw new Error('unreachable');
}

/** "Nächste Person aufrufen", or the call of a chosen waiting number. */
export async function callNextAction(formData: FormData): Promise<void> {
  const values = formValues(formData, 100);
  const locale: Locale = localeSchema.parse(values.locale);
  const actor = await staffOrSignIn(locale);
  const parsed = callSchema.safeParse(values);
  if (!parsed.success) back(locale, values, 'not-found');
  const result = await callNext({ actor, locationId: parsed.data.locationId, counterId: parsed.data.counterId, visitId: parsed.data.visitId });
  back(locale, values, result.ok ? (result.label ? 'called' : 'empty') : result.reason, result.ok ? result.label : null);
}

const changeSchema = z.object({ visitId: id, step: z.enum(['recall', 'no-show', 'done', 'hand-over']), toCounterId: id.optional() });

/** "Erneut aufrufen", "Nicht erschienen", "Fertig", "An Schalter … weitergeben". */
export async function changeVisitAction(formData: FormData): Promise<void> {
  const values = formValues(formData, 100);
  const locale: Locale = localeSchema.parse(values.locale);
  const actor = await staffOrSignIn(locale);
  const parsed = changeSchema.safeParse(values);
  if (!parsed.success) back(locale, values, 'not-found');
  const result = await changeVisit({ actor, visitId: parsed.data.visitId, step: parsed.data.step, counterId: parsed.data.toCounterId });
  back(locale, values, result.ok ? parsed.data.step : result.reason, result.ok ? result.label : null);
}
