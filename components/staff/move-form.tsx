'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { moveBookingByStaffAction } from '@/app/[locale]/verwaltung/buchen/actions';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import { clockFormat } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';

type Props = { locale: string; bookingId: number; times: { value: string; label: string }[]; timeZone: string; standort: string };

/** Pick the new time for a booking; the answer (new time and booking number) appears right here. */
export function MoveForm({ locale, bookingId, times, timeZone, standort }: Props) {
  const t = useTranslations('WalkIn');
  const format = useFormatter();
  const { state, formProps } = useActionForm(moveBookingByStaffAction, { ok: false, values: {} });
  if (state.ok && state.data) {
    const start = new Date(state.data.start);
    const when = `${format.dateTime(start, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone })}, ${format.dateTime(start, { ...clockFormat, timeZone })}`;
    const localDate = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(start);
    return (
      <div className="alert alert--success" role="status">
        <p>{t('moved', { code: state.data.code, when })}</p>
        <p>
          <Link href={{ pathname: '/verwaltung', query: { standort, datum: localDate } }}>{t('toNewDay')}</Link>
        </p>
      </div>
    );
  }
  const error = !state.ok ? state.fieldErrors?.start?.[0] : undefined;
  return (
    <form {...formProps} noValidate>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="bookingId" value={bookingId} />
      {!state.ok && state.formError && (
        <p className="alert alert--error" role="alert">
          {state.formError}
        </p>
      )}
      <fieldset className={`field${error ? ' field--error' : ''}`} aria-describedby={error ? 'field-start-error' : undefined}>
        <legend>{t('times')}</legend>
        <div className="time-choices">
          {times.map((time) => (
            <label key={time.value} className="time-choice">
              <input type="radio" name="start" value={time.value} /> {time.label}
            </label>
          ))}
        </div>
        {error && (
          <span id="field-start-error" className="field__error">
            {error}
          </span>
        )}
      </fieldset>
      <SubmitButton>{t('move')}</SubmitButton>
    </form>
  );
}
