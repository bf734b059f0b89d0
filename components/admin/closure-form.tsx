'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { addClosureAction } from '@/app/[locale]/verwaltung/einstellungen/schliesstage/actions';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialClosureState, type AffectedBookingView } from '@/lib/admin/form-state';
import { clockFormat, pick } from '@/lib/format';
import styles from './admin.module.css';
import { HiddenValues, SelectField, TextAreaField } from './fields';

/**
 * Add a closure. If booked appointments lie on its dates, the form gives way to the list of them and a
 * confirmation that carries the typed values and the ids of exactly the bookings shown.
 */
export function ClosureForm({ locale, locations, today }: { locale: string; locations: { id: number; name: string }[]; today: string }) {
  const t = useTranslations('Admin');
  const [state, formAction] = useActionState(addClosureAction, initialClosureState);

  if (!state.ok && 'affected' in state && state.affected) {
    return <ConfirmClosure locale={locale} values={state.values} affected={state.affected} changed={state.changed} formAction={formAction} />;
  }

  const values = state.ok ? {} : state.values;
  const errors = (!state.ok && state.fieldErrors) || {};
  const error = (field: string) => errors[field]?.[0];
  const summary = [
    ...(!state.ok && state.formError ? [{ message: state.formError }] : []),
    ...Object.entries(errors).map(([field, messages]) => ({ field, message: messages?.[0] ?? '' })),
  ];
  return (
    <form action={formAction} noValidate className={styles.form}>
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

function ConfirmClosure({ locale, values, affected, changed, formAction }: { locale: string; values: Record<string, string>; affected: AffectedBookingView[]; changed: boolean; formAction: (formData: FormData) => void }) {
  const t = useTranslations('Admin.closures');
  const format = useFormatter();
  const ref = useRef<HTMLElement>(null);
  // The confirmation replaces the form: move focus to it so keyboard and screen-reader users notice.
  useEffect(() => ref.current?.focus(), []);
  const time = (b: AffectedBookingView) =>
    `${format.dateTime(new Date(b.start), { weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric', timeZone: b.timeZone })}, ${format.dateTime(new Date(b.start), { ...clockFormat, timeZone: b.timeZone })}–${format.dateTime(new Date(b.end), { ...clockFormat, timeZone: b.timeZone })}`;
  return (
    <section ref={ref} tabIndex={-1} className={styles.confirm} aria-labelledby="affected-title">
      <h3 id="affected-title">{t('affectedTitle', { count: affected.length })}</h3>
      {changed && (
        <p className="alert alert--info" role="alert">
          {t('affectedChanged')}
        </p>
      )}
      <p>{t('affectedIntro')}</p>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <caption className="visually-hidden">{t('affectedCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('time')}</th>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('code')}</th>
              <th scope="col">{t('location')}</th>
            </tr>
          </thead>
          <tbody>
            {affected.map((b) => (
              <tr key={b.id}>
                <td>{time(b)}</td>
                <td>{b.name ?? '—'}</td>
                <td className="mono">{b.code}</td>
                <td>{pick(b.location, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form action={formAction} className="actions">
        <HiddenValues values={{ ...values, locale }} />
        <input type="hidden" name="confirm" value={affected.map((b) => b.id).join(',')} />
        <SubmitButton className="button button--danger">{t('confirm', { count: affected.length })}</SubmitButton>
        <button type="submit" name="intent" value="back" className="button button--secondary">
          {t('back')}
        </button>
      </form>
    </section>
  );
}
