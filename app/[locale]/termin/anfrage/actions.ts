'use server';

import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { loadClosures, loadLocationForBooking } from '@/db/queries/availability';
import { hitRateLimit } from '@/db/queries/rate-limits';
import { formInput, formValues, type ActionState } from '@/lib/action-state';
import { clockFormat } from '@/lib/format';
import { clientAddress } from '@/lib/http/client-address';
import { redirect } from '@/lib/i18n/navigation';
import { routing, type Locale } from '@/lib/i18n/routing';
import { parseRequestForm } from '@/lib/requests/form';
import { preferableDates } from '@/lib/requests/preferences';
import { rememberRequest } from '@/lib/requests/receipt-cookie';
import { normalizeRequestCode, REQUEST_CODE_PATTERN } from '@/lib/requests/reference';
import { REQUESTS_PER_CLIENT_PER_HOUR, submitRequest } from '@/lib/requests/submit';
import { withdrawRequest } from '@/lib/requests/withdraw';
import { pinField, referenceCode } from '@/lib/validation/text';

const localeSchema = z.enum(routing.locales).catch(routing.defaultLocale);

// Message keys of the shared `Errors` namespace; everything else is under `Request.errors`.
const SHARED_ERRORS = new Set(['nameRequired', 'nameTooLong', 'nameInvalid', 'nameCharacter', 'emailInvalid', 'phoneInvalid', 'consentRequired', 'servicesRequired', 'countInvalid', 'countTooHigh']);

/**
 * Sends an appointment request to a branch office. Errors come back beside the fields with the typed
 * values; on success (or for a resubmitted form) the browser gets number and PIN in a short-lived
 * httpOnly cookie and moves on to the confirmation page, so neither appears in a URL. Each request sends a
 * mail to the address typed in, so one client address may send only a few per hour.
 */
export async function submitRequestAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, 600);
  const input = formInput(formData);
  const locale: Locale = localeSchema.parse(values.locale);
  // Messages are loaded only for an answer that shows them: the success path goes straight on.
  const tShared = () => getTranslations({ locale, namespace: 'Errors' });
  const location = await loadLocationForBooking({ slug: String(values.location ?? '').slice(0, 100) });
  if (!location || location.mode !== 'request') return { ok: false, formError: (await tShared())('generic'), values };

  const now = new Date();
  const { first, last } = preferableDates(location, now);
  const closures = await loadClosures({ locationId: location.id, from: first, to: last });
  const parsed = parseRequestForm(input, { ...location, closures }, now);
  if (!parsed.ok) {
    const [format, tErrors, tRequest] = await Promise.all([getFormatter({ locale }), tShared(), getTranslations({ locale, namespace: 'Request.errors' })]);
    const fieldErrors: Record<string, string[]> = {};
    for (const { field, key, values: params = {} } of parsed.errors) {
      const date = typeof params.date === 'string' ? format.dateTime(new Date(`${params.date}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' }) : undefined;
      const message = SHARED_ERRORS.has(key) ? tErrors(key as 'countTooHigh', { max: params.max ?? 0, character: String(params.character ?? '') } as { max: number }) : tRequest(key as 'dayTooLate', { date: date ?? '' });
      fieldErrors[field] ??= [message];
    }
    return { ok: false, fieldErrors, values };
  }

  const limit = await hitRateLimit({ key: `request:client:${await clientAddress()}`, limit: REQUESTS_PER_CLIENT_PER_HOUR, windowSeconds: 3600 });
  if (!limit.allowed) {
    const [format, t] = await Promise.all([getFormatter({ locale }), getTranslations({ locale, namespace: 'Request.withdraw' })]);
    const time = format.dateTime(new Date(Date.now() + limit.retryAfterSeconds * 1000), clockFormat);
    return { ok: false, formError: t('rateLimited', { minutes: Math.ceil(limit.retryAfterSeconds / 60), time }), values };
  }
  const outcome = await submitRequest({ location, ...parsed.data, locale });
  await rememberRequest(outcome.status === 'created' ? { code: outcome.code, receiptToken: outcome.receiptToken } : { code: outcome.code });
  redirect({ href: '/termin/anfrage/bestaetigung', locale });
  return { ok: true };
}

const withdrawSchema = z.object({
  code: referenceCode({ normalize: normalizeRequestCode, pattern: REQUEST_CODE_PATTERN }),
  pin: pinField(),
});

export type WithdrawState = ActionState<{ code: string; message: string; withdrawn: boolean }>;

/** Withdraws an open request with number and PIN; rate-limited, one answer for an unknown number and a wrong PIN. */
export async function withdrawRequestAction(_prev: WithdrawState, formData: FormData): Promise<WithdrawState> {
  const raw = formValues(formData, 100);
  const input = formInput(formData);
  const locale: Locale = localeSchema.parse(raw.locale);
  // The PIN is never sent back into the page.
  const { pin: _pin, ...values } = raw;
  const t = await getTranslations({ locale, namespace: 'Request.withdraw' });
  const parsed = withdrawSchema.safeParse({ code: input.code ?? '', pin: input.pin ?? '' });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= [t(`errors.${issue.message}` as 'errors.codeInvalid')];
    return { ok: false, fieldErrors, values };
  }

  const outcome = await withdrawRequest({ ...parsed.data, clientAddress: await clientAddress() });
  switch (outcome.status) {
    case 'rate-limited': {
      const format = await getFormatter({ locale });
      const time = format.dateTime(new Date(Date.now() + outcome.retryAfterSeconds * 1000), clockFormat);
      return { ok: false, formError: t('rateLimited', { minutes: Math.ceil(outcome.retryAfterSeconds / 60), time }), values };
    }
    case 'invalid':
      return { ok: false, formError: t('invalid'), values };
    case 'not-open':
      return { ok: true, data: { code: outcome.code, withdrawn: false, message: t(`notOpen.${outcome.current}`) } };
    case 'withdrawn':
      return { ok: true, data: { code: outcome.code, withdrawn: true, message: t('doneText', { code: outcome.code }) } };
  }
}
