'use client';

import { useTranslations } from 'next-intl';
import { confirmBookingAction } from '@/app/[locale]/termin/actions';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';
import { useActionForm } from '@/components/ui/use-action-form';

/** Step 4's one button; pending state disables it so a double click sends once (the server is idempotent anyway). */
export function ConfirmForm({ locale, code }: { locale: string; code: string }) {
  const t = useTranslations('Booking.review');
  const { state, formProps } = useActionForm(confirmBookingAction, initialActionState);
  return (
    <form {...formProps}>
      <input type="hidden" name="locale" value={locale} />
      {/* The reservation this page shows: another window may have reserved another time since. */}
      <input type="hidden" name="reservation" value={code} />
      {!state.ok && state.formError && (
        <p className="alert alert--error" role="alert">
          {state.formError}
        </p>
      )}
      <p className="actions">
        <SubmitButton pendingText={t('pending')}>{t('confirm')}</SubmitButton>
      </p>
    </form>
  );
}
