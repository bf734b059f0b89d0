'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { cancelBookingAction } from '@/app/[locale]/termin/absagen/actions';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';

/** The one button that cancels; a POST, never a link, so mail scanners following links change nothing. */
export function CancelForm({ locale, code }: { locale: string; code: string }) {
  const t = useTranslations('Cancel');
  const [state, formAction] = useActionState(cancelBookingAction, initialActionState);
  return (
    <form action={formAction}>
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
