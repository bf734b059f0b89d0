'use client';

import { useTranslations } from 'next-intl';
import { type ReactNode } from 'react';
import { setWindowCountersAction } from '@/app/[locale]/verwaltung/einstellungen/standorte/actions';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialCapacityState, type CapacityFormState } from '@/lib/admin/form-state';
import { ButtonWithError, firstError } from './action-button';
import { AffectedBookings } from './affected-bookings';
import styles from './admin.module.css';
import { HiddenValues } from './fields';
import { useActionForm } from '@/components/ui/use-action-form';

type CapacityAction = (state: CapacityFormState, formData: FormData) => Promise<CapacityFormState>;

/**
 * A change of opening hours or counters in its own small form. If the change would strand bookings,
 * the form gives way to the list of them and a confirmation; after it, what moved and what was cancelled.
 */
function CapacityForm({ action, locale, children }: { action: CapacityAction; locale: string; children: (state: CapacityFormState) => ReactNode }) {
  const t = useTranslations('Admin.capacity');
  const { state, formAction, formProps } = useActionForm(action, initialCapacityState);
  if (!state.ok && 'affected' in state && state.affected) {
    const count = state.affected.length;
    return <AffectedBookings locale={locale} values={state.values} affected={state.affected} changed={state.changed} intro={t('intro')} confirmLabel={t('confirm', { count })} formAction={formAction} />;
  }
  const moved = state.ok ? (state.data?.moved ?? 0) : 0;
  const cancelled = state.ok ? (state.data?.cancelled ?? 0) : 0;
  return (
    <form {...formProps} noValidate className={styles.inline}>
      <input type="hidden" name="locale" value={locale} />
      {children(state)}
      {/* Always present, so screen readers announce the text when it appears. */}
      <p role="status" className={styles.inlineStatus}>
        {state.ok ? [t('done'), moved > 0 && t('moved', { count: moved }), cancelled > 0 && t('cancelled', { count: cancelled })].filter(Boolean).join(' ') : ''}
      </p>
    </form>
  );
}

/** A button (remove a window, deactivate a counter) whose change may strand bookings. */
export function CapacityButton({ action, locale, fields, label, accessibleName, danger = false }: { action: CapacityAction; locale: string; fields: Record<string, string>; label: string; accessibleName?: string; danger?: boolean }) {
  return (
    <CapacityForm action={action} locale={locale}>
      {(state) => (
        <>
          <HiddenValues values={fields} />
          <ButtonWithError label={label} accessibleName={accessibleName} danger={danger} error={firstError(state)} />
        </>
      )}
    </CapacityForm>
  );
}

/** How many counters one weekly window opens, changed in place. */
export function WindowCountersForm({ locale, windowId, countersOpen, max, label, buttonLabel }: { locale: string; windowId: number; countersOpen: number; max: number; label: string; buttonLabel: string }) {
  const t = useTranslations('Admin.capacity');
  return (
    <CapacityForm action={setWindowCountersAction} locale={locale}>
      {(state) => (
        <>
          <input type="hidden" name="windowId" value={windowId} />
          <Field
            id={`field-window-${windowId}-counters`}
            name="countersOpen"
            type="number"
            inputMode="numeric"
            min={1}
            max={Math.max(max, 1)}
            label={<span className="visually-hidden">{label}</span>}
            defaultValue={(!state.ok && state.values.countersOpen) || String(countersOpen)}
            error={firstError(state)}
            required
          />
          <SubmitButton className="button button--secondary button--small" aria-label={buttonLabel}>
            {t('setCounters')}
          </SubmitButton>
        </>
      )}
    </CapacityForm>
  );
}
