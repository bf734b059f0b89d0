'use client';

import { useTranslations } from 'next-intl';
import { verifyBookingPinAction } from '@/app/[locale]/termin/absagen/actions';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';
import { useActionForm } from '@/components/ui/use-action-form';

/**
 * Booking number and PIN, the key to cancelling or moving a booking. A failure shows one generic message
 * (it must not tell whether the number exists); the number stays filled in, the PIN does not.
 */
export function PinForm({ locale, purpose, initialCode }: { locale: string; purpose: 'cancel' | 'reschedule'; initialCode: string }) {
  const t = useTranslations('PinCheck');
  const { state, formProps } = useActionForm(verifyBookingPinAction, initialActionState);
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
      <input type="hidden" name="purpose" value={purpose} />
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
        <SubmitButton pendingText={t('pending')}>{t('submit')}</SubmitButton>
      </p>
    </form>
  );
}
