import { DateTime } from 'luxon';
import { z } from 'zod';
import { cleanText } from '@/lib/validation/text';
import type { AdminErrorKey } from './problems';

// Every message is a key under `Admin.errors`; the action translates it.
const e = (key: AdminErrorKey) => ({ error: key });

const id = z.coerce.number(e('notFound')).int(e('notFound')).positive(e('notFound'));
const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, e('dateInvalid'))
  .refine((s) => DateTime.fromISO(s).isValid, e('dateInvalid'));
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:00)?$/, e('timeInvalid'));
// Single-line unless `multiLine` (text areas); control, bidi and zero-width characters are refused everywhere.
const text = (min: number, max: number, key: AdminErrorKey, { multiLine = false } = {}) => cleanText({ min, max, tooLong: key, invalid: 'textInvalid' satisfies AdminErrorKey, multiLine });

/** The ids of the bookings the admin saw and agreed to cancel, comma-separated; absent before the confirmation step. */
const confirmedIds = z
  .string()
  .regex(/^\d+(,\d+)*$/)
  .transform((s) => s.split(',').map(Number))
  .optional()
  .catch(undefined);

/** The longest closure in one go: a year. */
export const MAX_CLOSURE_DAYS = 366;

export const closureSchema = z
  .object({
    location: z
      .string(e('locationRequired'))
      .regex(/^(all|\d+)$/, e('locationRequired'))
      .transform((v) => (v === 'all' ? null : Number(v))),
    startsOn: localDate,
    endsOn: localDate,
    reasonDe: text(3, 200, 'reasonLength', { multiLine: true }),
    reasonEn: text(3, 200, 'reasonLength', { multiLine: true }),
    confirm: confirmedIds,
  })
  .check((ctx) => {
    const { startsOn, endsOn } = ctx.value;
    // Runs even when a field failed; compare only two well-formed dates.
    if (!DateTime.fromISO(String(startsOn)).isValid || !DateTime.fromISO(String(endsOn)).isValid) return;
    if (endsOn < startsOn) ctx.issues.push({ code: 'custom', input: endsOn, path: ['endsOn'], message: 'endBeforeStart' });
    else if (DateTime.fromISO(endsOn).diff(DateTime.fromISO(startsOn), 'days').days >= MAX_CLOSURE_DAYS) ctx.issues.push({ code: 'custom', input: endsOn, path: ['endsOn'], message: 'rangeTooLong' });
  });

export const closureIdSchema = z.object({ closureId: id });

const countersOpen = z.coerce.number(e('countersMin')).int(e('countersMin')).min(1, e('countersMin')).max(99, e('countersMin'));

export const windowSchema = z
  .object({
    locationId: id,
    weekday: z.coerce.number(e('weekdayInvalid')).int(e('weekdayInvalid')).min(1, e('weekdayInvalid')).max(7, e('weekdayInvalid')),
    opensAt: clock,
    closesAt: clock,
    countersOpen,
  })
  .check((ctx) => {
    const { opensAt, closesAt } = ctx.value;
    if (typeof opensAt !== 'string' || typeof closesAt !== 'string') return;
    if (closesAt.slice(0, 5) <= opensAt.slice(0, 5)) ctx.issues.push({ code: 'custom', input: closesAt, path: ['closesAt'], message: 'closesBeforeOpens' });
  });

export const windowIdSchema = z.object({ windowId: id, confirm: confirmedIds });
export const windowCountersSchema = z.object({ windowId: id, countersOpen, confirm: confirmedIds });

const counterName = text(1, 60, 'counterNameLength');
export const newCounterSchema = z.object({ locationId: id, name: counterName });
export const renameCounterSchema = z.object({ counterId: id, name: counterName });
export const counterActiveSchema = z.object({ counterId: id, active: z.enum(['true', 'false']).transform((v) => v === 'true'), confirm: confirmedIds });

/** A form's checkbox: present ("on") or absent. */
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on');

export const serviceTextsSchema = z.object({
  /** `new` for a service that does not exist yet. */
  serviceId: z.literal('new').transform(() => null).or(id),
  active: checkbox,
  nameDe: text(2, 120, 'serviceNameLength'),
  nameEn: text(2, 120, 'serviceNameLength'),
  descriptionDe: text(0, 2000, 'descriptionLength', { multiLine: true }),
  descriptionEn: text(0, 2000, 'descriptionLength', { multiLine: true }),
  // Forms from before the fee field (or without it) send none: no fee.
  feeDe: text(0, 200, 'feeLength').default(''),
  feeEn: text(0, 200, 'feeLength').default(''),
});

export const offerSchema = z.object({
  minutesPerUnit: z.coerce.number(e('minutesInvalid')).int(e('minutesInvalid')).min(1, e('minutesInvalid')).max(480, e('minutesInvalid')),
  maxCount: z.coerce.number(e('maxCountInvalid')).int(e('maxCountInvalid')).min(1, e('maxCountInvalid')).max(20, e('maxCountInvalid')),
});

const password = z.string().min(12, e('passwordTooShort')).max(200, e('passwordTooLong'));

const staffRole = z.enum(['admin', 'clerk'], e('roleInvalid'));
/** The office select: an id, or empty (admins work everywhere). */
const staffLocation = z
  .string()
  .regex(/^\d*$/)
  .optional()
  .catch(undefined)
  .transform((v) => (v ? Number(v) : null));
function clerksNeedAnOffice(ctx: z.core.ParsePayload<{ role: 'admin' | 'clerk'; location: number | null }>) {
  if (ctx.value.role === 'clerk' && ctx.value.location === null) ctx.issues.push({ code: 'custom', input: '', path: ['location'], message: 'clerkNeedsLocation' });
}

export const newStaffSchema = z
  .object({
    name: text(2, 100, 'staffNameLength'),
    email: z.string().trim().toLowerCase().max(254, e('emailInvalid')).pipe(z.email(e('emailInvalid'))),
    role: staffRole,
    location: staffLocation,
    password,
  })
  .check(clerksNeedAnOffice);

export const staffActiveSchema = z.object({ staffId: id, active: z.enum(['true', 'false']).transform((v) => v === 'true') });
export const resetPasswordSchema = z.object({ staffId: id, password });

/** Empty, or an https link (forms are on the town's website; no other schemes, no scripts). */
const formUrl = z
  .string()
  .trim()
  .max(500, e('formUrlInvalid'))
  .refine((v) => v === '' || (URL.canParse(v) && new URL(v).protocol === 'https:'), e('formUrlInvalid'))
  .transform((v) => v || null);

export const documentSchema = z.object({
  documentId: z.literal('new').transform(() => null).or(id),
  nameDe: text(2, 160, 'documentNameLength'),
  nameEn: text(2, 160, 'documentNameLength'),
  hintDe: text(0, 500, 'hintLength', { multiLine: true }),
  hintEn: text(0, 500, 'hintLength', { multiLine: true }),
  formUrl,
});

// An emptied field is refused, not read as 0 (which `z.coerce.number` would make of it).
const whole = (min: number, max: number, key: AdminErrorKey) =>
  z
    .string(e(key))
    .trim()
    .min(1, e(key))
    .pipe(z.coerce.number<string>(e(key)).int(e(key)).min(min, e(key)).max(max, e(key)));

export const officeSettingsSchema = z.object({
  locationId: id,
  bookingHorizonDays: whole(1, 365, 'horizonInvalid'),
  minLeadMinutes: whole(0, 20_160, 'leadInvalid'),
  holdMinutes: whole(3, 60, 'holdInvalid'),
  slotStepMinutes: whole(5, 60, 'stepInvalid'),
  maxFutureBookingsPerEmail: whole(1, 20, 'perEmailInvalid'),
  requireChallenge: checkbox,
  // Empty: the installation's CHALLENGE_WORK.
  challengeWork: z.preprocess((v) => v ?? '', z.union([z.literal('').transform(() => null), whole(10_000, 10_000_000, 'challengeWorkInvalid')])),
});

export const staffRoleSchema = z
  .object({
    staffId: id,
    role: staffRole,
    location: staffLocation,
  })
  .check(clerksNeedAnOffice);

/** The release schedule (lib/slots/release.ts): a wall-clock time or empty (none), and its weekdays as checkboxes `releaseDay1`…`releaseDay7`. */
export const releaseScheduleSchema = z
  .object({
    locationId: id,
    releaseTime: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.union([z.literal('').transform(() => null), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, e('releaseTimeInvalid'))])),
    ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [`releaseDay${d}`, checkbox])),
  })
  .transform(({ locationId, releaseTime, ...days }) => ({
    locationId,
    releaseTime,
    releaseWeekdays: [1, 2, 3, 4, 5, 6, 7].filter((d) => (days as Record<string, boolean>)[`releaseDay${d}`]),
  }))
  .refine((v) => v.releaseWeekdays.length > 0, { path: ['releaseDay1'], ...e('releaseWeekdaysMissing') });

/** An office's waitlist settings: how long an offer holds, and the share of a newly released day for the waitlist. */
export const waitlistSettingsSchema = z.object({
  locationId: id,
  waitlistOfferHours: whole(1, 72, 'waitlistOfferHoursInvalid'),
  waitlistNewDayShare: whole(0, 100, 'waitlistNewDayShareInvalid'),
});
