'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { updateServiceAction } from '@/app/[locale]/verwaltung/einstellungen/leistungen/actions';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';
import type { Localized } from '@/db/schema/types';
import styles from './admin.module.css';
import { TextAreaField } from './fields';
import { formErrors } from './form-errors';

export type ServiceFormData = {
  id: number;
  name: Localized;
  description: Localized;
  offers: { locationId: number; locationName: string; offered: boolean; minutesPerUnit: number; maxCount: number }[];
};

/** One service: texts in both languages and, per location, offered or not with minutes and maximum count. */
export function ServiceForm({ locale, service, title }: { locale: string; service: ServiceFormData; title: string }) {
  const t = useTranslations('Admin');
  const [state, formAction] = useActionState(updateServiceAction, initialActionState);
  const { values: typed, error, summary } = formErrors(state);
  const failed = !state.ok && Object.keys(typed).length > 0;
  // After an error the typed values; otherwise what is stored.
  const value = (field: string, stored: string) => (failed ? (typed[field] ?? '') : stored);
  // Short visible labels in the row; screen readers also hear which office each field is for.
  const at = (label: string, location: string) => (
    <>
      {label}
      <span className="visually-hidden"> {t('services.atLocation', { location })}</span>
    </>
  );
  const id = (field: string) => `field-service-${service.id}-${field}`;
  return (
    <details className={styles.service} open={failed || state.ok || undefined}>
      <summary>{title}</summary>
      <form action={formAction} noValidate className={`${styles.form} ${styles.serviceBody}`}>
        {state.ok && (
          <p className="alert alert--success" role="status">
            {t('saved')}
          </p>
        )}
        <ErrorSummary title={t('errorTitle')} errors={summary.map((s) => ({ ...s, field: s.field && `service-${service.id}-${s.field}` }))} />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="serviceId" value={service.id} />
        <div className={styles.row}>
          <Field id={id('nameDe')} name="nameDe" label={t('services.nameDe')} defaultValue={value('nameDe', service.name.de)} error={error('nameDe')} maxLength={120} required />
          <Field id={id('nameEn')} name="nameEn" label={t('services.nameEn')} defaultValue={value('nameEn', service.name.en)} error={error('nameEn')} maxLength={120} required />
        </div>
        <TextAreaField id={id('descriptionDe')} name="descriptionDe" label={t('services.descriptionDe')} defaultValue={value('descriptionDe', service.description.de)} error={error('descriptionDe')} rows={3} maxLength={2000} />
        <TextAreaField id={id('descriptionEn')} name="descriptionEn" label={t('services.descriptionEn')} defaultValue={value('descriptionEn', service.description.en)} error={error('descriptionEn')} rows={3} maxLength={2000} />
        <fieldset className={styles.offers}>
          <legend>{t('services.offersTitle')}</legend>
          {service.offers.map((offer) => {
            const offered = failed ? typed[`offered-${offer.locationId}`] === 'on' : offer.offered;
            return (
              <div key={offer.locationId} className={styles.offerRow}>
                <div className="field field--checkbox">
                  <input type="checkbox" id={id(`offered-${offer.locationId}`)} name={`offered-${offer.locationId}`} defaultChecked={offered} />
                  <label htmlFor={id(`offered-${offer.locationId}`)}>{t('services.offeredAt', { location: offer.locationName })}</label>
                </div>
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
            );
          })}
        </fieldset>
        <SubmitButton>{t('services.save')}</SubmitButton>
      </form>
    </details>
  );
}
