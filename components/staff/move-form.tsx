'use client';

import { useTranslations } from 'next-intl';
import { moveBookingByStaffAction } from '@/app/[locale]/verwaltung/buchen/actions';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';

/** Pick the new time for a booking; the answer (the new booking number) appears right here. */
export function MoveForm({ locale, bookingId, times }: { locale: string; bookingId: number; times: { value: string; label: string }[] }) {
  const t = useTranslations('WalkIn');
  const { state, formProps } = useActionForm(moveBookingByStaffAction, { ok: false, values: {} });
  if (state.ok && state.data) {
    return (
      <p className="alert alert--success" role="status">
        {t('moved', { code: state.data.code })}
      </p>
    );
  }
  const error = !state.ok ? state.fieldErrors?.start?.[0] : undefined;
  return (
    <form {...formProps} noValidate>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="bookingId" value={bookingId} />
      {!state.ok && state.formError && (
        <p className="alert alert--error" role="alert">
          {state.formError}
        </p>
      )}
      <fieldset className={`field${error ? ' field--error' : ''}`} aria-describedby={error ? 'field-start-error' : undefined}>
        <legend>{t('times')}</legend>
        <div className="time-choices">
          {times.map((time) => (
            <label key={time.value} className="time-choice">
              <input type="radio" name="start" value={time.value} /> {time.label}
            </label>
          ))}
        </div>
        {error && (
          <span id="field-start-error" className="field__error">
            {error}
          </span>
        )}
      </fieldset>
      <SubmitButton>{t('move')}</SubmitButton>
    </form>
  );
}
