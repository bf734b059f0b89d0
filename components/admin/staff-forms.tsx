'use client';

import { useTranslations } from 'next-intl';
import { changeStaffRoleAction, createStaffAccountAction, resetStaffPasswordAction } from '@/app/[locale]/verwaltung/einstellungen/konten/actions';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';
import styles from './admin.module.css';
import { SelectField } from './fields';
import { formErrors } from './form-errors';
import { FormStatus } from './form-status';
import { useActionForm } from '@/components/ui/use-action-form';

/** A new staff account with an initial password; the password is never sent back into the page. */
export function CreateStaffForm({ locale, locations }: { locale: string; locations: { id: number; name: string }[] }) {
  const t = useTranslations('Admin');
  const roles = useTranslations('Staff.roles');
  const { state, formProps } = useActionForm(createStaffAccountAction, initialActionState);
  const { values, error, summary } = formErrors(state);
  return (
    <form {...formProps} noValidate className={styles.form}>
      {state.ok && (
        <p className="alert alert--success" role="status">
          {t('accounts.created')}
        </p>
      )}
      <ErrorSummary title={t('errorTitle')} errors={summary} />
      <input type="hidden" name="locale" value={locale} />
      <Field name="name" label={t('accounts.name')} defaultValue={values.name} error={error('name')} autoComplete="off" maxLength={100} required />
      <Field name="email" type="email" label={t('accounts.email')} defaultValue={values.email} error={error('email')} autoComplete="off" maxLength={254} required />
      <SelectField name="role" label={t('accounts.role')} defaultValue={values.role ?? 'clerk'} error={error('role')} required>
        <option value="clerk">{roles('clerk')}</option>
        <option value="admin">{roles('admin')}</option>
      </SelectField>
      <SelectField name="location" label={t('accounts.location')} hint={t('accounts.locationHint')} defaultValue={values.location ?? ''} error={error('location')}>
        <option value="">{t('accounts.noLocation')}</option>
        {locations.map((l) => (
          <option key={l.id} value={String(l.id)}>
            {l.name}
          </option>
        ))}
      </SelectField>
      <Field name="password" type="password" label={t('accounts.initialPassword')} hint={t('accounts.passwordHint')} error={error('password')} autoComplete="new-password" minLength={12} maxLength={200} required />
      <SubmitButton>{t('accounts.create')}</SubmitButton>
    </form>
  );
}

export function ResetPasswordForm({ locale, staffId, name }: { locale: string; staffId: number; name: string }) {
  const t = useTranslations('Admin');
  const { state, formProps } = useActionForm(resetStaffPasswordAction, initialActionState);
  const { error } = formErrors(state);
  return (
    <details>
      <summary>{t('accounts.resetTitle')}</summary>
      <form {...formProps} noValidate className={styles.inline}>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="staffId" value={staffId} />
        <Field
          id={`field-password-${staffId}`}
          name="password"
          type="password"
          label={t('accounts.newPassword', { name })}
          hint={t('accounts.resetHint')}
          error={error('password') ?? (!state.ok ? state.formError : undefined)}
          autoComplete="new-password"
          minLength={12}
          maxLength={200}
          required
        />
        <SubmitButton className="button button--secondary button--small">{t('accounts.resetSubmit')}</SubmitButton>
        {state.ok && (
          <p role="status" className={styles.inlineError}>
            {t('saved')}
          </p>
        )}
      </form>
    </details>
  );
}

/** Another account's role and, for clerks, their office; changed on the account's next request. */
export function ChangeRoleForm({ locale, staffId, name, role, locationId, locations }: { locale: string; staffId: number; name: string; role: 'admin' | 'clerk'; locationId: number | null; locations: { id: number; name: string }[] }) {
  const t = useTranslations('Admin');
  const roles = useTranslations('Staff.roles');
  const { state, formProps } = useActionForm(changeStaffRoleAction, initialActionState);
  const { error, summary, failed, valueOr: value } = formErrors(state);
  const prefix = `staff-${staffId}`;
  return (
    <details open={failed || state.ok || undefined}>
      <summary>{t('accounts.roleTitle')}</summary>
      <form {...formProps} noValidate className={styles.form}>
        <FormStatus state={state} summary={summary} idPrefix={prefix} />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="staffId" value={staffId} />
        <SelectField id={`field-${prefix}-role`} name="role" label={t('accounts.roleOf', { name })} defaultValue={value('role', role)} error={error('role')} required>
          <option value="clerk">{roles('clerk')}</option>
          <option value="admin">{roles('admin')}</option>
        </SelectField>
        <SelectField id={`field-${prefix}-location`} name="location" label={t('accounts.locationOf', { name })} hint={t('accounts.locationHint')} defaultValue={value('location', locationId === null ? '' : String(locationId))} error={error('location')}>
          <option value="">{t('accounts.noLocation')}</option>
          {locations.map((l) => (
            <option key={l.id} value={String(l.id)}>
              {l.name}
            </option>
          ))}
        </SelectField>
        <SubmitButton className="button button--secondary button--small">{t('accounts.roleSubmit')}</SubmitButton>
      </form>
    </details>
  );
}
