/**
 * Message namespaces sent to the browser for client components. Every page carries its list in its RSC payload,
 * so each route sends only what its own client components translate: the locale layout sends what every page
 * needs (the error boundary, the language links), and routes with translating forms add theirs in their own
 * layout through `ClientMessages` (components/client-messages.tsx). The time page, the one a release rush hits,
 * sends none of its own (the staff texts were half its payload once, the citizens' forms' texts 15 KB after that).
 * Dotted names send one part of a namespace ('Booking.details').
 */
export const LAYOUT_CLIENT_NAMESPACES = ['Error', 'LocaleSwitcher'] as const;
/** The booking's steps and the citizens' forms, each in its route's layout (the services step wraps its picker). */
export const SERVICES_STEP_CLIENT_NAMESPACES = ['Booking.services', 'Booking.details'] as const;
export const DETAILS_STEP_CLIENT_NAMESPACES = ['Booking.details', 'Booking.hold'] as const;
export const REVIEW_STEP_CLIENT_NAMESPACES = ['Booking.review', 'Booking.hold'] as const;
export const CANCEL_CLIENT_NAMESPACES = ['PinCheck', 'Cancel'] as const;
export const RESCHEDULE_CLIENT_NAMESPACES = ['PinCheck', 'Reschedule', 'Booking.hold'] as const;
/** The request form counts services like the booking's first step. */
export const REQUEST_CLIENT_NAMESPACES = ['Request.form', 'Request.withdraw', 'Booking.services'] as const;
/** Everything the citizens' client components translate, for areas that may show any of them. */
const CITIZEN_CLIENT_NAMESPACES = ['Booking', 'Cancel', 'PinCheck', 'Request', 'Reschedule'] as const;
export const STAFF_CLIENT_NAMESPACES = [...LAYOUT_CLIENT_NAMESPACES, ...CITIZEN_CLIENT_NAMESPACES, 'Admin', 'KioskDevices', 'Release', 'RequestStaff', 'Staff', 'WaitlistStaff', 'Weekdays', 'WalkIn'] as const;
/** The front desk's devices (kiosk at the entrance, call display in the waiting room). */
export const KIOSK_CLIENT_NAMESPACES = [...LAYOUT_CLIENT_NAMESPACES, 'Kiosk'] as const;
export const CALL_DISPLAY_CLIENT_NAMESPACES = [...LAYOUT_CLIENT_NAMESPACES, 'CallDisplay'] as const;
/** The Terminwunsch pages (form, confirmation, status); the form counts services like the booking's first step. */
export const WAITLIST_CLIENT_NAMESPACES = ['Booking.services', 'Waitlist'] as const;

type Messages = Record<string, unknown>;

/** The named namespaces (or parts of one, 'Booking.details') of `messages`, nested as next-intl expects them. */
export function pickNamespaces(messages: Messages, namespaces: readonly string[]): Messages {
  const picked: Messages = {};
  for (const name of namespaces) {
    const path = name.split('.');
    let from: unknown = messages;
    let into = picked;
    path.forEach((key, i) => {
      from = (from as Messages | undefined)?.[key];
      if (i === path.length - 1) into[key] = from;
      else into = (into[key] ??= {}) as Messages;
    });
  }
  return picked;
}
