'use client';

import { useTranslations } from 'next-intl';
import { withdrawRequestAction, type WithdrawState } from '@/app/[locale]/termin/anfrage/actions';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';

const initialState: WithdrawState = { ok: false, values: {} };

/**
 * Request number and PIN, sent by POST: opening the page (e.g. from the mail link) changes nothing.
 * A failure shows one message whether the number exists or not; the number stays filled in, the PIN does not.
 */
export function WithdrawForm({ locale, initialCode }: { locale: string; initialCode: string }) {
  const t = useTranslations('Request.withdraw');
  const { state, formProps } = useActionForm(withdrawRequestAction, initialState);
  if (state.ok && state.data) {
    return (
      <div className={`alert ${state.data.withdrawn ? 'alert--success' : 'alert--info'}`} role="status">
        {state.data.withdrawn && <h2 className="alert__title">{t('doneTitle')}</h2>}
        <p>{state.data.message}</p>
      </div>
    );
  }
  const values = !state.ok && Object.keys(state.values).length > 0 ? state.values : { code: initialCode };
  const fieldErrors = (!state.ok && state.fieldErrors) || {};
  const error = (field: string) => fieldErrors[field]?.[0];
  const errors = [
    ...(!state.ok && state.formError ? [{ message: state.formError }] : []),
    ...Object.entries(fieldErrors).map(([field, messages]) => ({ field, message: messages?.[0] ?? '' })),
  ];

  return (
    <form {...formProps} noValidate className="contact-form">
      <input type="hidden" name="locale" value={locale} />
      <ErrorSummary title={t('errorTitle')} errors={errors} />
      <Field
        name="code"
        label={t('code')}
        hint={t('codeHint')}
        defaultValue={values.code}
        error={error('code')}
        required
        maxLength={30}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
      />
      <Field name="pin" type="password" label={t('pin')} hint={t('pinHint')} error={error('pin')} required maxLength={6} inputMode="numeric" autoComplete="off" />
      <p className="actions">
        <SubmitButton className="button button--danger" pendingText={t('pending')}>
          {t('submit')}
        </SubmitButton>
      </p>
    </form>
  );
}
