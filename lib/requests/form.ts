import { DateTime } from 'luxon';
import { z } from 'zod';
import type { BookableService } from '@/db/queries/availability';
import type { PreferredWindow } from '@/db/schema';
import type { Closure, WeeklyWindow } from '@/lib/slots';
import { cleanText, emailAddress, personName, phoneNumber } from '@/lib/validation/text';
import { MAX_PREFERENCES, openPartsOf, PARTS_OF_DAY, preferableDates } from './preferences';

/** One error beside one field: a message key (namespace `Errors` or `Request.errors`) and its values. */
export type RequestFormError = { field: string; key: string; values?: Record<string, string | number> };

export type RequestFormData = {
  services: { id: number; count: number }[];
  preferences: PreferredWindow[];
  contact: { name: string; email: string; phone: string | null };
  note: string | null;
};

export type RequestFormLocation = {
  timeZone: string;
  bookingHorizonDays: number;
  windows: readonly Pick<WeeklyWindow, 'weekday' | 'opensAt' | 'closesAt'>[];
  /** Closures in the horizon; a day inside one cannot be asked for. */
  closures?: readonly Closure[];
  services: readonly Pick<BookableService, 'id' | 'slug' | 'maxCount'>[];
};

// The same rules as the booking form's contact step, so a citizen meets one set of messages.
const contactSchema = z.object({
  name: personName(),
  email: emailAddress(),
  phone: phoneNumber(),
  note: cleanText({ max: 500, tooLong: 'noteTooLong', invalid: 'noteInvalid', multiLine: true }),
  consent: z.literal('on', { error: 'consentRequired' }),
});

const countSchema = z.coerce.number().int().min(0);
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => DateTime.fromISO(s).isValid);
const partSchema = z.enum(PARTS_OF_DAY);

/**
 * Checks the request form of one location: counts per service (`count_<slug>`), up to three preferred
 * days (`day1`…`day3`, each from tomorrow to the end of the booking horizon, on a weekday the office
 * opens, none twice) with a part of day (`part1`…`part3`), contact, note and consent.
 */
export function parseRequestForm(values: Record<string, string | undefined>, location: RequestFormLocation, now: Date): { ok: true; data: RequestFormData } | { ok: false; errors: RequestFormError[] } {
  const errors: RequestFormError[] = [];

  const services: RequestFormData['services'] = [];
  for (const service of location.services) {
    const field = `count_${service.slug}`;
    const raw = values[field];
    if (raw === undefined || raw === '') continue;
    const count = countSchema.safeParse(raw);
    if (!count.success) errors.push({ field, key: 'countInvalid' });
    else if (count.data > service.maxCount) errors.push({ field, key: 'countTooHigh', values: { max: service.maxCount } });
    else if (count.data > 0) services.push({ id: service.id, count: count.data });
  }
  if (services.length === 0 && !errors.some((e) => e.field.startsWith('count_'))) errors.push({ field: 'services', key: 'servicesRequired' });

  const { first, last } = preferableDates(location, now);
  const today = DateTime.fromJSDate(now, { zone: location.timeZone }).toISODate()!;
  const openWeekdays = new Set(location.windows.map((w) => w.weekday));
  const preferences: PreferredWindow[] = [];
  for (let n = 1; n <= MAX_PREFERENCES; n++) {
    const rawDate = (values[`day${n}`] ?? '').trim();
    if (rawDate === '') continue;
    const date = dateSchema.safeParse(rawDate);
    const part = partSchema.safeParse(values[`part${n}`] || 'any');
    if (!part.success) errors.push({ field: `part${n}`, key: 'partInvalid' });
    if (!date.success) {
      errors.push({ field: `day${n}`, key: 'dayInvalid' });
      continue;
    }
    const dayError = date.data < today ? { key: 'dayPast' }
      : date.data < first ? { key: 'dayTooEarly', values: { date: first } }
      : date.data > last ? { key: 'dayTooLate', values: { date: last } }
      : !openWeekdays.has(DateTime.fromISO(date.data).weekday) ? { key: 'dayClosed' }
      : (location.closures ?? []).some((c) => c.startsOn <= date.data && date.data <= c.endsOn) ? { key: 'dayClosed' }
      : preferences.some((p) => p.date === date.data) ? { key: 'dayTwice' }
      : null;
    const openParts = openPartsOf(location.windows.filter((w) => w.weekday === DateTime.fromISO(date.data).weekday));
    if (dayError) errors.push({ field: `day${n}`, ...dayError });
    else if (part.success && part.data !== 'any' && !openParts.includes(part.data)) errors.push({ field: `part${n}`, key: 'partClosed' });
    else if (part.success) preferences.push({ date: date.data, partOfDay: part.data });
  }
  if (preferences.length === 0 && !errors.some((e) => e.field.startsWith('day'))) errors.push({ field: 'day1', key: 'dayRequired' });

  const contact = contactSchema.safeParse({
    name: values.name ?? '',
    email: values.email ?? '',
    phone: values.phone ?? '',
    note: values.note ?? '',
    consent: values.consent,
  });
  if (!contact.success) {
    for (const issue of contact.error.issues) {
      const field = String(issue.path[0]);
      const values = issue.code === 'custom' ? (issue.params as Record<string, string> | undefined) : undefined;
      if (!errors.some((e) => e.field === field)) errors.push({ field, key: issue.message, ...(values && { values }) });
    }
  }

  if (errors.length > 0 || !contact.success) return { ok: false, errors };
  const { name, email, phone, note } = contact.data;
  return { ok: true, data: { services, preferences, contact: { name, email, phone: phone || null }, note: note || null } };
}
