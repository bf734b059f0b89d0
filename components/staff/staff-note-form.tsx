import { getTranslations } from 'next-intl/server';
import { saveStaffNoteAction } from '@/app/[locale]/verwaltung/actions';

/** The clerks' internal note on a booking, folded away until needed; a plain form, works without JavaScript. */
export async function StaffNoteForm({ bookingId, note, back, locale }: { bookingId: number; note: string | null; back: string; locale: string }) {
  const t = await getTranslations('Staff');
  const id = `note-${bookingId}`;
  return (
    <details className="plan-card__more">
      <summary>{note ? t('editStaffNote') : t('addStaffNote')}</summary>
      <form action={saveStaffNoteAction}>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="bookingId" value={bookingId} />
        <input type="hidden" name="back" value={back} />
        <div className="field">
          <label htmlFor={id}>{t('staffNoteLabel')}</label>
          <textarea id={id} name="note" rows={2} maxLength={1000} defaultValue={note ?? ''} aria-describedby={`${id}-hint`} />
          <p id={`${id}-hint`} className="field__hint">
            {t('staffNoteHint')}
          </p>
        </div>
        <button type="submit" className="button button--secondary button--small">
          {t('saveStaffNote')}
        </button>
      </form>
    </details>
  );
}
