'use client';

import { useTranslations } from 'next-intl';
import { confirmWishAction, type ConfirmWishState } from '@/app/[locale]/termin/wunsch/actions';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';

const initialState: ConfirmWishState = { ok: false, values: {} };

/** One button that confirms the wish by POST: opening the link (or a mail scanner fetching it) changes nothing. */
export function ConfirmWishForm({ locale, token, statusHref }: { locale: string; token: string; statusHref: string }) {
  const t = useTranslations('Waitlist.confirm');
  const { state, formProps } = useActionForm(confirmWishAction, initialState);
  if (state.ok && state.data) {
    return (
      <div className="alert alert--success" role="status">
        <h2 className="alert__title">{t('doneTitle')}</h2>
        <p>{t('doneText', { code: state.data.code, position: state.data.position })}</p>
        <p>
          <a href={`${statusHref}?nummer=${encodeURIComponent(state.data.code)}`}>{state.data.code}</a>
        </p>
      </div>
    );
  }
  return (
    <form {...formProps}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="token" value={token} />
      {!state.ok && state.formError && (
        <p className="alert alert--error" role="alert">
          {state.formError}
        </p>
      )}
      <p className="actions">
        <SubmitButton pendingText={t('pending')}>{t('submit')}</SubmitButton>
      </p>
    </form>
  );
}
