'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { registerWishAction } from '@/app/[locale]/termin/wunsch/actions';
import { ServiceCounts, initialCounts, type CountableService } from '@/components/service-counts';
import { ErrorSummary } from '@/components/ui/error-summary';
import { ConsentField, Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import { initialActionState } from '@/lib/action-state';
import styles from '@/components/requests/requests.module.css';
import { WishWindowFields } from './wish-window-fields';

/**
 * The wish on one page: offices, services with counts, period, weekdays and parts of day, contact, mail
 * language and consent. A plain form posting to a server action: works without JavaScript; errors appear
 * beside each field (and in a summary that takes focus) and the typed values stay.
 */
export function WishForm({ locale, offices, services, weekdays, first, last, privacyHref }: {
  locale: string;
  offices: { slug: string; name: string; address: string }[];
  services: CountableService[];
  /** ISO weekdays any office opens, offered as choices. */
  weekdays: { day: number; name: string }[];
  first: string;
  last: string;
  privacyHref: string;
}) {
  const t = useTranslations('Waitlist.form');
  const { state, formProps } = useActionForm(registerWishAction, initialActionState);
  const values = state.ok ? {} : state.values;
  const submitted = values.submitted === '1';
  const [counts, setCounts] = useState(() => initialCounts(services, values));
  const fieldErrors = (!state.ok && state.fieldErrors) || {};
  const error = (field: string) => fieldErrors[field]?.[0];
  const summary = [
    ...(!state.ok && state.formError ? [{ message: state.formError }] : []),
    ...Object.entries(fieldErrors).map(([field, messages]) => ({ field, message: messages?.[0] ?? '' })),
  ];
  const officeChecked = (slug: string) => (submitted ? values[`office_${slug}`] === 'on' : offices.length === 1);

  return (
    <form {...formProps} noValidate>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="submitted" value="1" />
      <ErrorSummary title={t('errorTitle')} errors={summary} />

      <fieldset className={`${styles.group}${error('offices') ? ' field--error' : ''}`} id="field-offices" aria-describedby={['field-offices-hint', error('offices') && 'field-offices-error'].filter(Boolean).join(' ')}>
        <legend>{t('offices')}</legend>
        <p className="field__hint" id="field-offices-hint">
          {t('officesHint')}
        </p>
        {error('offices') && (
          <span id="field-offices-error" className="field__error">
            {error('offices')}
          </span>
        )}
        {offices.map((office) => (
          <div key={office.slug} className="field field--checkbox">
            <input type="checkbox" id={`field-office_${office.slug}`} name={`office_${office.slug}`} defaultChecked={officeChecked(office.slug)} />
            <label htmlFor={`field-office_${office.slug}`}>
              {office.name} <span className="muted">({office.address})</span>
            </label>
          </div>
        ))}
      </fieldset>

      <fieldset className={`${styles.group}${error('services') ? ' field--error' : ''}`} id="field-services" aria-describedby={error('services') ? 'field-services-error' : undefined}>
        <legend>{t('services')}</legend>
        <p className="field__hint">{t('servicesHint')}</p>
        {error('services') && (
          <span id="field-services-error" className="field__error">
            {error('services')}
          </span>
        )}
        <ServiceCounts services={services} counts={counts} onChange={setCounts} errorOf={error} />
      </fieldset>

      <WishWindowFields values={values} submitted={submitted} error={error} weekdays={weekdays} first={first} last={last} />

      <fieldset className={styles.group}>
        <legend>{t('contact')}</legend>
        <Field name="name" label={t('name')} autoComplete="name" defaultValue={values.name} error={error('name')} required maxLength={100} />
        <Field name="email" type="email" label={t('email')} hint={t('emailHint')} autoComplete="email" defaultValue={values.email} error={error('email')} required maxLength={254} />
        <div className="field">
          <label htmlFor="field-mailLocale">{t('language')}</label>
          <select id="field-mailLocale" name="mailLocale" defaultValue={values.mailLocale ?? locale}>
            <option value="de">{t('languageDe')}</option>
            <option value="en">{t('languageEn')}</option>
          </select>
        </div>
        <ConsentField label={t('consent')} linkText={t('privacyLink')} privacyHref={privacyHref} defaultChecked={values.consent === 'on'} error={error('consent')} />
      </fieldset>
      <p className="actions">
        <SubmitButton pendingText={t('pending')}>{t('submit')}</SubmitButton>
      </p>
    </form>
  );
}
