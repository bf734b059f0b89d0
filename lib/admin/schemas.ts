import { DateTime } from 'luxon';
import { z } from 'zod';
import type { AdminErrorKey } from './problems';

// Every message is a key under `Admin.errors`; the action translates it.
const e = (key: AdminErrorKey) => ({ error: key });

const id = z.coerce.number(e('notFound')).int(e('notFound')).positive(e('notFound'));
const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, e('dateInvalid'))
  .refine((s) => DateTime.fromISO(s).isValid, e('dateInvalid'));
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:00)?$/, e('timeInvalid'));
const text = (min: number, max: number, key: AdminErrorKey) => z.string().trim().min(min, e(key)).max(max, e(key));

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
    reasonDe: text(3, 200, 'reasonLength'),
    reasonEn: text(3, 200, 'reasonLength'),
    /** The ids of the bookings the admin saw and agreed to cancel, comma-separated. */
    confirm: z
      .string()
      .regex(/^\d+(,\d+)*$/)
      .transform((s) => s.split(',').map(Number))
      .optional()
      .catch(undefined),
  })
  .check((ctx) => {
    const { startsOn, endsOn } = ctx.value;
    // Runs even when a field failed; compare only two well-formed dates.
    if (!DateTime.fromISO(String(startsOn)).isValid || !DateTime.fromISO(String(endsOn)).isValid) return;
    if (endsOn < startsOn) ctx.issues.push({ code: 'custom', input: endsOn, path: ['endsOn'], message: 'endBeforeStart' });
    else if (DateTime.fromISO(endsOn).diff(DateTime.fromISO(startsOn), 'days').days >= MAX_CLOSURE_DAYS) ctx.issues.push({ code: 'custom', input: endsOn, path: ['endsOn'], message: 'rangeTooLong' });
  });

export const closureIdSchema = z.object({ closureId: id });

export const windowSchema = z
  .object({
    locationId: id,
    weekday: z.coerce.number(e('weekdayInvalid')).int(e('weekdayInvalid')).min(1, e('weekdayInvalid')).max(7, e('weekdayInvalid')),
    opensAt: clock,
    closesAt: clock,
    countersOpen: z.coerce.number(e('countersMin')).int(e('countersMin')).min(1, e('countersMin')).max(99, e('countersMin')),
  })
  .check((ctx) => {
    const { opensAt, closesAt } = ctx.value;
    if (typeof opensAt !== 'string' || typeof closesAt !== 'string') return;
    if (closesAt.slice(0, 5) <= opensAt.slice(0, 5)) ctx.issues.push({ code: 'custom', input: closesAt, path: ['closesAt'], message: 'closesBeforeOpens' });
  });

export const windowIdSchema = z.object({ windowId: id });

const counterName = text(1, 60, 'counterNameLength');
export const newCounterSchema = z.object({ locationId: id, name: counterName });
export const renameCounterSchema = z.object({ counterId: id, name: counterName });
export const counterActiveSchema = z.object({ counterId: id, active: z.enum(['true', 'false']).transform((v) => v === 'true') });

export const serviceTextsSchema = z.object({
  serviceId: id,
  nameDe: text(2, 120, 'serviceNameLength'),
  nameEn: text(2, 120, 'serviceNameLength'),
  descriptionDe: text(0, 2000, 'descriptionLength'),
  descriptionEn: text(0, 2000, 'descriptionLength'),
});

export const offerSchema = z.object({
  minutesPerUnit: z.coerce.number(e('minutesInvalid')).int(e('minutesInvalid')).min(1, e('minutesInvalid')).max(480, e('minutesInvalid')),
  maxCount: z.coerce.number(e('maxCountInvalid')).int(e('maxCountInvalid')).min(1, e('maxCountInvalid')).max(20, e('maxCountInvalid')),
});

const password = z.string().min(12, e('passwordTooShort')).max(200, e('passwordTooLong'));

export const newStaffSchema = z
  .object({
    name: text(2, 100, 'staffNameLength'),
    email: z.string().trim().toLowerCase().max(254, e('emailInvalid')).pipe(z.email(e('emailInvalid'))),
    role: z.enum(['admin', 'clerk'], e('roleInvalid')),
    location: z
      .string()
      .regex(/^\d*$/)
      .optional()
      .catch(undefined)
      .transform((v) => (v ? Number(v) : null)),
    password,
  })
  .check((ctx) => {
    if (ctx.value.role === 'clerk' && ctx.value.location === null) ctx.issues.push({ code: 'custom', input: '', path: ['location'], message: 'clerkNeedsLocation' });
  });

export const staffActiveSchema = z.object({ staffId: id, active: z.enum(['true', 'false']).transform((v) => v === 'true') });
export const resetPasswordSchema = z.object({ staffId: id, password });
