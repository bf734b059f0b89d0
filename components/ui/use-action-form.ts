'use client';

import { useActionState, type FormEvent } from 'react';

type AnyState = { ok: boolean };

/**
 * `useActionState` for a form, plus the one behaviour every form of the app shares: after a refused submit,
 * every control keeps what was typed or chosen.
 *
 * React resets a form once its action has finished. Inputs then show their new `defaultValue` (the values the
 * server sent back), but selects keep the option they were first rendered with, and controlled selects lose
 * their value too: a chosen "2" fell back to "none" after any error. So while the answer is a refusal, the
 * reset is cancelled and the browser keeps what the citizen sees; only secrets (password and PIN fields) are
 * cleared, as a page rendered by the server would not carry them either. A success still resets the form.
 * Without JavaScript the server renders the form again with the values it got (`defaultValue` from `values`).
 *
 * Spread `formProps` on the `<form>`: `<form {...formProps} noValidate>`.
 */
export function useActionForm<S extends AnyState>(action: (state: Awaited<S>, formData: FormData) => S | Promise<S>, initialState: Awaited<S>) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const onReset = (event: FormEvent<HTMLFormElement>) => {
    if (state.ok) return;
    event.preventDefault();
    for (const control of event.currentTarget.elements) {
      if (control instanceof HTMLInputElement && control.type === 'password') control.value = '';
    }
  };
  return { state, formAction, pending, formProps: { action: formAction, onReset } };
}
