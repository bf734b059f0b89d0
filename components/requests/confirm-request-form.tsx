'use client';

import { useTranslations } from 'next-intl';
import { confirmRequestAction } from '@/app/[locale]/verwaltung/anfragen/actions';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';
import styles from './requests.module.css';
import { useActionForm } from '@/components/ui/use-action-form';

export type TimeGroup = { key: string; label: string; empty: string; times: { value: string; label: string }[] };

/** The free times that fit a request, grouped by day; picking one and confirming books it. */
export function ConfirmRequestForm({ locale, location, requestId, groups }: { locale: string; location: string; requestId: number; groups: TimeGroup[] }) {
  const t = useTranslations('RequestStaff');
  const { state, formProps } = useActionForm(confirmRequestAction, initialActionState);
  const values = state.ok ? {} : state.values;
  const startError = (!state.ok && state.fieldErrors?.start?.[0]) || undefined;
  const errorId = `request-${requestId}-start-error`;
  const anyTimes = groups.some((g) => g.times.length > 0);
  return (
    <form {...formProps} noValidate>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="location" value={location} />
      <input type="hidden" name="requestId" value={requestId} />
      {!state.ok && state.formError && (
        <p className="alert alert--error" role="alert">
          {state.formError}
        </p>
      )}
      <fieldset className={`${styles.dayTimes}${startError ? ' field--error' : ''}`} aria-describedby={startError ? errorId : undefined}>
        <legend>{t('chooseTime')}</legend>
        {groups.map((group) => (
          <fieldset key={group.key} className={styles.dayTimes}>
            <legend>{group.label}</legend>
            {group.times.length === 0 ? (
              <p className="muted">{group.empty}</p>
            ) : (
              <div className="time-choices">
                {group.times.map((time) => (
                  <label key={time.value} className="time-choice">
                    <input type="radio" name="start" value={time.value} defaultChecked={values.start === time.value} /> {time.label}
                  </label>
                ))}
              </div>
            )}
          </fieldset>
        ))}
        {startError && (
          <span id={errorId} className="field__error" role="alert">
            {startError}
          </span>
        )}
      </fieldset>
      {anyTimes && <SubmitButton pendingText={t('pending')}>{t('confirm')}</SubmitButton>}
    </form>
  );
}
