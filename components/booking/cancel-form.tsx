'use client';

import { useTranslations } from 'next-intl';
import { cancelBookingAction } from '@/app/[locale]/termin/absagen/actions';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';
import { useActionForm } from '@/components/ui/use-action-form';

/** The one button that cancels; a POST, never a link, so mail scanners following links change nothing. */
export function CancelForm({ locale, code }: { locale: string; code: string }) {
  const t = useTranslations('Cancel');
  const { state, formProps } = useActionForm(cancelBookingAction, initialActionState);
  return (
    <form {...formProps}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="code" value={code} />
      {!state.ok && state.formError && (
        <p className="alert alert--error" role="alert">
          {state.formError}
        </p>
      )}
      <SubmitButton className="button button--danger" pendingText={t('pending')}>
        {t('confirm')}
      </SubmitButton>
    </form>
  );
}
