'use client';

import { useFormatter, useTranslations } from 'next-intl';
import styles from '@/components/requests/requests.module.css';
import { Field } from '@/components/ui/field';

/**
 * Period, weekdays and parts of day of a wish: the registration form and the status page's change form share
 * them. Before the first submit every offered weekday and both parts are ticked; afterwards what was sent.
 */
export function WishWindowFields({ values, submitted, error, weekdays, first, last }: {
  values: Record<string, string>;
  submitted: boolean;
  error: (field: string) => string | undefined;
  weekdays: { day: number; name: string }[];
  first: string;
  last: string;
}) {
  const t = useTranslations('Waitlist.form');
  const format = useFormatter();
  const calendarDate = (date: string) => format.dateTime(new Date(`${date}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  const checked = (name: string) => (submitted ? values[name] === 'on' : true);
  const group = (field: string) => `${styles.group}${error(field) ? ' field--error' : ''}`;
  const errorText = (field: string) =>
    error(field) && (
      <span id={`field-${field}-error`} className="field__error">
        {error(field)}
      </span>
    );
  return (
    <>
      <fieldset className={styles.group}>
        <legend>{t('dates')}</legend>
        <p className="field__hint">{t('datesHint', { from: calendarDate(first), to: calendarDate(last) })}</p>
        <Field name="earliest" type="date" label={t('earliest')} min={first} max={last} defaultValue={values.earliest ?? first} error={error('earliest')} />
        <Field name="latest" type="date" label={t('latest')} min={first} max={last} defaultValue={values.latest ?? last} error={error('latest')} />
      </fieldset>
      <fieldset className={group('weekdays')} id="field-weekdays" aria-describedby={error('weekdays') ? 'field-weekdays-error' : undefined}>
        <legend>{t('weekdays')}</legend>
        {errorText('weekdays')}
        {weekdays.map(({ day, name }) => (
          <div key={day} className="field field--checkbox">
            <input type="checkbox" id={`field-weekday_${day}`} name={`weekday_${day}`} defaultChecked={checked(`weekday_${day}`)} />
            <label htmlFor={`field-weekday_${day}`}>{name}</label>
          </div>
        ))}
      </fieldset>
      <fieldset className={group('parts')} id="field-parts" aria-describedby={error('parts') ? 'field-parts-error' : undefined}>
        <legend>{t('parts')}</legend>
        {errorText('parts')}
        <div className="field field--checkbox">
          <input type="checkbox" id="field-part_morning" name="part_morning" defaultChecked={checked('part_morning')} />
          <label htmlFor="field-part_morning">{t('partMorning')}</label>
        </div>
        <div className="field field--checkbox">
          <input type="checkbox" id="field-part_afternoon" name="part_afternoon" defaultChecked={checked('part_afternoon')} />
          <label htmlFor="field-part_afternoon">{t('partAfternoon')}</label>
        </div>
      </fieldset>
    </>
  );
}
