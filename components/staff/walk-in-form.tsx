'use client';

import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { bookForCitizenAction, type WalkInBooked } from '@/app/[locale]/verwaltung/buchen/actions';
import { PrintButton } from '@/components/ui/print-button';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { ActionState } from '@/lib/action-state';
import { clockFormat } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { routing } from '@/lib/i18n/routing';

/** What the slip names besides the time, in the clerk's language. */
export type WalkInSlip = { office: string; address: string; timeZone: string; services: string[]; documents: string[]; dayPlan: { standort: string } };

type Props = { locale: string; location: string; services: string; times: { value: string; label: string }[]; slip: WalkInSlip };

/** Pick a free time and enter the caller's details; the answer (a printable slip with number and PIN) appears right here. */
export function WalkInForm({ locale, location, services, times, slip }: Props) {
  const t = useTranslations('WalkIn');
  const tLocale = useTranslations('LocaleSwitcher');
  const { state, formProps } = useActionForm<ActionState<WalkInBooked>>(bookForCitizenAction, { ok: false, values: {} });
  if (state.ok && state.data) return <BookedSlip booked={state.data} slip={slip} />;
  const values = state.ok ? {} : state.values;
  const errors = (!state.ok && state.fieldErrors) || {};
  return (
    <form {...formProps} noValidate>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="location" value={location} />
      <input type="hidden" name="services" value={services} />
      {!state.ok && state.formError && (
        <p className="alert alert--error" role="alert">
          {state.formError}
        </p>
      )}
      <fieldset className={`field${errors.start ? ' field--error' : ''}`} aria-describedby={errors.start ? 'field-start-error' : undefined}>
        <legend>{t('times')}</legend>
        <div className="time-choices">
          {times.map((time) => (
            <label key={time.value} className="time-choice">
              <input type="radio" name="start" value={time.value} defaultChecked={values.start === time.value} /> {time.label}
            </label>
          ))}
        </div>
        {errors.start && (
          <span id="field-start-error" className="field__error">
            {errors.start[0]}
          </span>
        )}
      </fieldset>
      <Field name="name" label={t('name')} defaultValue={values.name} error={errors.name?.[0]} required maxLength={100} />
      <Field name="email" type="email" label={t('email')} defaultValue={values.email} error={errors.email?.[0]} maxLength={254} />
      <Field name="phone" type="tel" label={t('phone')} defaultValue={values.phone} error={errors.phone?.[0]} maxLength={30} />
      <fieldset className="field">
        <legend>{t('mailLocale')}</legend>
        <div className="time-choices">
          {routing.locales.map((l) => (
            <label key={l} className="time-choice" lang={l}>
              <input type="radio" name="mailLocale" value={l} defaultChecked={(values.mailLocale ?? locale) === l} /> {tLocale(l)}
            </label>
          ))}
        </div>
      </fieldset>
      <SubmitButton>{t('book')}</SubmitButton>
    </form>
  );
}

/** The booked appointment as the clerk reads it out on the phone or hands it over the desk (print). */
function BookedSlip({ booked, slip }: { booked: WalkInBooked; slip: WalkInSlip }) {
  const t = useTranslations('WalkIn');
  const tLocale = useTranslations('LocaleSwitcher');
  const format = useFormatter();
  const locale = useLocale();
  const start = new Date(booked.start);
  const day = format.dateTime(start, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: slip.timeZone });
  const time = (d: Date) => format.dateTime(d, { ...clockFormat, timeZone: slip.timeZone });
  const localDate = new Intl.DateTimeFormat('en-CA', { timeZone: slip.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(start);
  // The slip replaces the form below the long service list: bring it into view and move focus there.
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    title.current?.scrollIntoView({ block: 'start' });
    title.current?.focus();
  }, []);
  return (
    <section className="walk-in-slip" aria-labelledby="slip-title">
      <p className="alert alert--success no-print" role="status">
        {t('booked', { code: booked.code, pin: booked.pin })} {booked.email ? t('bookedMail', { email: booked.email, language: tLocale(booked.mailLocale) }) : t('bookedNoMail')}
      </p>
      <h2 id="slip-title" ref={title} tabIndex={-1}>
        {t('slipTitle')}
      </h2>
      <dl className="walk-in-slip__facts">
        <dt>{t('slipWhen')}</dt>
        <dd>
          {day}, {t('slipTime', { from: time(start), to: time(new Date(booked.end)) })}
        </dd>
        <dt>{t('slipWhere')}</dt>
        <dd>
          {slip.office}
          <br />
          {slip.address}
        </dd>
        <dt>{t('slipServices')}</dt>
        <dd>
          <ul className="plain-list">
            {slip.services.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('slipCode')}</dt>
        <dd className="mono">{booked.code}</dd>
        <dt>{t('slipPin')}</dt>
        <dd className="mono">{booked.pin}</dd>
      </dl>
      {slip.documents.length > 0 && (
        <>
          <h3 className="h4">{t('slipBring')}</h3>
          <ul className="document-list">
            {slip.documents.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </>
      )}
      <p className="walk-in-slip__hint">{t('slipHint')}</p>
      <p className="actions no-print" lang={locale}>
        <PrintButton>{t('print')}</PrintButton>{' '}
        <Link href={{ pathname: '/verwaltung', query: { standort: slip.dayPlan.standort, datum: localDate } }}>{t('toDayPlan')}</Link>
      </p>
    </section>
  );
}
