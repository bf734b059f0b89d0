'use client';

import { useTranslations } from 'next-intl';
import { signInAction } from '@/app/[locale]/verwaltung/actions';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';
import { useActionForm } from '@/components/ui/use-action-form';

export function SignInForm({ locale, notice }: { locale: string; notice?: string }) {
  const t = useTranslations('Staff');
  const { state, formProps } = useActionForm(signInAction, initialActionState);
  const values = state.ok ? {} : state.values;
  return (
    <form {...formProps} className="card sign-in" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <h1>{t('signInTitle')}</h1>
      <p>{t('signInIntro')}</p>
      {notice && !(!state.ok && state.formError) && <p className="alert alert--info">{notice}</p>}
      {!state.ok && state.formError && (
        <p className="alert alert--error" role="alert" id="sign-in-error">
          {state.formError}
        </p>
      )}
      <Field name="email" type="email" label={t('email')} autoComplete="username" defaultValue={values.email} required aria-describedby={!state.ok && state.formError ? 'sign-in-error' : undefined} />
      <Field name="password" type="password" label={t('password')} autoComplete="current-password" required />
      <SubmitButton>{t('signIn')}</SubmitButton>
    </form>
  );
}
