'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { confirmBookingAction } from '@/app/[locale]/termin/actions';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';

/** Step 4's one button; pending state disables it so a double click sends once (the server is idempotent anyway). */
export function ConfirmForm({ locale }: { locale: string }) {
  const t = useTranslations('Booking.review');
  const [state, formAction] = useActionState(confirmBookingAction, initialActionState);
  return (
    <form action={formAction}>
      <input type="hidden" name="locale" value={locale} />
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
