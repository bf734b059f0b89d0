'use client';

import { useTranslations } from 'next-intl';
import { confirmRescheduleAction } from '@/app/[locale]/termin/verschieben/actions';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';
import { useActionForm } from '@/components/ui/use-action-form';

/** Confirms the move; pending state disables the button, and the server books the move once anyway. */
export function ConfirmRescheduleForm({ locale, code }: { locale: string; code: string }) {
  const t = useTranslations('Reschedule');
  const { state, formProps } = useActionForm(confirmRescheduleAction, initialActionState);
  return (
    <form {...formProps}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="code" value={code} />
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
