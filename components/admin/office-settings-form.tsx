'use client';

import { useTranslations } from 'next-intl';
import { saveOfficeSettingsAction } from '@/app/[locale]/verwaltung/einstellungen/standorte/actions';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';
import styles from './admin.module.css';
import { CheckboxField } from './fields';
import { formErrors } from './form-errors';
import { FormStatus } from './form-status';
import { useActionForm } from '@/components/ui/use-action-form';

export type OfficeSettingsData = { bookingHorizonDays: number; minLeadMinutes: number; holdMinutes: number; slotStepMinutes: number; maxFutureBookingsPerEmail: number; requireChallenge: boolean; challengeWork: number | null };

/** Each rule with its allowed range, as the schema checks it. */
const RULES: { name: Exclude<keyof OfficeSettingsData, 'requireChallenge' | 'challengeWork'>; min: number; max: number }[] = [
  { name: 'bookingHorizonDays', min: 1, max: 365 },
  { name: 'minLeadMinutes', min: 0, max: 20_160 },
  { name: 'slotStepMinutes', min: 5, max: 60 },
  { name: 'holdMinutes', min: 3, max: 60 },
  { name: 'maxFutureBookingsPerEmail', min: 1, max: 20 },
];

/** An office's booking rules, each explained in plain words. */
export function OfficeSettingsForm({ locale, locationId, settings }: { locale: string; locationId: number; settings: OfficeSettingsData }) {
  const t = useTranslations('Admin.office');
  const { state, formProps } = useActionForm(saveOfficeSettingsAction, initialActionState);
  const { error, summary, valueOr: value, checkedOr } = formErrors(state);
  return (
    <form {...formProps} noValidate className={styles.form}>
      <FormStatus state={state} summary={summary} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="locationId" value={locationId} />
      {RULES.map(({ name, min, max }) => (
        <Field
          key={name}
          name={name}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          label={t(`${name}.label`)}
          hint={t(`${name}.hint`)}
          defaultValue={value(name, String(settings[name]))}
          error={error(name)}
          required
        />
      ))}
      <CheckboxField name="requireChallenge" label={t('requireChallenge.label')} hint={t('requireChallenge.hint')} defaultChecked={checkedOr('requireChallenge', settings.requireChallenge)} />
      <Field
        name="challengeWork"
        type="number"
        inputMode="numeric"
        min={10_000}
        max={10_000_000}
        step={1}
        label={t('challengeWork.label')}
        hint={t('challengeWork.hint')}
        defaultValue={value('challengeWork', settings.challengeWork === null ? '' : String(settings.challengeWork))}
        error={error('challengeWork')}
      />
      <SubmitButton>{t('save')}</SubmitButton>
    </form>
  );
}
