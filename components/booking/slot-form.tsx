import { getLocale, getTranslations } from 'next-intl/server';
import { clockFormat } from '@/lib/format';
import { escapeHtml } from '@/lib/html/escape';
import { dateTimeFormat, plainMessage } from '@/lib/i18n/formats';
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
  const clock = dateTimeFormat(locale, { ...clockFormat, timeZone });
  const longDate = dateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone });
  const slotButton = plainMessage(t.raw('slotButton'));
  const slotLabel = plainMessage(t.raw('slotLabel'));
  // Every value is escaped; the start is an ISO timestamp we wrote.
  const buttons = slots
    .map((slot) => {
      const time = clock.format(slot.start);
      const label = `${slotLabel({ time })}, ${longDate.format(slot.start)}`;
      return `<li><button type="submit" name="start" value="${slot.start.toISOString()}" class="button button--secondary slot" aria-label="${escapeHtml(label)}">${escapeHtml(slotButton({ time }))}</button></li>`;
    })
    .join('');
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
      {/* Plain buttons in one fieldset that is disabled while the form is sent. A day of times is the longest list a
          release rush renders: written as one escaped HTML string it costs React one element instead of two per time
          (README, "Load test"); the buttons need nothing from React, the form reads the pressed one's value. */}
      <PendingFieldset>
        <ul className="slot-list" dangerouslySetInnerHTML={{ __html: buttons }} />
      </PendingFieldset>
    </HoldForm>
  );
}
