'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { chooseServicesAction } from '@/app/[locale]/termin/actions';
import { ErrorSummary } from '@/components/ui/error-summary';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';

export type PickerService = {
  slug: string;
  name: string;
  description: string;
  minutesPerUnit: number;
  maxCount: number;
  documents: { id: number; name: string; formUrl: string | null }[];
};

/** Step 1: one count per service; the total time and the combined list of documents follow the choice live. */
export function ServicePicker({ locationSlug, locale, services, initialCounts }: { locationSlug: string; locale: string; services: PickerService[]; initialCounts: Record<string, number> }) {
  const t = useTranslations('Booking.services');
  const tErrors = useTranslations('Booking.details');
  const [state, formAction] = useActionState(chooseServicesAction, initialActionState);
  const values = state.ok ? {} : state.values;
  const [counts, setCounts] = useState<Record<string, number>>(() =>
    Object.fromEntries(services.map((s) => [s.slug, Number(values[`count_${s.slug}`] ?? initialCounts[s.slug] ?? 0) || 0])),
  );
  const fieldErrors = (!state.ok && state.fieldErrors) || {};
  const chosen = services.filter((s) => (counts[s.slug] ?? 0) > 0);
  const total = chosen.reduce((sum, s) => sum + s.minutesPerUnit * (counts[s.slug] ?? 0), 0);
  const documents = [...new Map(chosen.flatMap((s) => s.documents).map((d) => [d.id, d])).values()];
  const errors = [
    ...(!state.ok && state.formError ? [{ message: state.formError }] : []),
    ...Object.entries(fieldErrors).map(([field, messages]) => ({ field, message: messages?.[0] ?? '' })),
  ];

  return (
    <form action={formAction} noValidate>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="location" value={locationSlug} />
      <ErrorSummary title={tErrors('errorTitle')} errors={errors} />
      <ul className="service-picker">
        {services.map((service) => {
          const error = fieldErrors[`count_${service.slug}`]?.[0];
          const id = `field-count_${service.slug}`;
          return (
            <li key={service.slug} className={`service-picker__item${(counts[service.slug] ?? 0) > 0 ? ' service-picker__item--chosen' : ''}`}>
              <div className="service-picker__text">
                <label htmlFor={id} className="service-picker__name">
                  {service.name}
                </label>
                <p className="muted" id={`${id}-hint`}>
                  {service.description} {t('perUnit', { minutes: service.minutesPerUnit })}
                </p>
                {error && (
                  <span className="field__error" id={`${id}-error`}>
                    {error}
                  </span>
                )}
              </div>
              <select
                id={id}
                name={`count_${service.slug}`}
                aria-label={t('count', { service: service.name })}
                aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
                aria-invalid={error ? true : undefined}
                value={counts[service.slug] ?? 0}
                onChange={(e) => setCounts({ ...counts, [service.slug]: Number(e.target.value) })}
              >
                <option value="0">{t('none')}</option>
                {Array.from({ length: service.maxCount }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
      <div className="picker-summary" aria-live="polite">
        <p className="picker-summary__total">{total > 0 ? t('total', { minutes: total }) : t('totalNone')}</p>
        {documents.length > 0 && (
          <>
            <h2 className="h4">{t('bring')}</h2>
            <ul className="document-list">
              {documents.map((d) => (
                <li key={d.id}>
                  {d.name}
                  {d.formUrl && (
                    <>
                      {' – '}
                      <a href={d.formUrl}>PDF</a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <p className="actions">
        <SubmitButton pendingText={t('pending')}>{t('submit')}</SubmitButton>
      </p>
    </form>
  );
}
