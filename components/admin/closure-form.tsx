'use client';

import { useTranslations } from 'next-intl';
import { addClosureAction } from '@/app/[locale]/verwaltung/einstellungen/schliesstage/actions';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialClosureState } from '@/lib/admin/form-state';
import styles from './admin.module.css';
import { AffectedBookings } from './affected-bookings';
import { SelectField, TextAreaField } from './fields';
import { useActionForm } from '@/components/ui/use-action-form';

/**
 * Add a closure. If booked appointments lie on its dates, the form gives way to the list of them and a
 * confirmation that carries the typed values and the ids of exactly the bookings shown.
 */
export function ClosureForm({ locale, locations, today }: { locale: string; locations: { id: number; name: string }[]; today: string }) {
  const t = useTranslations('Admin');
  const { state, formAction, formProps } = useActionForm(addClosureAction, initialClosureState);

  if (!state.ok && 'affected' in state && state.affected) {
    const count = state.affected.length;
    return <AffectedBookings locale={locale} values={state.values} affected={state.affected} changed={state.changed} intro={t('closures.affectedIntro')} confirmLabel={t('closures.confirm', { count })} formAction={formAction} />;
  }

  const values = state.ok ? {} : state.values;
  const errors = (!state.ok && state.fieldErrors) || {};
  const error = (field: string) => errors[field]?.[0];
  const summary = [
    ...(!state.ok && state.formError ? [{ message: state.formError }] : []),
    ...Object.entries(errors).map(([field, messages]) => ({ field, message: messages?.[0] ?? '' })),
  ];
  return (
    <form {...formProps} noValidate className={styles.form}>
      {state.ok && (
        <p className="alert alert--success" role="status">
          {t('closures.created', { cancelled: state.data?.cancelled ?? 0 })}
        </p>
      )}
      <ErrorSummary title={t('errorTitle')} errors={summary} />
      <input type="hidden" name="locale" value={locale} />
      <SelectField name="location" label={t('closures.location')} defaultValue={values.location ?? ''} error={error('location')} required>
        <option value="" disabled>
          {t('chooseLocation')}
        </option>
        <option value="all">{t('allLocations')}</option>
        {locations.map((l) => (
          <option key={l.id} value={String(l.id)}>
            {l.name}
          </option>
        ))}
      </SelectField>
      <div className={styles.row}>
        <Field name="startsOn" type="date" label={t('closures.startsOn')} defaultValue={values.startsOn} min={today} error={error('startsOn')} required />
        <Field name="endsOn" type="date" label={t('closures.endsOn')} hint={t('closures.endsOnHint')} defaultValue={values.endsOn} min={today} error={error('endsOn')} required />
      </div>
      <TextAreaField name="reasonDe" label={t('closures.reasonDe')} hint={t('closures.reasonHint')} defaultValue={values.reasonDe} error={error('reasonDe')} rows={2} maxLength={200} required />
      <TextAreaField name="reasonEn" label={t('closures.reasonEn')} defaultValue={values.reasonEn} error={error('reasonEn')} rows={2} maxLength={200} required />
      <SubmitButton>{t('closures.submit')}</SubmitButton>
    </form>
  );
}
