import { daysWithSlots, firstSlot, groupByLocalDate, type LocalDate, type Slot } from '@/lib/slots';

const isMonth = (v: string) => /^\d{4}-\d{2}$/.test(v);
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

export type CalendarView = {
  available: Set<LocalDate>;
  first: Slot | undefined;
  firstMonth: string;
  lastMonth: string;
  month: string;
  day: LocalDate | undefined;
  daySlots: Slot[];
  /** After "just taken": the free starts nearest to the one wanted, in time order. */
  alternatives: Slot[];
};

/**
 * Which month and day of the calendar to show for the requested `monat`/`tag` (falling back to the first
 * free day), and, after a lost race for `zeit`, the nearest free starts of that day.
 */
export function calendarView({ slots, today, lastDay, monat, tag, zeit }: { slots: Slot[]; today: LocalDate; lastDay: LocalDate; monat: string; tag: string; zeit: string }): CalendarView {
  const available = new Set(daysWithSlots(slots));
  const first = firstSlot(slots);
  const firstMonth = today.slice(0, 7);
  const lastMonth = lastDay.slice(0, 7);
  const selectedDay = isDate(tag) && available.has(tag) ? tag : undefined;
  const month = isMonth(monat) && monat >= firstMonth && monat <= lastMonth ? monat : (selectedDay ?? first?.date ?? today).slice(0, 7);
  const day = selectedDay ?? (monat ? [...available].find((d) => d.startsWith(month)) : first?.date);
  const daySlots = day ? (groupByLocalDate(slots).get(day) ?? []) : [];
  const wanted = zeit ? new Date(zeit) : undefined;
  const distance = (slot: Slot) => Math.abs(slot.start.getTime() - wanted!.getTime());
  const alternatives = wanted && !Number.isNaN(wanted.getTime())
    ? [...daySlots].sort((a, b) => distance(a) - distance(b)).slice(0, 4).sort((a, b) => a.start.getTime() - b.start.getTime())
    : [];
  return { available, first, firstMonth, lastMonth, month, day, daySlots, alternatives };
}
