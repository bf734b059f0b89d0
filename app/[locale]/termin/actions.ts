'use server';

import { DateTime } from 'luxon';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { loadLocationForBooking } from '@/db/queries/availability';
import { availabilityCache } from '@/lib/booking/availability-cache';
import { confirmHold, countFutureBookings, extendHold, findBookingByTokenHash, releaseHold, saveHoldContact } from '@/db/queries/bookings';
import { hitRateLimit, readRateLimit } from '@/db/queries/rate-limits';
import { checkHoldChallenge } from '@/lib/abuse/challenge';
import { formInput, formValues, translatedFieldErrors, type ActionState } from '@/lib/action-state';
import { formatChoiceParam, parseChoiceParam, resolveChoice } from '@/lib/booking/choice';
import { holdSlot } from '@/lib/booking/hold';
import { HOLD_EXTENSION_MINUTES } from '@/lib/booking/hold-policy';
import { issueHoldToken, readHoldToken, takePendingHoldToken } from '@/lib/booking/hold-cookie';
import { generatePin, sealPin } from '@/lib/booking/secrets';
import { hashPin } from '@/lib/secrets/pin-hash';
import { enqueueMail } from '@/lib/mail/outbox';
import { env } from '@/lib/env';
import { clientAddress } from '@/lib/http/client-address';
import { redirect } from '@/lib/i18n/navigation';
import { routing, type Locale } from '@/lib/i18n/routing';
import { emailAddress, personName, phoneNumber } from '@/lib/validation/text';

const localeSchema = z.enum(routing.locales).catch(routing.defaultLocale);
const countSchema = z.coerce.number({ error: 'countInvalid' }).int({ error: 'countInvalid' }).min(0, { error: 'countInvalid' });

/** Step 1: validates the chosen services and counts, then moves on to the time with the choice in the URL. */
export async function chooseServicesAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const locale: Locale = localeSchema.parse(values.locale);
  const t = await getTranslations({ locale, namespace: 'Errors' });
  const location = await loadLocationForBooking({ slug: String(values.location ?? '') });
  if (!location || location.mode !== 'booking') return { ok: false, formError: t('generic'), values };

  const fieldErrors: Record<string, string[]> = {};
  const chosen: { slug: string; count: number }[] = [];
  for (const service of location.services) {
    const raw = values[`count_${service.slug}`];
    if (raw === undefined || raw === '') continue;
    const parsed = countSchema.safeParse(raw);
    if (!parsed.success) fieldErrors[`count_${service.slug}`] = [t('countInvalid')];
    else if (parsed.data > service.maxCount) fieldErrors[`count_${service.slug}`] = [t('countTooHigh', { max: service.maxCount })];
    else if (parsed.data > 0) chosen.push({ slug: service.slug, count: parsed.data });
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors, values };
  if (chosen.length === 0) return { ok: false, formError: t('servicesRequired'), values };

  redirect({ href: { pathname: '/termin/zeit', query: { standort: location.slug, leistungen: formatChoiceParam(chosen) } }, locale });
  return { ok: true };
}

const holdSchema = z.object({
  locale: localeSchema,
  location: z.string().min(1).max(100),
  services: z.string().min(1).max(500),
  start: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
});

/**
 * Step 2: holds the chosen start for this browser. Every outcome is a redirect, so the page works the
 * same with and without JavaScript: on to the details, or back to the times with a plain message.
 */
export async function holdSlotAction(formData: FormData): Promise<void> {
  const parsed = holdSchema.safeParse(formValues(formData));
  const locale: Locale = parsed.success ? parsed.data.locale : localeSchema.parse(formData.get('locale'));
  if (!parsed.success) redirect({ href: '/termin', locale });
  const { location: slug, services: choiceParam, start } = parsed.data!;
  const back = (hinweis: string, extra: Record<string, string> = {}) =>
    redirect({ href: { pathname: '/termin/zeit', query: { standort: slug, leistungen: choiceParam, hinweis, ...extra } }, locale });

  // The office's data as the time page had it (cached until PostgreSQL reports a change); the hold itself checks uncached.
  const location = await (await availabilityCache().snapshot()).location(slug);
  const services = location && location.mode === 'booking' ? resolveChoice(location.services, parseChoiceParam(choiceParam)) : null;
  if (!location || !services) return redirect({ href: '/termin', locale });

  const limit = await hitRateLimit({ key: `hold:${await clientAddress()}`, limit: env.HOLDS_PER_CLIENT_PER_HOUR, windowSeconds: 3600 });
  if (!limit.allowed) return back('limit', { warten: String(Math.ceil(limit.retryAfterSeconds / 60)) });
  // Bots racing for a release pay a proof-of-work per hold, bound to the token this hold will carry; each solution is spent once (lib/abuse/challenge.ts).
  const pending = location.requireChallenge ? await takePendingHoldToken() : null;
  if (location.requireChallenge && (await checkHoldChallenge({ payload: formInput(formData).altcha, location: location.slug, holdTokenHash: pending?.tokenHash })) !== 'ok') return back('pruefung');

  // A browser holds one time at once: picking another releases the previous hold.
  const previous = await readHoldToken();
  const earlier = previous ? await findBookingByTokenHash({ tokenHash: previous.tokenHash }) : null;
  if (previous) await releaseHold({ tokenHash: previous.tokenHash });
  const { tokenHash } = await issueHoldToken(pending?.token);
  const outcome = await holdSlot({ location, services, start, tokenHash, locale });
  const day = DateTime.fromJSDate(start, { zone: location.timeZone }).toISODate()!;
  if (!outcome.ok) return back('vergeben', { tag: day, zeit: start.toISOString() });
  // Details typed for a reservation that ran out or was given up come along to the new one (not after a booking).
  if (earlier && (earlier.status === 'held' || earlier.status === 'expired') && earlier.name && earlier.email) {
    await saveHoldContact({ tokenHash, contact: { name: earlier.name, email: earlier.email, phone: earlier.phone }, locale });
  }
  redirect({ href: '/termin/daten', locale });
}

const contactSchema = z.object({
  name: personName(),
  email: emailAddress(),
  phone: phoneNumber(),
  consent: z.literal('on', { error: 'consentRequired' }),
});

/** Step 3: stores name, email and phone on the running hold, then shows the review. */
export async function saveContactAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, 300);
  const input = formInput(formData);
  const locale: Locale = localeSchema.parse(values.locale);
  const t = await getTranslations({ locale, namespace: 'Errors' });
  const parsed = contactSchema.safeParse({ name: input.name ?? '', email: input.email ?? '', phone: input.phone ?? '', consent: input.consent });
  if (!parsed.success) return { ok: false, fieldErrors: translatedFieldErrors(parsed.error, (key, values) => t(key as 'nameCharacter', values as { character: string })), values };

  const hold = await readHoldToken();
  const held = hold ? await findBookingByTokenHash({ tokenHash: hold.tokenHash }) : null;
  // Another window of this browser reserved another time since this page was shown: say so, save nothing.
  if (held && values.reservation && held.code !== values.reservation) redirect({ href: { pathname: '/termin/daten', query: { hinweis: 'anderes-fenster' } }, locale });
  // The cap on future bookings per address is told now, not after the review (the last step checks again).
  if (held && (await countFutureBookings({ email: parsed.data.email })) >= held.location.maxFutureBookingsPerEmail) {
    const tReview = await getTranslations({ locale, namespace: 'Booking.review' });
    return { ok: false, fieldErrors: { email: [tReview('limitReached', { max: held.location.maxFutureBookingsPerEmail })] }, values };
  }
  const saved = hold && (await saveHoldContact({ tokenHash: hold.tokenHash, contact: { ...parsed.data, phone: parsed.data.phone || null }, locale }));
  if (!saved) redirect({ href: '/termin/daten', locale });
  redirect({ href: '/termin/pruefen', locale });
  return { ok: true };
}

/** Gives the running hold more time, once (WCAG 2.2.1: the user can extend a time limit). */
export async function extendHoldAction(formData: FormData): Promise<void> {
  const locale: Locale = localeSchema.parse(formData.get('locale'));
  const hold = await readHoldToken();
  const extended = hold ? await extendHold({ tokenHash: hold.tokenHash, minutes: HOLD_EXTENSION_MINUTES }) : false;
  redirect({ href: { pathname: '/termin/daten', query: { verlaengert: extended ? '1' : '0' } }, locale });
}

/** Step 4: books the held time exactly once; a second submit lands on the same confirmation. */
export async function confirmBookingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, 100);
  const locale: Locale = localeSchema.parse(values.locale);
  const hold = await readHoldToken();
  const booking = hold ? await findBookingByTokenHash({ tokenHash: hold.tokenHash }) : null;
  if (!hold || !booking) redirect({ href: '/termin', locale });
  // Another window of this browser reserved another time since this page was shown: say so, book nothing.
  if (values.reservation && values.reservation !== booking!.code) redirect({ href: { pathname: '/termin/daten', query: { hinweis: 'anderes-fenster' } }, locale });

  // Counted only when a booking is made, so a double submit or a refused confirm costs the citizen nothing.
  const perClientKey = `confirm:${await clientAddress()}:${booking!.location.slug}`;
  if ((await readRateLimit({ key: perClientKey, windowSeconds: 3600 })).hits >= env.BOOKINGS_PER_CLIENT_PER_HOUR) {
    const t = await getTranslations({ locale, namespace: 'Booking.review' });
    return { ok: false, formError: t('clientLimitReached', { max: env.BOOKINGS_PER_CLIENT_PER_HOUR }), values };
  }
  const pin = generatePin();
  const result = await confirmHold({
    tokenHash: hold!.tokenHash,
    // The hold token names one row, so this is the id the hold becomes the booking under.
    pinHash: hashPin({ scope: 'booking', id: booking!.id, pin }),
    pinSealed: sealPin(pin, hold!.token),
    maxFutureBookingsPerEmail: booking!.location.maxFutureBookingsPerEmail,
    afterConfirm: async (tx, confirmed) => {
      await enqueueMail(tx, { kind: 'booking-confirmed', bookingId: confirmed.id, pin });
    },
  });
  const t = await getTranslations({ locale, namespace: 'Booking.review' });
  switch (result.status) {
    case 'limit-reached':
      return { ok: false, formError: t('limitReached', { max: booking!.location.maxFutureBookingsPerEmail }), values };
    case 'missing-contact':
      redirect({ href: '/termin/daten', locale });
      break;
    case 'expired':
      redirect({ href: '/termin/daten', locale });
      break;
    default:
      if (result.status === 'confirmed') await hitRateLimit({ key: perClientKey, limit: env.BOOKINGS_PER_CLIENT_PER_HOUR, windowSeconds: 3600 });
      redirect({ href: { pathname: '/termin/bestaetigung', query: { nummer: booking!.code } }, locale });
  }
  return { ok: true };
}
