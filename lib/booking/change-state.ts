/** What a citizen may still do with a booking: change it, or only read why not. */
export type ChangeState = 'changeable' | 'cancelled' | 'rescheduled' | 'past';

/** A booked appointment can be cancelled or moved until it starts; everything else is final. */
export function changeStateOf(booking: { status: string; cancelReason: string | null; during: { start: Date } }, now = new Date()): ChangeState {
  if (booking.status === 'cancelled') return booking.cancelReason === 'rescheduled' ? 'rescheduled' : 'cancelled';
  if (booking.status === 'booked' && booking.during.start.getTime() > now.getTime()) return 'changeable';
  return 'past';
}
