import type { LocalDate, Slot } from './types';

/** Slots per local date, in the order given (the month view's day buckets). */
export function groupByLocalDate(slots: readonly Slot[]): Map<LocalDate, Slot[]> {
  const byDate = new Map<LocalDate, Slot[]>();
  for (const slot of slots) {
    const bucket = byDate.get(slot.date);
    if (bucket) bucket.push(slot);
    else byDate.set(slot.date, [slot]);
  }
  return byDate;
}

/** The local dates that have at least one slot, ascending. */
export function daysWithSlots(slots: readonly Slot[]): LocalDate[] {
  return [...new Set(slots.map((s) => s.date))].sort();
}

/** The earliest slot (the "first free appointment" shortcut), or undefined when none is left. */
export function firstSlot(slots: readonly Slot[]): Slot | undefined {
  let earliest: Slot | undefined;
  for (const slot of slots) {
    if (!earliest || slot.start.getTime() < earliest.start.getTime()) earliest = slot;
  }
  return earliest;
}

/** The slot starting exactly at `start`, to re-check a citizen's choice before holding it. */
export function findSlot(slots: readonly Slot[], start: Date): Slot | undefined {
  const at = start.getTime();
  return slots.find((s) => s.start.getTime() === at);
}
