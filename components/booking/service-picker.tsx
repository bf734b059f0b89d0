'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { chooseServicesAction } from '@/app/[locale]/termin/actions';
import { ErrorSummary } from '@/components/ui/error-summary';
import { SubmitButton } from '@/components/ui/submit-button';
import { ServiceCounts, initialCounts, type CountableService } from '@/components/service-counts';
import { initialActionState } from '@/lib/action-state';
import { useActionForm } from '@/components/ui/use-action-form';

export type PickerService = CountableService & {
  documents: { id: number; name: string; formUrl: string | null }[];
};

/** Step 1: one count per service; the total time and the combined list of documents follow the choice live. */
export function ServicePicker({ locationSlug, locale, services, initialCounts: given }: { locationSlug: string; locale: string; services: PickerService[]; initialCounts: Record<string, number> }) {
  const t = useTranslations('Booking.services');
  const tErrors = useTranslations('Booking.details');
  const { state, formProps } = useActionForm(chooseServicesAction, initialActionState);
  const values = state.ok ? {} : state.values;
  const [counts, setCounts] = useState(() => initialCounts(services, values, given));
  const fieldErrors = (!state.ok && state.fieldErrors) || {};
  const chosen = services.filter((s) => (counts[s.slug] ?? 0) > 0);
  const total = chosen.reduce((sum, s) => sum + s.minutesPerUnit * (counts[s.slug] ?? 0), 0);
  const documents = [...new Map(chosen.flatMap((s) => s.documents).map((d) => [d.id, d])).values()];
  const errors = [
    ...(!state.ok && state.formError ? [{ message: state.formError }] : []),
    ...Object.entries(fieldErrors).map(([field, messages]) => ({ field, message: messages?.[0] ?? '' })),
  ];

  return (
    <form {...formProps} noValidate>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="location" value={locationSlug} />
      <ErrorSummary title={tErrors('errorTitle')} errors={errors} />
      <ServiceCounts services={services} counts={counts} onChange={setCounts} errorOf={(field) => fieldErrors[field]?.[0]} />
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
