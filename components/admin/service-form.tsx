'use client';

import { useTranslations } from 'next-intl';
import { updateServiceAction } from '@/app/[locale]/verwaltung/einstellungen/leistungen/actions';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';
import type { Localized } from '@/db/schema/types';
import styles from './admin.module.css';
import { CheckboxField, TextAreaField } from './fields';
import { formErrors } from './form-errors';
import { FormStatus } from './form-status';
import { useActionForm } from '@/components/ui/use-action-form';

export type ServiceFormData = {
  /** `new`: the form creates a service. */
  id: number | 'new';
  name: Localized;
  description: Localized;
  fee: Localized | null;
  active: boolean;
  /** The documents to bring, in the order citizens see them. */
  documentIds: number[];
  offers: { locationId: number; locationName: string; offered: boolean; minutesPerUnit: number; maxCount: number }[];
};

/**
 * One service: texts in both languages, whether it can be booked, the documents to bring and, per
 * location, offered or not with minutes and maximum count.
 */
export function ServiceForm({ locale, service, documents, title }: { locale: string; service: ServiceFormData; documents: { id: number; name: string }[]; title: string }) {
  const t = useTranslations('Admin');
  const { state, formProps } = useActionForm(updateServiceAction, initialActionState);
  const { error, summary, failed, valueOr: value, checkedOr: checked } = formErrors(state);
  const isNew = service.id === 'new';
  // Short visible labels in the row; screen readers also hear which office each field is for.
  const at = (label: string, location: string) => (
    <>
      {label}
      <span className="visually-hidden"> {t('services.atLocation', { location })}</span>
    </>
  );
  const prefix = `service-${service.id}`;
  const id = (field: string) => `field-${prefix}-${field}`;
  // Linked documents first, in their order; ticking another appends it (the action keeps this order).
  const linked = service.documentIds.flatMap((docId) => documents.filter((d) => d.id === docId));
  const ordered = [...linked, ...documents.filter((d) => !service.documentIds.includes(d.id))];
  return (
    <details className={styles.service} open={failed || state.ok || undefined}>
      <summary>{title}</summary>
      <form {...formProps} noValidate className={`${styles.form} ${styles.serviceBody}`}>
        <FormStatus state={state} summary={summary} idPrefix={prefix} savedText={isNew ? t('services.created') : undefined} />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="serviceId" value={service.id} />
        <div className={styles.row}>
          <Field id={id('nameDe')} name="nameDe" label={t('services.nameDe')} defaultValue={value('nameDe', service.name.de)} error={error('nameDe')} maxLength={120} required />
          <Field id={id('nameEn')} name="nameEn" label={t('services.nameEn')} defaultValue={value('nameEn', service.name.en)} error={error('nameEn')} maxLength={120} required />
        </div>
        <TextAreaField id={id('descriptionDe')} name="descriptionDe" label={t('services.descriptionDe')} defaultValue={value('descriptionDe', service.description.de)} error={error('descriptionDe')} rows={3} maxLength={2000} />
        <TextAreaField id={id('descriptionEn')} name="descriptionEn" label={t('services.descriptionEn')} defaultValue={value('descriptionEn', service.description.en)} error={error('descriptionEn')} rows={3} maxLength={2000} />
        <div className={styles.row}>
          <Field id={id('feeDe')} name="feeDe" label={t('services.feeDe')} hint={t('services.feeHint')} defaultValue={value('feeDe', service.fee?.de ?? '')} error={error('feeDe')} maxLength={200} />
          <Field id={id('feeEn')} name="feeEn" label={t('services.feeEn')} defaultValue={value('feeEn', service.fee?.en ?? '')} error={error('feeEn')} maxLength={200} />
        </div>
        <CheckboxField id={id('active')} name="active" label={t('services.active')} hint={t('services.activeHint')} defaultChecked={checked('active', service.active)} />
        <fieldset className={styles.checkList} aria-describedby={documents.length > 0 ? id('documents-hint') : undefined}>
          <legend>{t('services.documentsTitle')}</legend>
          {documents.length === 0 ? (
            <p>{t('services.noDocuments')}</p>
          ) : (
            <p id={id('documents-hint')} className="field__hint">
              {t('services.documentsHint')}
            </p>
          )}
          {ordered.map((doc) => (
            <CheckboxField key={doc.id} id={id(`document-${doc.id}`)} name={`document-${doc.id}`} label={doc.name} defaultChecked={checked(`document-${doc.id}`, service.documentIds.includes(doc.id))} />
          ))}
        </fieldset>
        <fieldset className={styles.offers}>
          <legend>{t('services.offersTitle')}</legend>
          {service.offers.map((offer) => (
            <div key={offer.locationId} className={styles.offerRow}>
              <CheckboxField
                id={id(`offered-${offer.locationId}`)}
                name={`offered-${offer.locationId}`}
                label={t('services.offeredAt', { location: offer.locationName })}
                defaultChecked={checked(`offered-${offer.locationId}`, offer.offered)}
              />
              <Field
                id={id(`minutes-${offer.locationId}`)}
                name={`minutes-${offer.locationId}`}
                type="number"
                inputMode="numeric"
                min={1}
                max={480}
                label={at(t('services.minutes'), offer.locationName)}
                defaultValue={value(`minutes-${offer.locationId}`, String(offer.minutesPerUnit || ''))}
                error={error(`minutes-${offer.locationId}`)}
              />
              <Field
                id={id(`maxCount-${offer.locationId}`)}
                name={`maxCount-${offer.locationId}`}
                type="number"
                inputMode="numeric"
                min={1}
                max={20}
                label={at(t('services.maxCount'), offer.locationName)}
                defaultValue={value(`maxCount-${offer.locationId}`, String(offer.maxCount || ''))}
                error={error(`maxCount-${offer.locationId}`)}
              />
            </div>
          ))}
        </fieldset>
        <SubmitButton>{isNew ? t('services.create') : t('services.save')}</SubmitButton>
      </form>
    </details>
  );
}
