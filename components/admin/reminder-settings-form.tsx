'use client';

import { useTranslations } from 'next-intl';
import { saveReminderSettingsAction } from '@/app/[locale]/verwaltung/einstellungen/standorte/actions';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import { initialActionState } from '@/lib/action-state';
import styles from './admin.module.css';
import { formErrors } from './form-errors';
import { FormStatus } from './form-status';

export type ReminderSettingsData = { reminderHours: number | null; secondReminderHours: number | null };

const FIELDS = ['reminderHours', 'secondReminderHours'] as const;

/** When an office's reminder mails go out, in hours before the appointment; an empty field means none. */
export function ReminderSettingsForm({ locale, locationId, settings }: { locale: string; locationId: number; settings: ReminderSettingsData }) {
  const t = useTranslations('Admin.reminders');
  const { state, formProps } = useActionForm(saveReminderSettingsAction, initialActionState);
  const { error, summary, valueOr: value } = formErrors(state);
  return (
    <form {...formProps} noValidate className={styles.form}>
      <FormStatus state={state} summary={summary} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="locationId" value={locationId} />
      {FIELDS.map((name) => (
        <Field
          key={name}
          name={name}
          type="number"
          inputMode="numeric"
          min={1}
          max={336}
          step={1}
          label={t(`${name}.label`)}
          hint={t(`${name}.hint`)}
          defaultValue={value(name, settings[name] === null ? '' : String(settings[name]))}
          error={error(name)}
        />
      ))}
      <SubmitButton>{t('save')}</SubmitButton>
    </form>
  );
}
