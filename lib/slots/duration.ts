/** Length of a booking in minutes: the sum of minutes per unit × count over its services. */
export function durationOf(items: readonly { minutesPerUnit: number; count: number }[]): number {
  let total = 0;
  for (const item of items) total += item.minutesPerUnit * item.count;
  return total;
}
