import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { LocationForBooking } from '@/db/queries/availability';
import type { Locale } from '@/lib/i18n/routing';

/** The weekdays any of the offices opens, with their names, for the wish's weekday choice. */
export async function wishWeekdays(offices: readonly Pick<LocationForBooking, 'windows'>[], locale: Locale): Promise<{ day: number; name: string }[]> {
  const t = await getTranslations({ locale, namespace: 'Weekdays' });
  const days = [...new Set(offices.flatMap((o) => o.windows.map((w) => w.weekday)))].sort((a, b) => a - b);
  return (days.length > 0 ? days : [1, 2, 3, 4, 5]).map((day) => ({ day, name: t(String(day) as '1') }));
}
