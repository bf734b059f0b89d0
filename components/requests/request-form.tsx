'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { submitRequestAction } from '@/app/[locale]/termin/anfrage/actions';
import { ServiceCounts, initialCounts, type CountableService } from '@/components/service-counts';
import { ErrorSummary } from '@/components/ui/error-summary';
import { ConsentField, Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';
import type { OpenPart } from '@/lib/requests/preferences';
import styles from './requests.module.css';
import { useActionForm } from '@/components/ui/use-action-form';

export type RequestFormService = CountableService;

const DAYS = [1, 2, 3] as const;
const PARTS = ['any', 'morning', 'afternoon'] as const;

/**
 * The request to a branch office on one page: services with counts, up to three preferred days with a part
 * of day, contact, note and consent. A plain form posting to a server action: works without JavaScript;
 * errors appear beside each field (and in a summary that takes focus) and the typed values stay.
 */
export function RequestForm({ locale, location, services, days, firstDate, lastDate, privacyHref }: {
  locale: string;
  location: string;
  services: RequestFormService[];
  /** The days the office opens in the horizon, with the parts of day it is open: all the date choice offers. */
  days: { date: string; parts: OpenPart[] }[];
  firstDate: string;
  lastDate: string;
  privacyHref: string;
}) {
  const t = useTranslations('Request.form');
  const format = useFormatter();
  const calendarDate = (date: string) => format.dateTime(new Date(`${date}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  const { state, formProps } = useActionForm(submitRequestAction, initialActionState);
  const values = state.ok ? {} : state.values;
  const [counts, setCounts] = useState(() => initialCounts(services, values));
  const [chosenDays, setChosenDays] = useState<Record<number, string>>(() => Object.fromEntries(DAYS.map((n) => [n, values[`day${n}`] ?? ''])));
  const partsOnSomeDay = [...new Set(days.flatMap((d) => d.parts))];
  const fieldErrors = (!state.ok && state.fieldErrors) || {};
  const error = (field: string) => fieldErrors[field]?.[0];
  const summary = [
    ...(!state.ok && state.formError ? [{ message: state.formError }] : []),
    ...Object.entries(fieldErrors).map(([field, messages]) => ({ field, message: messages?.[0] ?? '' })),
  ];
  const describedBy = (id: string, hint?: boolean) => [hint && `${id}-hint`, error(id.replace(/^field-/, '')) && `${id}-error`].filter(Boolean).join(' ') || undefined;

  return (
    <form {...formProps} noValidate>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="location" value={location} />
      <ErrorSummary title={t('errorTitle')} errors={summary} />

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

      <fieldset className={styles.group}>
        <legend>{t('preferences')}</legend>
        <p className="field__hint">{t('preferencesHint', { from: calendarDate(firstDate), to: calendarDate(lastDate) })}</p>
        {DAYS.map((n) => {
          const partError = error(`part${n}`);
          const dayError = error(`day${n}`);
          const dayId = `field-day${n}`;
          // With JavaScript the part of day follows the chosen day; without, every part open on some day is offered.
          const parts = days.find((d) => d.date === chosenDays[n])?.parts ?? partsOnSomeDay;
          return (
            <div key={n} className={styles.day}>
              <div className={`field${dayError ? ' field--error' : ''}`}>
                <label htmlFor={dayId}>{n === 1 ? t('day', { n }) : t('dayOptional', { n })}</label>
                <select
                  id={dayId}
                  name={`day${n}`}
                  defaultValue={values[`day${n}`] ?? ''}
                  onChange={(e) => setChosenDays({ ...chosenDays, [n]: e.target.value })}
                  aria-invalid={dayError ? true : undefined}
                  aria-describedby={dayError ? `${dayId}-error` : undefined}
                  required={n === 1}
                >
                  <option value="">{n === 1 ? t('chooseFirstDay') : t('chooseDay')}</option>
                  {days.map((d) => (
                    <option key={d.date} value={d.date}>
                      {t('dayOption', { date: calendarDate(d.date), parts: d.parts.map((p) => t(`partsShort.${p}`)).join(', ') })}
                    </option>
                  ))}
                </select>
                {dayError && (
                  <span id={`${dayId}-error`} className="field__error">
                    {dayError}
                  </span>
                )}
              </div>
              <div className={`field${partError ? ' field--error' : ''}`}>
                <label htmlFor={`field-part${n}`}>{t('partOfDay', { n })}</label>
                <select id={`field-part${n}`} name={`part${n}`} defaultValue={values[`part${n}`] ?? 'any'} aria-invalid={partError ? true : undefined} aria-describedby={partError ? `field-part${n}-error` : undefined}>
                  {PARTS.filter((part) => part === 'any' || parts.includes(part) || values[`part${n}`] === part).map((part) => (
                    <option key={part} value={part}>
                      {t(`parts.${part}`)}
                    </option>
                  ))}
                </select>
                {partError && (
                  <span id={`field-part${n}-error`} className="field__error">
                    {partError}
                  </span>
                )}
              </div>
            </div>
          );
        })}
      </fieldset>

      <fieldset className={styles.group}>
        <legend>{t('contact')}</legend>
        <Field name="name" label={t('name')} autoComplete="name" defaultValue={values.name} error={error('name')} required maxLength={100} />
        <Field name="email" type="email" label={t('email')} hint={t('emailHint')} autoComplete="email" defaultValue={values.email} error={error('email')} required maxLength={254} />
        <Field name="phone" type="tel" label={t('phone')} hint={t('phoneHint')} autoComplete="tel" defaultValue={values.phone} error={error('phone')} maxLength={30} />
        <div className={`field${error('note') ? ' field--error' : ''}`}>
          <label htmlFor="field-note">{t('note')}</label>
          <span id="field-note-hint" className="field__hint">
            {t('noteHint')}
          </span>
          <textarea id="field-note" name="note" rows={3} maxLength={500} className={styles.note} defaultValue={values.note} aria-invalid={error('note') ? true : undefined} aria-describedby={describedBy('field-note', true)} />
          {error('note') && (
            <span id="field-note-error" className="field__error">
              {error('note')}
            </span>
          )}
        </div>
        <ConsentField label={t('consent')} linkText={t('privacyLink')} privacyHref={privacyHref} defaultChecked={values.consent === 'on'} error={error('consent')} />
      </fieldset>
      <p className="actions">
        <SubmitButton pendingText={t('pending')}>{t('submit')}</SubmitButton>
      </p>
    </form>
  );
}
