import type { ActionState } from '@/lib/action-state';

/** What a form needs from its last state: the typed values, one error per field, and the list for the summary. */
export function formErrors(state: ActionState<unknown>) {
  const values = state.ok ? {} : state.values;
  const fieldErrors = (!state.ok && state.fieldErrors) || {};
  const error = (field: string) => fieldErrors[field]?.[0];
  const summary: { field?: string; message: string }[] = [
    ...(!state.ok && state.formError ? [{ message: state.formError }] : []),
    ...Object.entries(fieldErrors).map(([field, messages]) => ({ field, message: messages?.[0] ?? '' })),
  ];
  // A form that edits stored data shows, after a failed submit, what was typed (an unticked box is absent); otherwise what is stored.
  const failed = !state.ok && Object.keys(values).length > 0;
  const valueOr = (field: string, stored: string) => (failed ? (values[field] ?? '') : stored);
  const checkedOr = (field: string, stored: boolean) => (failed ? values[field] === 'on' : stored);
  return { values, error, summary, failed, valueOr, checkedOr };
}
