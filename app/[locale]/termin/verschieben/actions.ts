'use server';

import { DateTime } from 'luxon';
import { z } from 'zod';
import { loadLocationForBooking } from '@/db/queries/availability';
import { extendHold, releaseHold } from '@/db/queries/bookings';
import { hitRateLimit } from '@/db/queries/rate-limits';
import { checkHoldChallenge } from '@/lib/abuse/challenge';
import { formInput, formValues, type ActionState } from '@/lib/action-state';
import { clearChangeGrantCookie, readChangeGrantCookie } from '@/lib/booking/change-grant-cookie';
import { changeStateOf } from '@/lib/booking/change-state';
import { holdSlot } from '@/lib/booking/hold';
import { issueHoldToken, readHoldToken, takePendingHoldToken } from '@/lib/booking/hold-cookie';
import { HOLD_EXTENSION_MINUTES } from '@/lib/booking/hold-policy';
import { rescheduleBooking, servicesToMove } from '@/lib/booking/reschedule';
import { verifiedBooking } from '@/lib/booking/verified-booking';
import { env } from '@/lib/env';
import { redirect } from '@/lib/i18n/navigation';
import { routing, type Locale } from '@/lib/i18n/routing';

const localeSchema = z.enum(routing.locales).catch(routing.defaultLocale);

const holdSchema = z.object({
  locale: localeSchema,
  start: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
});

/**
 * Holds a new time for the booking this browser proved the PIN of: a normal hold with a fresh hold token,
 * for the same services at the same location. Every outcome is a redirect (works without JavaScript).
 */
export async function holdNewTimeAction(formData: FormData): Promise<void> {
  const parsed = holdSchema.safeParse(formValues(formData, 100));
  const locale: Locale = parsed.success ? parsed.data.locale : localeSchema.parse(formData.get('locale'));
  if (!parsed.success) redirect({ href: '/termin/verschieben', locale });
  const { start } = parsed.data!;

  const booking = await verifiedBooking();
  if (!booking) return redirect({ href: { pathname: '/termin/verschieben', query: { hinweis: 'pin' } }, locale });
  const location = await loadLocationForBooking({ slug: booking.location.slug });
  const services = servicesToMove(location, booking);
  if (!location || !services || changeStateOf(booking) !== 'changeable') return redirect({ href: '/termin/verschieben', locale });

  // Counted per booking, not per address: moving an appointment should not use up the address's holds.
  const limit = await hitRateLimit({ key: `hold:move:${booking.id}`, limit: env.HOLDS_PER_CLIENT_PER_HOUR, windowSeconds: 3600 });
  if (!limit.allowed) return redirect({ href: { pathname: '/termin/verschieben', query: { hinweis: 'limit', warten: String(Math.ceil(limit.retryAfterSeconds / 60)) } }, locale });

  // The same proof-of-work as a first booking: otherwise one real booking would let a bot grab released times.
  const pending = location.requireChallenge ? await takePendingHoldToken() : null;
  if (location.requireChallenge && (await checkHoldChallenge({ payload: formInput(formData).altcha, location: location.slug, holdTokenHash: pending?.tokenHash })) !== 'ok') {
    return redirect({ href: { pathname: '/termin/verschieben', query: { hinweis: 'pruefung' } }, locale });
  }

  const previous = await readHoldToken();
  if (previous) await releaseHold({ tokenHash: previous.tokenHash });
  const { tokenHash } = await issueHoldToken(pending?.token);
  const outcome = await holdSlot({ location, services, start, tokenHash, locale });
  if (!outcome.ok) {
    const day = DateTime.fromJSDate(start, { zone: location.timeZone }).toISODate()!;
    return redirect({ href: { pathname: '/termin/verschieben', query: { hinweis: 'vergeben', monat: day.slice(0, 7), tag: day, zeit: start.toISOString() } }, locale });
  }
  redirect({ href: '/termin/verschieben/pruefen', locale });
}

/** Gives the held new time more minutes, once (WCAG 2.2.1). */
export async function extendNewTimeAction(formData: FormData): Promise<void> {
  const locale: Locale = localeSchema.parse(formData.get('locale'));
  const hold = await readHoldToken();
  const extended = hold ? await extendHold({ tokenHash: hold.tokenHash, minutes: HOLD_EXTENSION_MINUTES }) : false;
  redirect({ href: { pathname: '/termin/verschieben/pruefen', query: { verlaengert: extended ? '1' : '0' } }, locale });
}

const confirmSchema = z.object({ locale: localeSchema, code: z.string().min(1).max(30) });

/** Moves the booking to the held time, exactly once; a second submit lands on the same confirmation. */
export async function confirmRescheduleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, 100);
  const locale: Locale = localeSchema.parse(values.locale);
  const parsed = confirmSchema.safeParse(values);
  if (!parsed.success) redirect({ href: '/termin/verschieben', locale });

  const [grant, hold] = await Promise.all([readChangeGrantCookie(), readHoldToken()]);
  if (!grant) redirect({ href: { pathname: '/termin/verschieben', query: { hinweis: 'pin' } }, locale });
  if (!hold) redirect({ href: '/termin/verschieben', locale });
  const outcome = await rescheduleBooking({ code: parsed.data!.code, grant: grant!, holdToken: hold!.token });
  switch (outcome.status) {
    case 'rescheduled':
    case 'already-rescheduled':
      // The grant was for the old booking, which is cancelled now.
      await clearChangeGrantCookie();
      redirect({ href: { pathname: '/termin/verschieben/bestaetigung', query: { nummer: outcome.code } }, locale });
      break;
    case 'invalid':
      redirect({ href: { pathname: '/termin/verschieben', query: { hinweis: 'pin' } }, locale });
      break;
    case 'hold-expired':
    case 'hold-mismatch':
      redirect({ href: { pathname: '/termin/verschieben', query: { hinweis: 'abgelaufen' } }, locale });
      break;
    default:
      redirect({ href: '/termin/verschieben', locale });
  }
  return { ok: true };
}
