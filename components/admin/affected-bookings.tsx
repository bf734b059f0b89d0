'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useId, useRef } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import type { AffectedBookingView } from '@/lib/admin/form-state';
import { clockFormat, pick } from '@/lib/format';
import styles from './admin.module.css';
import { HiddenValues } from './fields';

type Props = {
  locale: string;
  /** What was submitted, sent again with the confirmation. */
  values: Record<string, string>;
  affected: AffectedBookingView[];
  /** The list differs from the one the admin confirmed: say so. */
  changed: boolean;
  intro: string;
  confirmLabel: string;
  formAction: (formData: FormData) => void;
};

/**
 * The bookings a change would strand, and the confirmation that carries the submitted values and the
 * ids of exactly the bookings shown; "back" returns to the form as typed.
 */
export function AffectedBookings({ locale, values, affected, changed, intro, confirmLabel, formAction }: Props) {
  const t = useTranslations('Admin.affected');
  const format = useFormatter();
  const ref = useRef<HTMLElement>(null);
  // Several confirmations can be open on one page (one per window or counter).
  const titleId = useId();
  // The confirmation replaces the form: move focus to it so keyboard and screen-reader users notice.
  useEffect(() => ref.current?.focus(), []);
  const time = (b: AffectedBookingView) =>
    `${format.dateTime(new Date(b.start), { weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric', timeZone: b.timeZone })}, ${format.dateTime(new Date(b.start), { ...clockFormat, timeZone: b.timeZone })}–${format.dateTime(new Date(b.end), { ...clockFormat, timeZone: b.timeZone })}`;
  return (
    <section ref={ref} tabIndex={-1} className={styles.confirm} aria-labelledby={titleId}>
      <h3 id={titleId}>{t('title', { count: affected.length })}</h3>
      {changed && (
        <p className="alert alert--info" role="alert">
          {t('changed')}
        </p>
      )}
      <p>{intro}</p>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <caption className="visually-hidden">{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('time')}</th>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('code')}</th>
              <th scope="col">{t('location')}</th>
            </tr>
          </thead>
          <tbody>
            {affected.map((b) => (
              <tr key={b.id}>
                <td>{time(b)}</td>
                <td>{b.name ?? '—'}</td>
                <td className="mono">{b.code}</td>
                <td>{pick(b.location, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form action={formAction} className="actions">
        <HiddenValues values={{ ...values, locale }} />
        <input type="hidden" name="confirm" value={affected.map((b) => b.id).join(',')} />
        <SubmitButton className="button button--danger">{confirmLabel}</SubmitButton>
        <button type="submit" name="intent" value="back" className="button button--secondary">
          {t('back')}
        </button>
      </form>
    </section>
  );
}
