'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formInput, formValues, type ActionState } from '@/lib/action-state';
import { signIn } from '@/lib/auth/sign-in';
import { endStaffSession, requireStaff, StaffAccessError, startStaffSession, type StaffUser } from '@/lib/auth/staff-session';
import { clientAddress } from '@/lib/http/client-address';
import { redirect } from '@/lib/i18n/navigation';
import { routing, type Locale } from '@/lib/i18n/routing';
import { cancelBookingForCitizen, changeBookingStatus, saveStaffNote } from '@/lib/staff/booking-actions';
import { DESK_STATUSES } from '@/lib/staff/status-steps';
import { cleanText } from '@/lib/validation/text';

const localeSchema = z.enum(routing.locales).catch(routing.defaultLocale);

/** Every staff action starts here: no session → the sign-in page; wrong role → refused. */
async function staffOrSignIn(locale: Locale, options?: { role?: 'admin' }): Promise<StaffUser> {
  try {
    return await requireStaff(options);
  } catch (error) {
    if (error instanceof StaffAccessError && error.reason === 'signed-out') redirect({ href: { pathname: '/verwaltung', query: { abgemeldet: '1' } }, locale });
    throw error;
  }
}

// Message keys of `Staff`. No account has a longer address or password, so those are plainly wrong and cost no
// argon2 run; hidden characters are refused before the database sees them.
const signInSchema = z.object({
  email: cleanText({ min: 1, max: 254, tooShort: 'required', tooLong: 'invalid', invalid: 'emailInvalid' }),
  password: z.string().min(1, { error: 'required' }).max(200, { error: 'invalid' }),
});

export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, 300);
  const locale: Locale = localeSchema.parse(values.locale);
  const t = await getTranslations({ locale, namespace: 'Staff' });
  const { password: _password, ...kept } = values; // never echo a password back into the page
  const parsed = signInSchema.safeParse(formInput(formData));
  if (!parsed.success) return { ok: false, formError: t(parsed.error.issues[0]!.message as 'required'), values: kept };
  const result = await signIn({ ...parsed.data, clientAddress: await clientAddress() });
  if (!result.ok) {
    const formError = result.reason === 'rate-limited' ? t('rateLimited', { minutes: Math.ceil((result.retryAfterSeconds ?? 60) / 60) }) : t('invalid');
    return { ok: false, formError, values: kept };
  }
  await startStaffSession(result.userId);
  redirect({ href: '/verwaltung', locale });
  return { ok: true };
}

export async function signOutAction(formData: FormData): Promise<void> {
  const locale: Locale = localeSchema.parse(formData.get('locale'));
  await endStaffSession();
  redirect({ href: '/verwaltung', locale });
}

const statusSchema = z.object({
  locale: localeSchema,
  bookingId: z.coerce.number().int().positive(),
  status: z.enum(DESK_STATUSES),
  from: z.enum(DESK_STATUSES).optional(),
  back: z.string().max(300).regex(/^\/[^/]/).optional(),
});

/** Check-in, done, no-show, or the undo of one, from the day plan or the search. */
export async function setBookingStatusAction(formData: FormData): Promise<void> {
  const locale: Locale = localeSchema.parse(formData.get('locale'));
  const actor = await staffOrSignIn(locale);
  const parsed = statusSchema.safeParse(formValues(formData));
  const notice = parsed.success ? (await changeBookingStatus({ actor, bookingId: parsed.data.bookingId, from: parsed.data.from, status: parsed.data.status })) : { ok: false as const, reason: 'not-found' as const };
  revalidatePath('/[locale]/verwaltung', 'page');
  backToPlan(locale, parsed.success ? parsed.data.back : undefined, notice.ok ? 'ok' : notice.reason);
}

const cancelSchema = z.object({
  locale: localeSchema,
  bookingId: z.coerce.number().int().positive(),
  reason: cleanText({ min: 3, max: 500, tooLong: 'reason-required', invalid: 'reason-invalid', multiLine: true }),
  back: z.string().max(300).regex(/^\/[^/]/).optional(),
});

/** Cancels on the citizen's behalf; a reason is required and goes into the mail. */
export async function cancelBookingByStaffAction(formData: FormData): Promise<void> {
  const locale: Locale = localeSchema.parse(formData.get('locale'));
  const actor = await staffOrSignIn(locale);
  const parsed = cancelSchema.safeParse(formInput(formData));
  if (!parsed.success) {
    const notice = parsed.error.issues.some((i) => i.message === 'reason-invalid') ? 'reason-invalid' : 'reason-required';
    return backToPlan(locale, String(formData.get('back') ?? '').slice(0, 300), notice);
  }
  const result = await cancelBookingForCitizen({ actor, bookingId: parsed.data.bookingId, reason: parsed.data.reason });
  revalidatePath('/[locale]/verwaltung', 'page');
  backToPlan(locale, parsed.data.back, result.ok ? 'ok' : result.reason);
}

const noteSchema = z.object({
  locale: localeSchema,
  bookingId: z.coerce.number().int().positive(),
  note: cleanText({ max: 1000, tooLong: 'note-invalid', invalid: 'note-invalid', multiLine: true }),
  back: z.string().max(300).regex(/^\/[^/]/).optional(),
});

/** The clerks' internal note on a booking (never shown to the citizen). */
export async function saveStaffNoteAction(formData: FormData): Promise<void> {
  const locale: Locale = localeSchema.parse(formData.get('locale'));
  const actor = await staffOrSignIn(locale);
  const parsed = noteSchema.safeParse(formInput(formData));
  if (!parsed.success) return backToPlan(locale, String(formData.get('back') ?? '').slice(0, 300), 'note-invalid');
  const result = await saveStaffNote({ actor, bookingId: parsed.data.bookingId, note: parsed.data.note });
  revalidatePath('/[locale]/verwaltung', 'page');
  backToPlan(locale, parsed.data.back, result.ok ? 'ok' : result.reason);
}

/** Back to the day plan the clerk came from, with a notice; only same-site paths are followed. */
function backToPlan(locale: Locale, back: string | undefined, notice: string): never {
  const query = Object.fromEntries(new URLSearchParams(back?.split('?')[1] ?? ''));
  redirect({ href: { pathname: '/verwaltung', query: { ...query, hinweis: notice } }, locale });
  throw new Error('unreachable');
}
