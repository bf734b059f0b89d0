'use client';

import { useTranslations } from 'next-intl';
import { declineRequestAction } from '@/app/[locale]/verwaltung/anfragen/actions';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';
import styles from './requests.module.css';
import { useActionForm } from '@/components/ui/use-action-form';

/** Decline with a reason (3–500 characters) that the citizen reads in the mail; stays open with the text after an error. */
export function DeclineRequestForm({ locale, location, requestId }: { locale: string; location: string; requestId: number }) {
  const t = useTranslations('RequestStaff');
  const { state, formProps } = useActionForm(declineRequestAction, initialActionState);
  const values = state.ok ? {} : state.values;
  const error = (!state.ok && (state.fieldErrors?.reason?.[0] ?? state.formError)) || undefined;
  const id = `decline-${requestId}`;
  return (
    <details className={styles.decline} open={error ? true : undefined}>
      <summary>{t('decline')}</summary>
      <form {...formProps} noValidate>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="location" value={location} />
        <input type="hidden" name="requestId" value={requestId} />
        <div className={`field${error ? ' field--error' : ''}`}>
          <label htmlFor={id}>{t('declineReason')}</label>
          <span id={`${id}-hint`} className="field__hint">
            {t('declineHint')}
          </span>
          <textarea
            id={id}
            name="reason"
            rows={3}
            required
            minLength={3}
            maxLength={500}
            defaultValue={values.reason}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          />
          {error && (
            <span id={`${id}-error`} className="field__error" role="alert">
              {error}
            </span>
          )}
        </div>
        <SubmitButton className="button button--danger" pendingText={t('pending')}>
          {t('declineConfirm')}
        </SubmitButton>
      </form>
    </details>
  );
}
