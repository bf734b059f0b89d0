'use client';

import { useTranslations } from 'next-intl';
import { saveDocumentAction } from '@/app/[locale]/verwaltung/einstellungen/leistungen/actions';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';
import type { Localized } from '@/db/schema/types';
import styles from './admin.module.css';
import { TextAreaField } from './fields';
import { formErrors } from './form-errors';
import { FormStatus } from './form-status';
import { useActionForm } from '@/components/ui/use-action-form';

export type DocumentFormData = { id: number | 'new'; name: Localized; hint: Localized | null; formUrl: string | null };

/** One document to bring (or a form to fill in beforehand): its name and hint in both languages and the form's link. */
export function DocumentForm({ locale, document, title }: { locale: string; document: DocumentFormData; title: string }) {
  const t = useTranslations('Admin.documents');
  const { state, formProps } = useActionForm(saveDocumentAction, initialActionState);
  const { error, summary, failed, valueOr: value } = formErrors(state);
  const isNew = document.id === 'new';
  const prefix = `document-${document.id}`;
  const id = (field: string) => `field-${prefix}-${field}`;
  return (
    <details className={styles.service} open={failed || state.ok || undefined}>
      <summary>{title}</summary>
      <form {...formProps} noValidate className={`${styles.form} ${styles.serviceBody}`}>
        <FormStatus state={state} summary={summary} idPrefix={prefix} savedText={isNew ? t('created') : undefined} />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="documentId" value={document.id} />
        <div className={styles.row}>
          <Field id={id('nameDe')} name="nameDe" label={t('nameDe')} defaultValue={value('nameDe', document.name.de)} error={error('nameDe')} maxLength={160} required />
          <Field id={id('nameEn')} name="nameEn" label={t('nameEn')} defaultValue={value('nameEn', document.name.en)} error={error('nameEn')} maxLength={160} required />
        </div>
        <TextAreaField id={id('hintDe')} name="hintDe" label={t('hintDe')} hint={t('hintHint')} defaultValue={value('hintDe', document.hint?.de ?? '')} error={error('hintDe')} rows={2} maxLength={500} />
        <TextAreaField id={id('hintEn')} name="hintEn" label={t('hintEn')} defaultValue={value('hintEn', document.hint?.en ?? '')} error={error('hintEn')} rows={2} maxLength={500} />
        <Field id={id('formUrl')} name="formUrl" inputMode="url" spellCheck={false} label={t('formUrl')} hint={t('formUrlHint')} defaultValue={value('formUrl', document.formUrl ?? '')} error={error('formUrl')} maxLength={500} />
        <SubmitButton>{isNew ? t('create') : t('save')}</SubmitButton>
      </form>
    </details>
  );
}
