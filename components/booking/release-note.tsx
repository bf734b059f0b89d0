import { getFormatter, getTranslations } from 'next-intl/server';
import { clockFormat } from '@/lib/format';
import { nextRelease, releaseMomentOf, type LocalDate, type ReleaseRule } from '@/lib/slots';

type Office = { releaseTime: string | null; releaseWeekdays: number[]; bookingHorizonDays: number; timeZone: string };

const ruleOf = (office: Office): ReleaseRule => (office.releaseTime ? { time: office.releaseTime.slice(0, 5), weekdays: office.releaseWeekdays } : null);

/** "Wann gibt es neue Termine?": when this office releases new days, and when it does so next. Nothing without a schedule. */
export async function ReleaseNote({ office, now = new Date(), id }: { office: Office; now?: Date; id?: string }) {
  const rule = ruleOf(office);
  const next = nextRelease({ rule, horizonDays: office.bookingHorizonDays, timeZone: office.timeZone, now });
  if (!rule || !next) return null;
  const t = await getTranslations('Release');
  const format = await getFormatter();
  const zone = office.timeZone;
  const weekday = (iso: number) => format.dateTime(new Date(Date.UTC(2024, 0, iso)), { weekday: 'short', timeZone: 'UTC' });
  const weekdays = format.list([...rule.weekdays].sort().map(weekday));
  const longDate = (d: Date) => format.dateTime(d, { weekday: 'long', day: 'numeric', month: 'long', timeZone: zone });
  const through = new Date(`${next.through}T12:00:00Z`);
  return (
    <p className="release-note" id={id}>
      <strong>{t('title')}</strong> {t('rule', { weekdays, time: rule.time, days: office.bookingHorizonDays })}{' '}
      {t('next', { date: longDate(next.at), time: format.dateTime(next.at, { ...clockFormat, timeZone: zone }), through: format.dateTime(through, { day: 'numeric', month: 'long', timeZone: 'UTC' }) })}
    </p>
  );
}

/** For each day of `from`…`to` not released at `now`: the visible "ab …" and the full label of its calendar cell. */
export async function laterDays({ office, now, from, to }: { office: Office; now: Date; from: LocalDate; to: LocalDate }): Promise<Map<LocalDate, { short: string; label: string }>> {
  const rule = ruleOf(office);
  const later = new Map<LocalDate, { short: string; label: string }>();
  if (!rule) return later;
  const t = await getTranslations('Release');
  const format = await getFormatter();
  const zone = office.timeZone;
  for (let day = from; day <= to; day = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) {
    const moment = releaseMomentOf({ rule, horizonDays: office.bookingHorizonDays, timeZone: zone, date: day })!;
    if (moment <= now) continue;
    const date = format.dateTime(moment, { day: 'numeric', month: 'numeric', timeZone: zone });
    const time = format.dateTime(moment, { ...clockFormat, timeZone: zone });
    const dayLabel = format.dateTime(new Date(`${day}T12:00:00Z`), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
    later.set(day, { short: t('from', { date }), label: t('dayLater', { day: dayLabel, date, time }) });
  }
  return later;
}
