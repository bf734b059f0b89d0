import type { AuditEntry } from '@/db/queries/admin-audit';
import { pick } from '@/lib/format';

/** Message keys of `Admin.audit.sentences`; an action without its own sentence falls back to `other`. */
const SENTENCES = [
  'sign-in', 'sign-in-failed',
  'booking-created', 'booking-cancelled', 'booking-moved', 'booking-checked_in', 'booking-done', 'booking-no_show', 'booking-status-undone', 'booking-note', 'booking-counter-changed',
  'request-confirmed', 'request-declined', 'request-withdrawn',
  'staff-created', 'staff-activated', 'staff-deactivated', 'staff-password-reset', 'staff-role-changed',
  'closure-created', 'closure-deleted',
  'opening-hours-added', 'opening-hours-removed', 'opening-hours-changed',
  'counter-added', 'counter-renamed', 'counter-activated', 'counter-deactivated',
  'office-settings-changed', 'service-created', 'service-updated', 'document-created', 'document-updated',
  'mail-resent',
] as const;

export type AuditSentenceKey = (typeof SENTENCES)[number] | 'other';

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const clock = (value: unknown) => text(value).slice(0, 5);
const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);

/**
 * One audit entry as a message key and its values: numbers and names instead of ids, no JSON. `label`
 * translates the few coded values (statuses, roles, weekdays) in the reader's language.
 */
export function auditSentence(entry: AuditEntry, locale: string, label: { status: (s: string) => string; role: (r: string) => string; weekday: (n: number) => string }): { key: AuditSentenceKey; values: Record<string, string> } {
  const d = entry.details ?? {};
  const key = (SENTENCES as readonly string[]).includes(entry.action) ? (entry.action as AuditSentenceKey) : 'other';
  const countersOpen = d.countersOpen && typeof d.countersOpen === 'object' ? (d.countersOpen as { to?: unknown }).to : d.countersOpen;
  const values: Record<string, string> = {
    action: entry.action,
    code: entry.subject.code ?? '—',
    otherCode: entry.subject.otherCode ?? (text(d.bookingCode) || '—'),
    reason: text(d.reason) || '—',
    source: text(d.source) || 'online',
    from: DESK.has(text(d.from)) ? label.status(text(d.from)) : text(d.from),
    to: DESK.has(text(d.to)) ? label.status(text(d.to)) : text(d.to),
    email: entry.subject.name ?? (text(d.email) || '—'),
    role: d.role ? label.role(text(d.role)) : '',
    location: entry.subject.location ? pick(entry.subject.location, locale) : '—',
    name: entry.subject.service ? pick(entry.subject.service, locale) : (entry.subject.name ?? ((d.name && typeof d.name === 'object' ? pick(d.name as { de: string; en: string }, locale) : text(d.name)) || '—')),
    startsOn: text(d.startsOn),
    endsOn: text(d.endsOn),
    weekday: typeof d.weekday === 'number' ? label.weekday(d.weekday) : '',
    opensAt: clock(d.opensAt),
    closesAt: clock(d.closesAt),
    countersOpen: text(countersOpen),
    affected: String(count(d.cancelledBookingIds) + count(d.movedBookingIds)),
  };
  return { key, values };
}

const DESK = new Set(['booked', 'checked_in', 'done', 'no_show', 'cancelled']);
