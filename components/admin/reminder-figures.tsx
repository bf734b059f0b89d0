import { getTranslations } from 'next-intl/server';
import { adminAccess } from '@/lib/admin/access';
import { FIGURES_DAYS, reminderFiguresFor } from '@/lib/admin/reminder-settings';

/** One line under the reminder settings: how many appointments were reminded lately and how many then freed their time. */
export async function ReminderFigures({ locationId }: { locationId: number }) {
  const access = await adminAccess();
  if (!access.ok) return null;
  const [t, figures] = await Promise.all([getTranslations('Admin.reminders'), reminderFiguresFor({ actor: access.user, locationId })]);
  return <p>{t('figures', { days: FIGURES_DAYS, reminded: figures.reminded, changed: figures.changedAfter })}</p>;
}
