'use client';

import { useTranslations } from 'next-intl';
import { saveReleaseScheduleAction } from '@/app/[locale]/verwaltung/einstellungen/standorte/actions';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import { initialActionState } from '@/lib/action-state';
import styles from './admin.module.css';
import { CheckboxField } from './fields';
import { formErrors } from './form-errors';
import { FormStatus } from './form-status';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** When the office releases new days ("Wann gibt es neue Termine?"): a time and the weekdays, or none. */
export function ReleaseScheduleForm({ locale, locationId, releaseTime, releaseWeekdays }: { locale: string; locationId: number; releaseTime: string | null; releaseWeekdays: number[] }) {
  const t = useTranslations('Release.admin');
  const tDays = useTranslations('Weekdays');
  const { state, formProps } = useActionForm(saveReleaseScheduleAction, initialActionState);
  const { error, summary, valueOr: value, checkedOr } = formErrors(state);
  return (
    <form {...formProps} noValidate className={styles.form}>
      <FormStatus state={state} summary={summary} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="locationId" value={locationId} />
      <p>{t('hint')}</p>
      <Field name="releaseTime" type="time" label={t('time')} hint={t('timeHint')} defaultValue={value('releaseTime', releaseTime?.slice(0, 5) ?? '')} error={error('releaseTime')} />
      <fieldset aria-describedby={error('releaseDay1') ? 'release-days-error' : undefined}>
        <legend>{t('weekdays')}</legend>
        {error('releaseDay1') && (
          <p id="release-days-error" className="field__error">
            {error('releaseDay1')}
          </p>
        )}
        {WEEKDAYS.map((d) => (
          <CheckboxField key={d} name={`releaseDay${d}`} label={tDays(String(d) as '1')} defaultChecked={checkedOr(`releaseDay${d}`, releaseWeekdays.includes(d))} />
        ))}
      </fieldset>
      <SubmitButton>{t('save')}</SubmitButton>
    </form>
  );
}
