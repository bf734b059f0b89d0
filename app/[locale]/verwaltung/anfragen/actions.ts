'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formInput, formValues, type ActionState } from '@/lib/action-state';
import { requireStaff, StaffAccessError, type StaffUser } from '@/lib/auth/staff-session';
import { redirect } from '@/lib/i18n/navigation';
import { routing, type Locale } from '@/lib/i18n/routing';
import { confirmRequest, declineRequest } from '@/lib/requests/staff';
import { cleanText } from '@/lib/validation/text';

const localeSchema = z.enum(routing.locales).catch(routing.defaultLocale);

/** No session → the sign-in page. The domain functions check session and location again, beside the data. */
async function staffOrSignIn(locale: Locale): Promise<StaffUser> {
  try {
    return await requireStaff();
  } catch (error) {
    if (error instanceof StaffAccessError && error.reason === 'signed-out') redirect({ href: { pathname: '/verwaltung', query: { abgemeldet: '1' } }, locale });
    throw error;
  }
}

/** Back to the list of the office the clerk was looking at, with a notice. */
function backToList(locale: Locale, location: string, query: Record<string, string>): never {
  revalidatePath('/[locale]/verwaltung/anfragen', 'page');
  redirect({ href: { pathname: '/verwaltung/anfragen', query: { ...(location ? { standort: location } : {}), ...query } }, locale });
  throw new Error('unreachable');
}

/** One error text; loaded only for an answer that shows it, a successful one redirects straight away. */
async function errorMessage(locale: Locale, key: 'timeRequired' | 'taken' | 'servicesUnavailable' | 'reasonRequired' | 'reasonInvalid' | 'generic') {
  return (await getTranslations({ locale, namespace: 'RequestStaff.errors' }))(key);
}

const slugSchema = z.string().max(100).regex(/^[a-z0-9-]*$/).catch('');
const requestIdSchema = z.coerce.number().int().positive();

const confirmSchema = z.object({
  requestId: requestIdSchema,
  start: z.iso.datetime({ offset: true, error: 'timeRequired' }),
});

/** Confirms a request with the chosen free time: a real booking through the reservation path, mail with number and PIN. */
export async function confirmRequestAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, 300);
  const locale: Locale = localeSchema.parse(values.locale);
  await staffOrSignIn(locale);
  const location = slugSchema.parse(values.location);
  const parsed = confirmSchema.safeParse({ requestId: values.requestId, start: values.start ?? '' });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0]);
    return field === 'start' ? { ok: false, fieldErrors: { start: [await errorMessage(locale, 'timeRequired')] }, values } : { ok: false, formError: await errorMessage(locale, 'generic'), values };
  }
  const result = await confirmRequest({ requestId: parsed.data.requestId, start: new Date(parsed.data.start) });
  if (result.ok) backToList(locale, location, { hinweis: 'bestaetigt', nummer: result.bookingCode });
  switch (result.reason) {
    case 'taken':
      return { ok: false, fieldErrors: { start: [await errorMessage(locale, 'taken')] }, values };
    case 'services-unavailable':
      return { ok: false, formError: await errorMessage(locale, 'servicesUnavailable'), values };
    case 'forbidden':
      return backToList(locale, location, { hinweis: 'fremd' });
    default:
      return backToList(locale, location, { hinweis: 'beantwortet' });
  }
}

const declineSchema = z.object({
  requestId: requestIdSchema,
  reason: cleanText({ min: 3, max: 500, tooLong: 'reasonRequired', invalid: 'reasonInvalid', multiLine: true }),
});

/** Declines a request; the reason goes to the citizen in the mail. */
export async function declineRequestAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, 600);
  const locale: Locale = localeSchema.parse(values.locale);
  await staffOrSignIn(locale);
  const location = slugSchema.parse(values.location);
  const parsed = declineSchema.safeParse({ requestId: values.requestId, reason: formInput(formData).reason ?? '' });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return issue.path[0] === 'reason' ? { ok: false, fieldErrors: { reason: [await errorMessage(locale, issue.message as 'reasonInvalid')] }, values } : { ok: false, formError: await errorMessage(locale, 'generic'), values };
  }
  const result = await declineRequest(parsed.data);
  if (result.ok) backToList(locale, location, { hinweis: 'abgelehnt' });
  if (result.reason === 'reason-invalid') return { ok: false, fieldErrors: { reason: [await errorMessage(locale, 'reasonRequired')] }, values };
  return backToList(locale, location, { hinweis: result.reason === 'forbidden' ? 'fremd' : 'beantwortet' });
}
