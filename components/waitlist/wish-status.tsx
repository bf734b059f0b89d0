'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { wishStatusAction, type WishStatusState } from '@/app/[locale]/termin/wunsch/actions';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import { WishWindowFields } from './wish-window-fields';

const initialState: WishStatusState = { ok: false, values: {} };

/**
 * The status page: number and PIN open the wish (POST; the mail link only fills in the number). The answer shows
 * the wish, its place in the queue and a standing offer, with buttons to accept or decline it, to change the
 * period, weekdays and parts of day, or to delete the wish; each button posts the same form with its `intent`
 * and the grant the first answer carried, so the PIN is typed once and never sent back into the page.
 */
export function WishStatus({ locale, initialCode, weekdays, first, last }: { locale: string; initialCode: string; weekdays: { day: number; name: string }[]; first: string; last: string }) {
  const t = useTranslations('Waitlist.status');
  const format = useFormatter();
  const calendarDate = (date: string) => format.dateTime(new Date(`${date}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  const { state, formProps } = useActionForm(wishStatusAction, initialState);

  if (state.ok && state.data) {
    const { view, code, grant, message, tone, fieldErrors = {} } = state.data;
    const open = view.status === 'unconfirmed' || view.status === 'waiting';
    const windowValues: Record<string, string> = {
      earliest: view.earliestDate,
      latest: view.latestDate,
      ...Object.fromEntries(view.weekdays.map((d) => [`weekday_${d}`, 'on'])),
      ...Object.fromEntries(view.parts.map((p) => [`part_${p}`, 'on'])),
    };
    const errors = Object.entries(fieldErrors).map(([field, messages]) => ({ field, message: messages[0] ?? '' }));
    return (
      <form {...formProps} noValidate>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="code" value={code} />
        <input type="hidden" name="grant" value={grant} />
        <ErrorSummary title={t('errorTitle')} errors={errors} />
        {message && (
          <div className={`alert alert--${tone ?? 'success'}`} role="status">
            <p>{message}</p>
          </div>
        )}
        <h2>{view.code}</h2>
        <p className="lead">{t(`state.${view.status}`, { position: view.position })}</p>
        <dl className="facts">
          <dt>{t('services')}</dt>
          <dd>{view.services.join(', ')}</dd>
          <dt>{t('offices')}</dt>
          <dd>{view.offices.join(', ')}</dd>
          <dt>{t('period')}</dt>
          <dd>{t('periodValue', { from: calendarDate(view.earliestDate), to: calendarDate(view.latestDate) })}</dd>
          <dt>{t('weekdays')}</dt>
          <dd>{weekdays.filter((w) => view.weekdays.includes(w.day)).map((w) => w.name).join(', ')}</dd>
        </dl>
        {view.offer && (
          <section className="card" aria-labelledby="offer-title">
            <h2 id="offer-title">{t('offerTitle')}</h2>
            <p>{t('offerText', view.offer)}</p>
            <p className="actions">
              <SubmitButton name="intent" value="accept">
                {t('accept')}
              </SubmitButton>{' '}
              <SubmitButton name="intent" value="decline" className="button button--secondary">
                {t('decline')}
              </SubmitButton>
            </p>
          </section>
        )}
        {open && (
          <section aria-labelledby="change-title" key={JSON.stringify(windowValues)}>
            <h2 id="change-title">{t('changeTitle')}</h2>
            <p className="field__hint">{t('changeHint')}</p>
            <WishWindowFields values={windowValues} submitted error={(field) => fieldErrors[field]?.[0]} weekdays={weekdays} first={first} last={last} />
            <p className="actions">
              <SubmitButton name="intent" value="change" className="button button--secondary">
                {t('save')}
              </SubmitButton>{' '}
              <SubmitButton name="intent" value="withdraw" className="button button--danger">
                {t('withdraw')}
              </SubmitButton>
            </p>
          </section>
        )}
      </form>
    );
  }

  const values = !state.ok && Object.keys(state.values).length > 0 ? state.values : { code: initialCode };
  return (
    <form {...formProps} noValidate className="contact-form">
      <input type="hidden" name="locale" value={locale} />
      <ErrorSummary title={t('errorTitle')} errors={!state.ok && state.formError ? [{ message: state.formError }] : []} />
      <Field name="code" label={t('code')} hint={t('codeHint')} defaultValue={values.code} required maxLength={30} autoComplete="off" autoCapitalize="characters" spellCheck={false} />
      <Field name="pin" type="password" label={t('pin')} hint={t('pinHint')} required maxLength={6} inputMode="numeric" autoComplete="off" />
      <p className="actions">
        <SubmitButton name="intent" value="open" pendingText={t('pending')}>
          {t('open')}
        </SubmitButton>
      </p>
    </form>
  );
}
