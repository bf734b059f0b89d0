import type { z } from 'zod';

/** What every server action returns to its form: success, or errors beside the fields plus what the user typed. */
export type ActionState<T = undefined> =
  | { ok: true; data?: T }
  | { ok: false; fieldErrors?: Record<string, string[] | undefined>; formError?: string; values: Record<string, string> };

export const initialActionState: ActionState = { ok: false, values: {} };

/** The submitted text fields, to render them again after an error. Files and oversized values are dropped. */
export function formValues(formData: FormData, maxLength = 2_000): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION')) values[key] = value.slice(0, maxLength);
  }
  return values;
}

/**
 * The submitted text fields in full, to validate: a value cut to size first could pass a length check it
 * should fail (`a@b.de` followed by a megabyte of spaces). Echo `formValues` back, parse these.
 */
export function formInput(formData: FormData): Record<string, string> {
  return formValues(formData, Infinity);
}

/**
 * Field errors with each zod message (a message key) translated by `t`.
 * Only the first error per field is kept: one clear sentence beside the field.
 */
export function translatedFieldErrors(error: z.ZodError, t: (key: string, values?: Record<string, string>) => string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    // A custom issue may carry values for its message (e.g. the refused character of a name).
    const values = issue.code === 'custom' ? (issue.params as Record<string, string> | undefined) : undefined;
    out[field] ??= [values ? t(issue.message, values) : t(issue.message)];
  }
  return out;
}
