import { DateTime } from 'luxon';
import { z } from 'zod';
import type { WishPart } from '@/db/schema';
import { emailAddress, personName } from '@/lib/validation/text';

/** One error beside one field: a message key (namespace `Errors` or `Waitlist.errors`) and its values. */
export type WishFormError = { field: string; key: string; values?: Record<string, string | number> };

export type WishFormOffice = { id: number; slug: string; name: string; services: readonly { id: number; maxCount: number }[] };
export type WishFormService = { id: number; slug: string; name: string };

export type WishFormData = {
  locationIds: number[];
  items: { serviceId: number; count: number }[];
  earliestDate: string;
  latestDate: string;
  weekdays: number[];
  parts: WishPart[];
  name: string;
  email: string;
  locale: 'de' | 'en';
};

export const WISH_PARTS = ['morning', 'afternoon'] as const satisfies readonly WishPart[];

const contactSchema = z.object({ name: personName(), email: emailAddress(), consent: z.literal('on', { error: 'consentRequired' }) });
const countSchema = z.coerce.number().int().min(0);
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => DateTime.fromISO(s).isValid);

/**
 * Checks the wish form: offices (`office_<slug>`), counts per service (`count_<slug>`, every chosen office must
 * offer each chosen service, within its maximum), the period (`earliest`, `latest`, from `first` to `last`),
 * weekdays (`weekday_1`…`weekday_7`), parts of day (`part_morning`, `part_afternoon`), name, email, the mail
 * language (`mailLocale`) and consent.
 */
export function parseWishForm(
  values: Record<string, string | undefined>,
  { offices, services, first, last }: { offices: readonly WishFormOffice[]; services: readonly WishFormService[]; first: string; last: string },
): { ok: true; data: WishFormData } | { ok: false; errors: WishFormError[] } {
  const errors: WishFormError[] = [];
  const chosenOffices = offices.filter((o) => values[`office_${o.slug}`] === 'on');
  if (chosenOffices.length === 0) errors.push({ field: 'offices', key: 'officesRequired' });

  const items: WishFormData['items'] = [];
  for (const service of services) {
    const field = `count_${service.slug}`;
    const raw = values[field];
    if (raw === undefined || raw === '') continue;
    const count = countSchema.safeParse(raw);
    if (!count.success) {
      errors.push({ field, key: 'countInvalid' });
      continue;
    }
    if (count.data === 0) continue;
    const lacking = chosenOffices.find((o) => !o.services.some((s) => s.id === service.id));
    const max = Math.min(...chosenOffices.map((o) => o.services.find((s) => s.id === service.id)?.maxCount ?? Infinity));
    if (lacking) errors.push({ field, key: 'officeLacksService', values: { office: lacking.name, service: service.name } });
    else if (count.data > max) errors.push({ field, key: 'countTooHigh', values: { max } });
    else items.push({ serviceId: service.id, count: count.data });
  }
  if (items.length === 0 && !errors.some((e) => e.field.startsWith('count_'))) errors.push({ field: 'services', key: 'servicesRequired' });

  const checkDate = (field: 'earliest' | 'latest', fallback: string): string | null => {
    const raw = (values[field] ?? '').trim() || fallback;
    const date = dateSchema.safeParse(raw);
    if (!date.success) errors.push({ field, key: 'dateInvalid' });
    else if (date.data < first) errors.push({ field, key: 'dateTooEarly', values: { date: first } });
    else if (date.data > last) errors.push({ field, key: 'dateTooLate', values: { date: last } });
    else return date.data;
    return null;
  };
  const earliestDate = checkDate('earliest', first);
  const latestDate = checkDate('latest', last);
  if (earliestDate && latestDate && latestDate < earliestDate) errors.push({ field: 'latest', key: 'latestBeforeEarliest' });

  const weekdays = [1, 2, 3, 4, 5, 6, 7].filter((n) => values[`weekday_${n}`] === 'on');
  if (weekdays.length === 0) errors.push({ field: 'weekdays', key: 'weekdaysRequired' });
  const parts = WISH_PARTS.filter((p) => values[`part_${p}`] === 'on');
  if (parts.length === 0) errors.push({ field: 'parts', key: 'partsRequired' });

  const contact = contactSchema.safeParse({ name: values.name ?? '', email: values.email ?? '', consent: values.consent });
  if (!contact.success) {
    for (const issue of contact.error.issues) {
      const field = String(issue.path[0]);
      const params = issue.code === 'custom' ? (issue.params as Record<string, string> | undefined) : undefined;
      if (!errors.some((e) => e.field === field)) errors.push({ field, key: issue.message, ...(params && { values: params }) });
    }
  }
  if (errors.length > 0 || !contact.success || !earliestDate || !latestDate) return { ok: false, errors };
  return {
    ok: true,
    data: {
      locationIds: chosenOffices.map((o) => o.id),
      items,
      earliestDate,
      latestDate,
      weekdays,
      parts,
      name: contact.data.name,
      email: contact.data.email,
      locale: values.mailLocale === 'en' ? 'en' : 'de',
    },
  };
}

/** Parses the changeable part of a wish (period, weekdays, parts of day) with the same rules. */
export function parseWishWindow(values: Record<string, string | undefined>, bounds: { first: string; last: string }) {
  const parsed = parseWishForm(
    { ...values, office_x: 'on', count_x: '1', name: 'Erika Muster', email: 'x@example.org', consent: 'on' },
    { offices: [{ id: 0, slug: 'x', name: '', services: [{ id: 0, maxCount: 1 }] }], services: [{ id: 0, slug: 'x', name: '' }], ...bounds },
  );
  if (!parsed.ok) return parsed;
  const { earliestDate, latestDate, weekdays, parts } = parsed.data;
  return { ok: true as const, data: { earliestDate, latestDate, weekdays, parts } };
}
