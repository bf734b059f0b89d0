'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { saveContactAction } from '@/app/[locale]/termin/actions';
import { ErrorSummary } from '@/components/ui/error-summary';
import { ConsentField, Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';
import { useActionForm } from '@/components/ui/use-action-form';
import { useFormDraft } from '@/components/ui/use-form-draft';

const DRAFT_FIELDS = ['name', 'email', 'phone', 'consent'] as const;

/** Step 3: name, email, optional phone and consent; errors beside each field, typed values kept. */
export function ContactForm({ locale, code, initial, privacyHref }: { locale: string; code: string; initial: { name: string; email: string; phone: string }; privacyHref: string }) {
  const t = useTranslations('Booking.details');
  const { state, formProps } = useActionForm(saveContactAction, initialActionState);
  const values = !state.ok && Object.keys(state.values).length > 0 ? state.values : initial;
  const errors = (!state.ok && state.fieldErrors) || {};
  const error = (field: string) => errors[field]?.[0];
  const summary = Object.entries(errors).map(([field, messages]) => ({ field, message: messages?.[0] ?? '' }));
  const form = useRef<HTMLFormElement>(null);
  useFormDraft(form, 'booking-contact', DRAFT_FIELDS);

  return (
    <form ref={form} {...formProps} noValidate className="contact-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="reservation" value={code} />
      <ErrorSummary title={t('errorTitle')} errors={summary} />
      <Field name="name" label={t('name')} autoComplete="name" defaultValue={values.name} error={error('name')} required maxLength={100} />
      <Field name="email" type="email" label={t('email')} hint={t('emailHint')} autoComplete="email" defaultValue={values.email} error={error('email')} required maxLength={254} />
      <Field name="phone" type="tel" label={t('phone')} hint={t('phoneHint')} autoComplete="tel" defaultValue={values.phone} error={error('phone')} maxLength={30} />
      <ConsentField label={t('consent')} linkText={t('privacyLink')} privacyHref={privacyHref} defaultChecked={values === initial ? initial.email !== '' : (values as Record<string, string>).consent === 'on'} error={error('consent')} />
      <p className="actions">
        <SubmitButton>{t('submit')}</SubmitButton>
      </p>
    </form>
  );
}
