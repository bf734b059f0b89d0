'use client';

import { useTranslations } from 'next-intl';
import { offerWishTimeAction } from '@/app/[locale]/verwaltung/wuensche/actions';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { ActionState } from '@/lib/action-state';

const initialState: ActionState<{ message: string }> = { ok: false, values: {} };

/** Start time and a button: offers that time to this wish (the office's wall clock). */
export function OfferByHandForm({ locale, locationId, wishId, code, defaultStart }: { locale: string; locationId: number; wishId: number; code: string; defaultStart: string }) {
  const t = useTranslations('WaitlistStaff');
  const { state, formProps } = useActionForm(offerWishTimeAction, initialState);
  const id = `offer-start-${wishId}`;
  const problem = !state.ok ? (state.formError ?? state.fieldErrors?.start?.[0]) : undefined;
  return (
    <form {...formProps} className="inline-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="location" value={locationId} />
      <input type="hidden" name="wish" value={wishId} />
      <input type="hidden" name="code" value={code} />
      <label htmlFor={id}>{t('start')}</label>{' '}
      <input id={id} type="datetime-local" name="start" step={300} defaultValue={(!state.ok && state.values.start) || defaultStart} aria-describedby={problem ? `${id}-error` : undefined} />{' '}
      <SubmitButton className="button button--secondary button--small">{t('offerSubmit')}</SubmitButton>
      {state.ok && state.data && (
        <span role="status" className="muted">
          {' '}
          {state.data.message}
        </span>
      )}
      {problem && (
        <span id={`${id}-error`} role="alert" className="field__error">
          {' '}
          {problem}
        </span>
      )}
    </form>
  );
}
