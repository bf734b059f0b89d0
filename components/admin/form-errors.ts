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
  return { values, error, summary };
}
