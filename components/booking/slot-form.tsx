import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { clockFormat } from '@/lib/format';
import { HoldForm } from './hold-form';
import { PendingFieldset } from './pending-fieldset';
import type { Slot } from '@/lib/slots';

/** Free start times as submit buttons of one form; the button's value is the start, the hidden fields say for what. */
export async function SlotForm({ action, hidden, slots, timeZone, labelledBy, challengeUrl }: {
  action: (formData: FormData) => Promise<void>;
  hidden: Record<string, string>;
  slots: Slot[];
  timeZone: string;
  labelledBy: string;
  /** The location asks for a proof-of-work before holding: where the widget gets its challenge. */
  challengeUrl?: string;
}) {
  const t = await getTranslations('Booking.time');
  const locale = await getLocale();
  const format = await getFormatter();
  const time = (d: Date) => format.dateTime(d, { ...clockFormat, timeZone });
  const longDate = (d: Date) => format.dateTime(d, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone });
  return (
    <HoldForm action={action} labelledBy={labelledBy} challengeUrl={challengeUrl} language={locale} challengeHint={t('challengeHint')} waitingText={t('challengeWaiting')}>
      {challengeUrl && (
        <noscript>
          <p className="alert alert--info">{t('challengeNoScript')}</p>
        </noscript>
      )}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {/* Plain buttons in one fieldset that is disabled while the form is sent: a day of times as client components was a good part of the page's cost. */}
      <PendingFieldset>
        <ul className="slot-list">
          {slots.map((slot) => (
            <li key={slot.start.toISOString()}>
              <button type="submit" name="start" value={slot.start.toISOString()} className="button button--secondary slot" aria-label={`${t('slotLabel', { time: time(slot.start) })}, ${longDate(slot.start)}`}>
                {t('slotButton', { time: time(slot.start) })}
              </button>
            </li>
          ))}
        </ul>
      </PendingFieldset>
    </HoldForm>
  );
}
