import { createEvent } from 'ics';

export type CalendarMethod = 'REQUEST' | 'CANCEL';

export type CalendarEvent = {
  /** REQUEST adds or updates the event in the reader's calendar, CANCEL removes it. */
  method: CalendarMethod;
  /** Stable for one appointment across reschedules, see `calendarUid`. */
  uid: string;
  /** Must grow with every change of one UID, or calendars ignore the update. */
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  location: string;
  /** Shown in the calendar entry; never put the PIN here (calendars sync to many places). */
  description: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
};

/**
 * The UID of an appointment: derived from the booking code that started it, so a rescheduled
 * booking (new code) still moves the same calendar entry instead of adding a second one.
 */
export const calendarUid = (originalCode: string) => `${originalCode}@amtstermin`;

/**
 * SEQUENCE for one appointment: each reschedule raises it by one, and a cancellation raises it once more,
 * so every mail outranks the ones before it (RFC 5546 3.2.2 / 3.2.5).
 */
export const calendarSequence = ({ reschedules, cancelled }: { reschedules: number; cancelled: boolean }) => reschedules + (cancelled ? 1 : 0);

/**
 * An iCalendar object (RFC 5545) with one event, times in UTC so no VTIMEZONE is needed and every
 * calendar shows the reader's local time.
 */
export function buildCalendarEvent(event: CalendarEvent): string {
  const { error, value } = createEvent({
    productId: '-//Amtstermin//Termine//DE',
    method: event.method,
    uid: event.uid,
    sequence: event.sequence,
    start: event.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: event.end.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: event.summary,
    location: event.location,
    description: event.description,
    status: event.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: 'BUSY',
    organizer: event.organizer,
    attendees: [{ ...event.attendee, rsvp: false, partstat: 'ACCEPTED', role: 'REQ-PARTICIPANT' }],
  });
  if (error || !value) throw error ?? new Error('ics: empty calendar');
  return value;
}
