import 'server-only';
import { createTranslator } from 'next-intl';
import { z } from 'zod';
import { formInput, formValues, type ActionState } from '@/lib/action-state';
import { requireStaff, StaffAccessError, type StaffUser } from '@/lib/auth/staff-session';
import { redirect } from '@/lib/i18n/navigation';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import { routing, type Locale } from '@/lib/i18n/routing';
import type { AdminErrorKey, Problems } from './problems';

const localeSchema = z.enum(routing.locales).catch(routing.defaultLocale);

// A plain translator (not getTranslations): actions then need no request context, and tests can call them.
const adminTranslator = (locale: Locale) => createTranslator({ locale, messages: locale === 'en' ? en : de, namespace: 'Admin.errors' });
export type AdminTranslator = ReturnType<typeof adminTranslator>;

/** A translated error message for a key under `Admin.errors`. */
export function errorText(t: AdminTranslator, key: AdminErrorKey, values?: Record<string, string | number>): string {
  // The keys come from a union, so next-intl cannot check the arguments per message; the messages name them.
  return (t as unknown as (key: string, values?: Record<string, string | number>) => string)(key, values);
}

/** The failure state of an admin form: domain problems translated, each beside its field. */
export function problemState(t: AdminTranslator, problems: Problems, values: Record<string, string>): ActionState<never> & { ok: false } {
  const { form, ...fields } = problems;
  const fieldErrors = Object.fromEntries(Object.entries(fields).map(([field, p]) => [field, [errorText(t, p.key, p.values)]]));
  return { ok: false, fieldErrors, formError: form ? errorText(t, form.key, form.values) : undefined, values };
}

/** zod issues (whose messages are `Admin.errors` keys) as field errors; the first per field. */
export function zodState(t: AdminTranslator, error: z.ZodError, values: Record<string, string>): ActionState<never> & { ok: false } {
  const problems: Problems = {};
  for (const issue of error.issues) problems[String(issue.path[0] ?? 'form')] ??= { key: issue.message as AdminErrorKey };
  return problemState(t, problems, values);
}

/** `input`: every submitted field in full, to parse; `values`: the ones safe to show again (no passwords, cut to size). */
export type AdminActionContext = { actor: StaffUser; locale: Locale; input: Record<string, string>; values: Record<string, string>; t: AdminTranslator };
export type RefusedState = { ok: false; formError: string; values: Record<string, string> };

/**
 * Runs an admin form action: checks the session and the admin role itself (DESIGN.md invariant 6) before
 * anything else, so without a session nothing runs (→ sign-in) and a clerk gets a translated refusal.
 * Fields named in `secret` (passwords) are never echoed back into the page.
 */
export async function adminAction<S>(formData: FormData, run: (ctx: AdminActionContext) => Promise<S>, { secret = [] }: { secret?: string[] } = {}): Promise<S | RefusedState> {
  const all = formInput(formData);
  const locale: Locale = localeSchema.parse(all.locale);
  const kept = Object.fromEntries(Object.entries(formValues(formData)).filter(([key]) => !secret.includes(key)));
  const t = adminTranslator(locale);
  let actor: StaffUser | null = null;
  let refusal: StaffAccessError['reason'] | null = null;
  try {
    actor = await requireStaff({ role: 'admin' });
  } catch (error) {
    if (!(error instanceof StaffAccessError)) throw error;
    refusal = error.reason;
  }
  if (refusal === 'forbidden') return { ok: false, formError: errorText(t, 'forbidden'), values: kept };
  if (!actor) return redirect({ href: { pathname: '/verwaltung', query: { abgemeldet: '1' } }, locale });
  try {
    return await run({ actor, locale, input: all, values: kept, t });
  } catch (error) {
    if (error instanceof StaffAccessError) return { ok: false, formError: errorText(t, 'forbidden'), values: kept };
    throw error;
  }
}
