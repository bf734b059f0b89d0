'use client';

import { useTranslations } from 'next-intl';
import { ErrorSummary } from '@/components/ui/error-summary';
import type { ActionState } from '@/lib/action-state';

/**
 * The top of a settings form: "saved", or the errors linked to their fields. Forms repeated on one page
 * give their fields ids `field-<idPrefix>-<name>`, so the summary's links need the prefix too.
 */
export function FormStatus({ state, summary, idPrefix, savedText }: { state: ActionState<unknown>; summary: { field?: string; message: string }[]; idPrefix?: string; savedText?: string }) {
  const t = useTranslations('Admin');
  const errors = idPrefix ? summary.map((s) => ({ ...s, field: s.field && `${idPrefix}-${s.field}` })) : summary;
  return (
    <>
      {state.ok && (
        <p className="alert alert--success" role="status">
          {savedText ?? t('saved')}
        </p>
      )}
      <ErrorSummary title={t('errorTitle')} errors={errors} />
    </>
  );
}
