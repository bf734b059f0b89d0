/**
 * Message namespaces sent to the browser for client components: the citizens' pages get theirs from the locale
 * layout, the staff area adds its own in app/[locale]/verwaltung/layout.tsx. Every page carries its list in
 * its RSC payload, so a citizen's time page does not carry the staff area's texts (half its payload before).
 */
export const CITIZEN_CLIENT_NAMESPACES = ['Booking', 'Cancel', 'Error', 'LocaleSwitcher', 'PinCheck', 'Request', 'Reschedule'] as const;
export const STAFF_CLIENT_NAMESPACES = [...CITIZEN_CLIENT_NAMESPACES, 'Admin', 'KioskDevices', 'Release', 'RequestStaff', 'Staff', 'WaitlistStaff', 'Weekdays', 'WalkIn'] as const;
/** The front desk's devices (kiosk at the entrance, call display in the waiting room) add theirs in their own layouts. */
export const KIOSK_CLIENT_NAMESPACES = [...CITIZEN_CLIENT_NAMESPACES, 'Kiosk'] as const;
/** The Terminwunsch pages (form, confirmation, status) add theirs in app/[locale]/termin/wunsch/layout.tsx. */
export const WAITLIST_CLIENT_NAMESPACES = [...CITIZEN_CLIENT_NAMESPACES, 'Waitlist'] as const;
export const CALL_DISPLAY_CLIENT_NAMESPACES = [...CITIZEN_CLIENT_NAMESPACES, 'CallDisplay'] as const;

export function pickNamespaces(messages: Record<string, unknown>, namespaces: readonly string[]) {
  return Object.fromEntries(namespaces.map((namespace) => [namespace, messages[namespace]]));
}
