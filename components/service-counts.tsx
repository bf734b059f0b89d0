'use client';

import { useTranslations } from 'next-intl';

export type CountableService = { slug: string; name: string; description: string; minutesPerUnit: number; maxCount: number };

/**
 * The services of one office, each with a count chooser (`count_<slug>`, 0 = not needed): the booking's first
 * step and the request form share it. Controlled, so the page can follow the choice live; the error of one
 * count appears beside it. On a phone the description takes the full width and the chooser sits below it.
 */
export function ServiceCounts({ services, counts, onChange, errorOf }: {
  services: readonly CountableService[];
  counts: Record<string, number>;
  onChange: (counts: Record<string, number>) => void;
  errorOf: (field: string) => string | undefined;
}) {
  const t = useTranslations('Booking.services');
  return (
    <ul className="service-picker">
      {services.map((service) => {
        const id = `field-count_${service.slug}`;
        const error = errorOf(`count_${service.slug}`);
        const count = counts[service.slug] ?? 0;
        return (
          <li key={service.slug} className={`service-picker__item${count > 0 ? ' service-picker__item--chosen' : ''}${error ? ' field--error' : ''}`}>
            <div className="service-picker__text">
              <label htmlFor={id} className="service-picker__name">
                {service.name}
              </label>
              <p className="muted" id={`${id}-hint`}>
                {service.description} {t('perUnit', { minutes: service.minutesPerUnit })}
              </p>
              {error && (
                <span className="field__error" id={`${id}-error`}>
                  {error}
                </span>
              )}
            </div>
            <select
              id={id}
              name={`count_${service.slug}`}
              aria-label={t('count', { service: service.name })}
              aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
              aria-invalid={error ? true : undefined}
              value={count}
              onChange={(e) => onChange({ ...counts, [service.slug]: Number(e.target.value) })}
            >
              <option value="0">{t('none')}</option>
              {Array.from({ length: service.maxCount }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </li>
        );
      })}
    </ul>
  );
}

/** The counts a form starts with: what the server sent back after an error, else the given ones. */
export function initialCounts(services: readonly CountableService[], values: Record<string, string>, given: Record<string, number> = {}): Record<string, number> {
  return Object.fromEntries(services.map((s) => [s.slug, Number(values[`count_${s.slug}`] ?? given[s.slug] ?? 0) || 0]));
}
