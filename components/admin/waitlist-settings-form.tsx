'use client';

import { useTranslations } from 'next-intl';
import { saveWaitlistSettingsAction } from '@/app/[locale]/verwaltung/einstellungen/standorte/actions';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import { initialActionState } from '@/lib/action-state';
import styles from './admin.module.css';
import { formErrors } from './form-errors';
import { FormStatus } from './form-status';

/** An office's waitlist settings, each explained in plain words. */
export function WaitlistSettingsForm({ locale, locationId, settings }: { locale: string; locationId: number; settings: { waitlistOfferHours: number; waitlistNewDayShare: number } }) {
  const t = useTranslations('Admin.waitlist');
  const { state, formProps } = useActionForm(saveWaitlistSettingsAction, initialActionState);
  const { error, summary, valueOr: value } = formErrors(state);
  return (
    <form {...formProps} noValidate className={styles.form}>
      <FormStatus state={state} summary={summary} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="locationId" value={locationId} />
      <Field name="waitlistOfferHours" type="number" inputMode="numeric" min={1} max={72} step={1} label={t('offerHours.label')} hint={t('offerHours.hint')} defaultValue={value('waitlistOfferHours', String(settings.waitlistOfferHours))} error={error('waitlistOfferHours')} required />
      <Field name="waitlistNewDayShare" type="number" inputMode="numeric" min={0} max={100} step={1} label={t('newDayShare.label')} hint={t('newDayShare.hint')} defaultValue={value('waitlistNewDayShare', String(settings.waitlistNewDayShare))} error={error('waitlistNewDayShare')} required />
      <SubmitButton>{t('save')}</SubmitButton>
    </form>
  );
}
