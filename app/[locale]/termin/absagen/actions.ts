'use server';

import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formInput, formValues, translatedFieldErrors, type ActionState } from '@/lib/action-state';
import { cancelBooking } from '@/lib/booking/cancel';
import { issueChangeGrantCookie, readChangeGrantCookie } from '@/lib/booking/change-grant-cookie';
import { normalizeBookingCode } from '@/lib/booking/secrets';
import { verifyBookingPin } from '@/lib/booking/verify-pin';
import { clockFormat } from '@/lib/format';
import { clientAddress } from '@/lib/http/client-address';
import { redirect } from '@/lib/i18n/navigation';
import { routing, type Locale } from '@/lib/i18n/routing';
import { pinField, referenceCode } from '@/lib/validation/text';

const localeSchema = z.enum(routing.locales).catch(routing.defaultLocale);

const codeSchema = referenceCode({ normalize: normalizeBookingCode, pattern: /^[A-Z0-9]{4}-[A-Z0-9]{4}$/ });

const pinSchema = z.object({
  code: codeSchema,
  pin: pinField(),
  // Where the citizen goes once the PIN is right: the cancel page offers both choices, the reschedule page the calendar.
  purpose: z.enum(['cancel', 'reschedule']).catch('cancel'),
});

/**
 * Checks booking number and PIN (rate-limited, one answer for every failure). On success the browser
 * gets a short-lived grant cookie and moves on; the PIN itself never appears in a URL.
 */
export async function verifyBookingPinAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const raw = formValues(formData, 100);
  const input = formInput(formData);
  const locale: Locale = localeSchema.parse(raw.locale);
  // The PIN is not sent back into the page: a failed form shows the number again, never the PIN.
  const { pin: _pin, ...values } = raw;
  const t = await getTranslations({ locale, namespace: 'PinCheck' });
  const parsed = pinSchema.safeParse({ code: input.code ?? '', pin: input.pin ?? '', purpose: input.purpose });
  if (!parsed.success) return { ok: false, fieldErrors: translatedFieldErrors(parsed.error, (key) => t(`errors.${key}` as 'errors.codeInvalid')), values };

  const { code, pin, purpose } = parsed.data;
  const check = await verifyBookingPin({ code, pin, clientAddress: await clientAddress() });
  if (check.status === 'rate-limited') {
    const format = await getFormatter({ locale });
    const minutes = Math.ceil(check.retryAfterSeconds / 60);
    const time = format.dateTime(new Date(Date.now() + check.retryAfterSeconds * 1000), clockFormat);
    return { ok: false, formError: t('rateLimited', { minutes, time }), values };
  }
  if (check.status === 'invalid') return { ok: false, formError: t('invalid'), values };

  await issueChangeGrantCookie(check.grant);
  if (purpose === 'reschedule') redirect({ href: '/termin/verschieben', locale });
  redirect({ href: { pathname: '/termin/absagen', query: { nummer: code } }, locale });
  return { ok: true };
}

const cancelSchema = z.object({ locale: localeSchema, code: codeSchema });

/** Cancels the booking this browser proved the PIN of; the grant is checked again on the locked row. */
export async function cancelBookingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, 100);
  const locale: Locale = localeSchema.parse(values.locale);
  const parsed = cancelSchema.safeParse(values);
  if (!parsed.success) redirect({ href: '/termin/absagen', locale });
  const { code } = parsed.data!;

  const grant = await readChangeGrantCookie();
  const outcome = grant ? await cancelBooking({ code, grant }) : ({ status: 'invalid' } as const);
  switch (outcome.status) {
    case 'cancelled':
      redirect({ href: { pathname: '/termin/absagen', query: { nummer: code, abgesagt: '1' } }, locale });
      break;
    case 'invalid':
      redirect({ href: { pathname: '/termin/absagen', query: { nummer: code, hinweis: 'abgelaufen' } }, locale });
      break;
    default:
      // Cancelled or moved meanwhile, or already past: the page says which.
      redirect({ href: { pathname: '/termin/absagen', query: { nummer: code } }, locale });
  }
  return { ok: true };
}
