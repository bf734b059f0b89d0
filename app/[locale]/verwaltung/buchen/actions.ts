'use server';

import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { loadLocationForBooking } from '@/db/queries/availability';
import { formInput, formValues, translatedFieldErrors, type ActionState } from '@/lib/action-state';
import { requireStaff, StaffAccessError } from '@/lib/auth/staff-session';
import { parseChoiceParam, resolveChoice } from '@/lib/booking/choice';
import { redirect } from '@/lib/i18n/navigation';
import { routing, type Locale } from '@/lib/i18n/routing';
import { moveBookingForCitizen } from '@/lib/staff/move-booking';
import { bookForCitizen } from '@/lib/staff/walk-in';
import { emailAddress, personName, phoneNumber } from '@/lib/validation/text';

const localeSchema = z.enum(routing.locales).catch(routing.defaultLocale);

const schema = z.object({
  // Hidden fields: a bad value is a tampered form, answered with the generic message.
  location: z.string().min(1, { error: 'generic' }).max(100, { error: 'generic' }),
  services: z.string().min(1, { error: 'generic' }).max(500, { error: 'generic' }),
  start: z.iso.datetime({ offset: true, error: 'timeRequired' }),
  name: personName(),
  email: emailAddress({ optional: true }),
  phone: phoneNumber(),
  // The caller's language for the confirmation mail, chosen by the clerk; not the clerk's own page language.
  mailLocale: z.enum(routing.locales, { error: 'generic' }),
});

export type WalkInBooked = { code: string; pin: string; email: string; start: string; end: string; mailLocale: Locale };

/** Books for a caller or walk-in; the same reservation path and constraint as online bookings. */
export async function bookForCitizenAction(_prev: ActionState<WalkInBooked>, formData: FormData): Promise<ActionState<WalkInBooked>> {
  const values = formValues(formData, 300);
  const locale: Locale = localeSchema.parse(values.locale);
  let actor;
  try {
    actor = await requireStaff();
  } catch (error) {
    if (error instanceof StaffAccessError && error.reason === 'signed-out') redirect({ href: { pathname: '/verwaltung', query: { abgemeldet: '1' } }, locale });
    throw error;
  }
  const t = await getTranslations({ locale, namespace: 'Errors' });
  const tWalkIn = await getTranslations({ locale, namespace: 'WalkIn' });
  const input = formInput(formData);
  const parsed = schema.safeParse({ ...input, email: input.email ?? '', phone: input.phone ?? '', name: input.name ?? '', mailLocale: input.mailLocale ?? locale });
  if (!parsed.success) {
    return { ok: false, fieldErrors: translatedFieldErrors(parsed.error, (key, values) => (key === 'timeRequired' ? tWalkIn('timeRequired') : t(key as 'nameCharacter', values as { character: string }))), values };
  }
  const location = await loadLocationForBooking({ slug: parsed.data.location });
  const services = location ? resolveChoice(location.services, parseChoiceParam(parsed.data.services)) : null;
  if (!location || !services) return { ok: false, formError: t('generic'), values };
  const result = await bookForCitizen({
    actor,
    location,
    services,
    start: new Date(parsed.data.start),
    contact: { name: parsed.data.name, email: parsed.data.email || null, phone: parsed.data.phone || null },
    locale: parsed.data.mailLocale,
  });
  if (!result.ok) return { ok: false, formError: tWalkIn(result.reason === 'forbidden' ? 'otherOfficeBooking' : 'taken'), values };
  const { code, pin, start, end } = result;
  return { ok: true, data: { code, pin, email: parsed.data.email, start: start.toISOString(), end: end.toISOString(), mailLocale: parsed.data.mailLocale } };
}

const moveSchema = z.object({
  bookingId: z.coerce.number().int().positive(),
  start: z.iso.datetime({ offset: true, error: 'timeRequired' }),
});

/** Moves a booking for the citizen (e.g. on the phone); the citizen gets the rescheduling mail with a new PIN. */
export async function moveBookingByStaffAction(_prev: ActionState<{ code: string; start: string }>, formData: FormData): Promise<ActionState<{ code: string; start: string }>> {
  const values = formValues(formData, 300);
  const locale: Locale = localeSchema.parse(values.locale);
  let actor;
  try {
    actor = await requireStaff();
  } catch (error) {
    if (error instanceof StaffAccessError && error.reason === 'signed-out') redirect({ href: { pathname: '/verwaltung', query: { abgemeldet: '1' } }, locale });
    throw error;
  }
  // Translations are loaded only for an answer that needs words.
  const tWalkIn = () => getTranslations({ locale, namespace: 'WalkIn' });
  const parsed = moveSchema.safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: { start: [(await tWalkIn())('timeRequired')] }, values };
  const outcome = await moveBookingForCitizen({ actor, bookingId: parsed.data.bookingId, start: new Date(parsed.data.start) });
  if (!outcome.ok) return { ok: false, formError: (await tWalkIn())(outcome.reason === 'taken' ? 'taken' : outcome.reason === 'forbidden' ? 'otherOffice' : 'notChangeable'), values };
  return { ok: true, data: { code: outcome.code, start: parsed.data.start } };
}
