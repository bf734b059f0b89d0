'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/components/ui/field';
import { useActionForm } from '@/components/ui/use-action-form';
import type { ActionState } from '@/lib/action-state';

type State = ActionState<{ token: string; name: string }>;

/** Registers a kiosk and shows its token once, with the pairing steps. */
export function RegisterKioskForm({ action, locale, offices }: { action: (state: State, formData: FormData) => Promise<State>; locale: string; offices: { id: number; name: string }[] }) {
  const t = useTranslations('KioskDevices');
  const { state, pending, formProps } = useActionForm<State>(action, { ok: false, values: {} });
  const values = state.ok ? {} : state.values;
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  return (
    <>
      {state.ok && state.data && (
        <div className="alert alert--success" role="status">
          <p>{t('created', { name: state.data.name })}</p>
          <p>
            <code className="kiosk-token" data-testid="kiosk-token">
              {state.data.token}
            </code>
          </p>
          <p>{t('createdHint')}</p>
        </div>
      )}
      <form {...formProps} noValidate>
        <input type="hidden" name="locale" value={locale} />
        <div className={`field${errors.locationId ? ' field--error' : ''}`}>
          <label htmlFor="kiosk-location">{t('office')}</label>
          <select id="kiosk-location" name="locationId" defaultValue={values.locationId ?? String(offices[0]?.id ?? '')} aria-describedby={errors.locationId ? 'kiosk-location-error' : undefined}>
            {offices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          {errors.locationId && (
            <span id="kiosk-location-error" className="field__error">
              {errors.locationId[0]}
            </span>
          )}
        </div>
        <Field name="name" label={t('name')} hint={t('nameHint')} defaultValue={values.name ?? ''} error={errors.name?.[0]} maxLength={80} />
        <button type="submit" className="button button--primary" disabled={pending}>
          {t('register')}
        </button>
      </form>
    </>
  );
}
