import { getTranslations } from 'next-intl/server';

const STEPS = ['services', 'time', 'details', 'review', 'done'] as const;
export type BookingStep = (typeof STEPS)[number];

/** The booking steps as an ordered list; the current one is marked for screen readers with aria-current. */
export async function StepIndicator({ current }: { current: BookingStep }) {
  const t = await getTranslations('Booking.steps');
  const index = STEPS.indexOf(current);
  return (
    <nav aria-label={t('label')} className="steps">
      <p className="visually-hidden">{t('stepOf', { step: index + 1, total: STEPS.length })}</p>
      <ol>
        {STEPS.map((step, i) => (
          <li key={step} className={i < index ? 'steps__done' : i === index ? 'steps__current' : undefined} aria-current={i === index ? 'step' : undefined}>
            <span className="steps__number" aria-hidden="true">
              {i + 1}
            </span>
            {t(step)}
          </li>
        ))}
      </ol>
    </nav>
  );
}
