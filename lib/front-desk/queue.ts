/** A visitor waiting to be called, as the queue rule sees them. */
export type WaitingVisit = {
  id: number;
  kind: 'appointment' | 'walk_in';
  /** The appointment's start; appointments are called in this order. */
  scheduledAt: Date;
  checkedInAt: Date;
  minutes: number;
};

/**
 * The order in which the waiting are called. Appointments go by their time (then arrival), walk-ins by arrival,
 * and one walk-in is fitted in after every `walkInEvery` appointments called (counting the calls already made
 * today since the last walk-in: `appointmentsSinceWalkIn`). `walkInEvery` 0: a walk-in only when no appointment waits.
 */
export function queueOrder<T extends WaitingVisit>({ waiting, walkInEvery, appointmentsSinceWalkIn }: { waiting: readonly T[]; walkInEvery: number; appointmentsSinceWalkIn: number }): T[] {
  const byTime = (a: WaitingVisit, b: WaitingVisit) => a.scheduledAt.getTime() - b.scheduledAt.getTime() || a.checkedInAt.getTime() - b.checkedInAt.getTime() || a.id - b.id;
  const byArrival = (a: WaitingVisit, b: WaitingVisit) => a.checkedInAt.getTime() - b.checkedInAt.getTime() || a.id - b.id;
  const appointments = waiting.filter((v) => v.kind === 'appointment').sort(byTime);
  const walkIns = waiting.filter((v) => v.kind === 'walk_in').sort(byArrival);
  const order: T[] = [];
  let streak = appointmentsSinceWalkIn;
  while (appointments.length > 0 || walkIns.length > 0) {
    const walkInsTurn = walkIns.length > 0 && (appointments.length === 0 || (walkInEvery > 0 && streak >= walkInEvery));
    if (walkInsTurn) {
      order.push(walkIns.shift()!);
      streak = 0;
    } else {
      order.push(appointments.shift()!);
      streak++;
    }
  }
  return order;
}

/** How many appointments were called since the last walk-in, from today's calls in the order they were made. */
export function appointmentsSinceLastWalkIn(calledKinds: readonly ('appointment' | 'walk_in')[]): number {
  const last = calledKinds.lastIndexOf('walk_in');
  return calledKinds.length - 1 - last;
}

/**
 * Estimated minutes until each visitor in `order` is called: the service minutes of everyone ahead (and of the
 * visits still at a counter, `busyMinutes`) shared by the `counters` serving, and never before an appointment's own time.
 */
export function estimatedWaits<T extends WaitingVisit>({ order, counters, busyMinutes = 0, now }: { order: readonly T[]; counters: number; busyMinutes?: number; now: Date }): Map<number, number> {
  const serving = Math.max(1, counters);
  const waits = new Map<number, number>();
  let ahead = busyMinutes;
  for (const visit of order) {
    const byQueue = Math.round(ahead / serving);
    const byClock = visit.kind === 'appointment' ? Math.max(0, Math.ceil((visit.scheduledAt.getTime() - now.getTime()) / 60_000)) : 0;
    waits.set(visit.id, Math.max(byQueue, byClock));
    ahead += visit.minutes;
  }
  return waits;
}

/** The waiting number as shown and printed: `A 7` for an appointment, `W 12` for a walk-in. */
export const ticketLabel = (visit: { kind: 'appointment' | 'walk_in'; number: number }) => `${visit.kind === 'appointment' ? 'A' : 'W'} ${visit.number}`;

/** Whether an appointment starting at `start` may be checked in at `now`, or why not. */
export function checkInWindow({ start, now, earlyMinutes, lateMinutes }: { start: Date; now: Date; earlyMinutes: number; lateMinutes: number }): 'ok' | 'too-early' | 'too-late' {
  if (now.getTime() < start.getTime() - earlyMinutes * 60_000) return 'too-early';
  if (now.getTime() > start.getTime() + lateMinutes * 60_000) return 'too-late';
  return 'ok';
}
