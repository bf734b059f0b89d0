'use client';

import { useTranslations } from 'next-intl';
import { addCounterAction, addOpeningWindowAction, renameCounterAction } from '@/app/[locale]/verwaltung/einstellungen/standorte/actions';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';
import styles from './admin.module.css';
import { SelectField } from './fields';
import { formErrors } from './form-errors';
import { useActionForm } from '@/components/ui/use-action-form';

/** Adds a weekly opening window to one location; overlaps and too many counters come back beside the fields. */
export function WindowForm({ locale, locationId, activeCounters, weekdays }: { locale: string; locationId: number; activeCounters: number; weekdays: { value: number; label: string }[] }) {
  const t = useTranslations('Admin');
  const { state, formProps } = useActionForm(addOpeningWindowAction, initialActionState);
  const { values, error, summary } = formErrors(state);
  return (
    <form {...formProps} noValidate className={styles.form}>
      {state.ok && (
        <p className="alert alert--success" role="status">
          {t('saved')}
        </p>
      )}
      <ErrorSummary title={t('errorTitle')} errors={summary} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="locationId" value={locationId} />
      <SelectField name="weekday" label={t('locations.weekday')} defaultValue={values.weekday ?? '1'} error={error('weekday')} required>
        {weekdays.map((d) => (
          <option key={d.value} value={d.value}>
            {d.label}
          </option>
        ))}
      </SelectField>
      <div className={styles.row}>
        <Field name="opensAt" type="time" label={t('locations.opensAt')} defaultValue={values.opensAt} error={error('opensAt')} required />
        <Field name="closesAt" type="time" label={t('locations.closesAt')} defaultValue={values.closesAt} error={error('closesAt')} required />
      </div>
      <Field
        name="countersOpen"
        type="number"
        inputMode="numeric"
        min={1}
        max={Math.max(activeCounters, 1)}
        label={t('locations.countersOpen')}
        hint={t('locations.countersOpenHint', { max: activeCounters })}
        defaultValue={values.countersOpen ?? String(Math.max(activeCounters, 1))}
        error={error('countersOpen')}
        required
      />
      <SubmitButton>{t('locations.addWindow')}</SubmitButton>
    </form>
  );
}

export function AddCounterForm({ locale, locationId }: { locale: string; locationId: number }) {
  const t = useTranslations('Admin');
  const { state, formProps } = useActionForm(addCounterAction, initialActionState);
  const { values, error } = formErrors(state);
  return (
    <form {...formProps} noValidate className={styles.inline}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="locationId" value={locationId} />
      <Field id="field-new-counter" name="name" label={t('locations.newCounterName')} defaultValue={values.name} error={error('name') ?? (!state.ok ? state.formError : undefined)} maxLength={60} required />
      <SubmitButton className="button button--secondary">{t('locations.addCounter')}</SubmitButton>
      {state.ok && (
        <p role="status" className={styles.inlineError}>
          {t('saved')}
        </p>
      )}
    </form>
  );
}

export function RenameCounterForm({ locale, counterId, name }: { locale: string; counterId: number; name: string }) {
  const t = useTranslations('Admin.locations');
  const { state, formProps } = useActionForm(renameCounterAction, initialActionState);
  const { values, error } = formErrors(state);
  return (
    <form {...formProps} noValidate className={styles.inline}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="counterId" value={counterId} />
      <Field
        id={`field-counter-${counterId}`}
        name="name"
        label={<span className="visually-hidden">{t('renameLabel', { name })}</span>}
        defaultValue={values.name ?? name}
        error={error('name') ?? (!state.ok ? state.formError : undefined)}
        maxLength={60}
        required
      />
      <SubmitButton className="button button--secondary button--small" aria-label={`${t('rename')}: ${name}`}>
        {t('rename')}
      </SubmitButton>
    </form>
  );
}
