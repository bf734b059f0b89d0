'use client';

import { useTranslations } from 'next-intl';
import { bookForCitizenAction } from '@/app/[locale]/verwaltung/buchen/actions';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';

type Props = { locale: string; location: string; services: string; times: { value: string; label: string }[] };

/** Pick a free time and enter the caller's details; the answer (number and PIN) appears right here. */
export function WalkInForm({ locale, location, services, times }: Props) {
  const t = useTranslations('WalkIn');
  const { state, formProps } = useActionForm(bookForCitizenAction, { ok: false, values: {} });
  if (state.ok && state.data) {
    return (
      <div className="alert alert--success" role="status">
        <p>{t('booked', { code: state.data.code, pin: state.data.pin })}</p>
        {state.data.email && <p>{t('bookedMail', { email: state.data.email })}</p>}
      </div>
    );
  }
  const values = state.ok ? {} : state.values;
  const errors = (!state.ok && state.fieldErrors) || {};
  return (
    <form {...formProps} noValidate>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="location" value={location} />
      <input type="hidden" name="services" value={services} />
      {!state.ok && state.formError && (
        <p className="alert alert--error" role="alert">
          {state.formError}
        </p>
      )}
      <fieldset className={`field${errors.start ? ' field--error' : ''}`} aria-describedby={errors.start ? 'field-start-error' : undefined}>
        <legend>{t('times')}</legend>
        <div className="time-choices">
          {times.map((time) => (
            <label key={time.value} className="time-choice">
              <input type="radio" name="start" value={time.value} defaultChecked={values.start === time.value} /> {time.label}
            </label>
          ))}
        </div>
        {errors.start && (
          <span id="field-start-error" className="field__error">
            {errors.start[0]}
          </span>
        )}
      </fieldset>
      <Field name="name" label={t('name')} defaultValue={values.name} error={errors.name?.[0]} required maxLength={100} />
      <Field name="email" type="email" label={t('email')} defaultValue={values.email} error={errors.email?.[0]} maxLength={254} />
      <Field name="phone" type="tel" label={t('phone')} defaultValue={values.phone} error={errors.phone?.[0]} maxLength={30} />
      <SubmitButton>{t('book')}</SubmitButton>
    </form>
  );
}
