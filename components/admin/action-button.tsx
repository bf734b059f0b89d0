'use client';

import { useId } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState, type ActionState } from '@/lib/action-state';
import styles from './admin.module.css';
import { HiddenValues } from './fields';
import { useActionForm } from '@/components/ui/use-action-form';

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** Hidden fields that say what to act on (e.g. `{ locale, closureId }`). */
  fields: Record<string, string>;
  label: string;
  /** The button's accessible name when the visible label alone is ambiguous (many "Delete" buttons). */
  accessibleName?: string;
  danger?: boolean;
};

/** One button in its own small form (delete, activate, …); a refusal appears beside it. Works without JavaScript. */
export function ActionButton({ action, fields, label, accessibleName, danger = false }: Props) {
  const { state, formProps } = useActionForm(action, initialActionState);
  return (
    <form {...formProps} className={styles.inline}>
      <HiddenValues values={fields} />
      <ButtonWithError label={label} accessibleName={accessibleName} danger={danger} error={firstError(state)} />
    </form>
  );
}

/** The first refusal of a form's last state, for a message beside its button. */
export const firstError = (state: { ok: boolean; formError?: string; fieldErrors?: Record<string, string[] | undefined> }) =>
  !state.ok ? (state.formError ?? Object.values(state.fieldErrors ?? {})[0]?.[0]) : undefined;

/** A small submit button with its refusal announced beside it. */
export function ButtonWithError({ label, accessibleName, danger = false, error }: { label: string; accessibleName?: string; danger?: boolean; error?: string }) {
  const errorId = useId();
  return (
    <>
      <SubmitButton className={`button button--small ${danger ? 'button--danger' : 'button--secondary'}`} aria-label={accessibleName} aria-describedby={error ? errorId : undefined}>
        {label}
      </SubmitButton>
      {error && (
        <span id={errorId} className={`field__error ${styles.inlineError}`} role="alert">
          {error}
        </span>
      )}
    </>
  );
}
