'use server';

import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { hitRateLimit } from '@/db/queries/rate-limits';
import { currentOffer, findWish, updateWishWindow, wishPosition, type WishDetails } from '@/db/queries/waitlist';
import { formInput, formValues, type ActionState } from '@/lib/action-state';
import { clockFormat, pick } from '@/lib/format';
import { clientAddress } from '@/lib/http/client-address';
import { redirect } from '@/lib/i18n/navigation';
import { routing, type Locale } from '@/lib/i18n/routing';
import { openWish } from '@/lib/waitlist/access';
import { parseWishForm, parseWishWindow } from '@/lib/waitlist/form';
import { acceptOffer, declineOffer, withdrawWish } from '@/lib/waitlist/offers';
import { wishBounds, wishOffices } from '@/lib/waitlist/offices';
import { confirmWish, registerWish, WISHES_PER_CLIENT_PER_HOUR } from '@/lib/waitlist/register';

const localeSchema = z.enum(routing.locales).catch(routing.defaultLocale);

// Message keys of the shared `Errors` namespace; everything else is under `Waitlist.errors`.
const SHARED_ERRORS = new Set(['nameRequired', 'nameTooLong', 'nameInvalid', 'nameCharacter', 'emailInvalid', 'consentRequired', 'servicesRequired', 'countInvalid', 'countTooHigh']);

/**
 * Registers a wish. Errors come back beside the fields with the typed values; on success the browser moves on
 * to the page that asks to confirm the email address (number and PIN travel only in that mail). Each wish
 * mails the address typed in, so one client address may register only a few per hour.
 */
export async function registerWishAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, 600);
  const input = formInput(formData);
  const locale: Locale = localeSchema.parse(values.locale);
  const offices = await wishOffices();
  const bounds = wishBounds(offices);
  const parsed = parseWishForm(input, {
    offices: offices.map((o) => ({ id: o.id, slug: o.slug, name: pick(o.name, locale), services: o.services })),
    services: [...new Map(offices.flatMap((o) => o.services).map((s) => [s.id, { id: s.id, slug: s.slug, name: pick(s.name, locale) }])).values()],
    ...bounds,
  });
  if (!parsed.ok) {
    const [format, tShared, tWaitlist] = await Promise.all([getFormatter({ locale }), getTranslations({ locale, namespace: 'Errors' }), getTranslations({ locale, namespace: 'Waitlist.errors' })]);
    const fieldErrors: Record<string, string[]> = {};
    for (const { field, key, values: params = {} } of parsed.errors) {
      const date = typeof params.date === 'string' ? format.dateTime(new Date(`${params.date}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' }) : '';
      const message = SHARED_ERRORS.has(key)
        ? tShared(key as 'countTooHigh', { max: params.max ?? 0, character: String(params.character ?? '') } as { max: number })
        : tWaitlist(key as 'dateTooLate', { date, office: String(params.office ?? ''), service: String(params.service ?? '') } as { date: string });
      fieldErrors[field] ??= [message];
    }
    return { ok: false, fieldErrors, values };
  }

  const limit = await hitRateLimit({ key: `wish:client:${await clientAddress()}`, limit: WISHES_PER_CLIENT_PER_HOUR, windowSeconds: 3600 });
  if (!limit.allowed) {
    const [format, t] = await Promise.all([getFormatter({ locale }), getTranslations({ locale, namespace: 'Waitlist.errors' })]);
    const time = format.dateTime(new Date(Date.now() + limit.retryAfterSeconds * 1000), clockFormat);
    return { ok: false, formError: t('rateLimited', { minutes: Math.ceil(limit.retryAfterSeconds / 60), time }), values };
  }
  const outcome = await registerWish(parsed.data);
  if (outcome.status === 'duplicate') return { ok: false, formError: (await getTranslations({ locale, namespace: 'Waitlist.errors' }))('duplicate'), values };
  redirect({ href: '/termin/wunsch/gesendet', locale });
  return { ok: true };
}

export type ConfirmWishState = ActionState<{ code: string; position: number }>;

/** Follows the confirmation link's token (POST from the page the link opens: a link scanner's GET confirms nothing). */
export async function confirmWishAction(_prev: ConfirmWishState, formData: FormData): Promise<ConfirmWishState> {
  const values = formValues(formData, 100);
  const locale: Locale = localeSchema.parse(values.locale);
  const confirmed = await confirmWish({ token: String(values.token ?? '') });
  if (!confirmed) return { ok: false, formError: (await getTranslations({ locale, namespace: 'Waitlist.confirm' }))('invalid'), values };
  return { ok: true, data: { code: confirmed.code, position: await wishPosition({ wishId: confirmed.id }) } };
}

export type WishView = {
  code: string;
  status: WishDetails['status'];
  position: number;
  services: string[];
  offices: string[];
  earliestDate: string;
  latestDate: string;
  weekdays: number[];
  parts: ('morning' | 'afternoon')[];
  offer: { date: string; time: string; office: string; until: string } | null;
};

export type WishStatusState = ActionState<{ code: string; grant: string; view: WishView; message?: string; tone?: 'success' | 'info' | 'error'; fieldErrors?: Record<string, string[]> }>;

const INTENTS = ['open', 'accept', 'decline', 'withdraw', 'change'] as const;

/**
 * The status page's one action: opens a wish with number and PIN (later with the grant the first answer
 * carries), and accepts or declines its offer, changes its period, weekdays and parts of day, or withdraws it,
 * by the button pressed (`intent`). Every answer shows the wish as it now stands.
 */
export async function wishStatusAction(_prev: WishStatusState, formData: FormData): Promise<WishStatusState> {
  const raw = formValues(formData, 100);
  const input = formInput(formData);
  const locale: Locale = localeSchema.parse(raw.locale);
  const { pin: _pin, ...values } = raw;
  const t = await getTranslations({ locale, namespace: 'Waitlist.status' });
  const intent = INTENTS.find((i) => i === raw.intent) ?? 'open';
  const code = String(input.code ?? '').slice(0, 30);
  const access = await openWish({ code, pin: input.grant ? undefined : String(input.pin ?? '').slice(0, 12), grant: input.grant || undefined, clientAddress: await clientAddress() });
  if (access.status === 'rate-limited') {
    const format = await getFormatter({ locale });
    const time = format.dateTime(new Date(Date.now() + access.retryAfterSeconds * 1000), clockFormat);
    return { ok: false, formError: t('rateLimited', { minutes: Math.ceil(access.retryAfterSeconds / 60), time }), values };
  }
  if (access.status === 'invalid') return { ok: false, formError: t('invalid'), values: { code } };
  const { wish, grant } = access;
  let message: string | undefined;
  let tone: 'success' | 'info' | 'error' = 'success';
  let fieldErrors: Record<string, string[]> | undefined;
  const open = wish.status === 'unconfirmed' || wish.status === 'waiting';
  if (intent !== 'open' && !open) {
    message = t('closed');
    tone = 'info';
  } else if (intent === 'accept') {
    const accepted = await acceptOffer({ wishId: wish.id });
    message = accepted.status === 'booked' ? t('accepted', { code: accepted.code }) : accepted.status === 'limit-reached' ? t('limitReached') : t('offerGone');
    tone = accepted.status === 'booked' ? 'success' : 'error';
  } else if (intent === 'decline') {
    message = (await declineOffer({ wishId: wish.id })) ? t('declined') : t('offerGone');
    tone = 'info';
  } else if (intent === 'withdraw') {
    message = (await withdrawWish({ wishId: wish.id })) ? t('withdrawn') : t('closed');
  } else if (intent === 'change') {
    const offices = await wishOffices();
    const parsed = parseWishWindow(input, wishBounds(offices));
    if (parsed.ok) {
      message = (await updateWishWindow({ wishId: wish.id, window: parsed.data })) ? t('saved') : t('closed');
    } else {
      const [format, tWaitlist] = await Promise.all([getFormatter({ locale }), getTranslations({ locale, namespace: 'Waitlist.errors' })]);
      fieldErrors = {};
      for (const { field, key, values: params = {} } of parsed.errors) {
        const date = typeof params.date === 'string' ? format.dateTime(new Date(`${params.date}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' }) : '';
        fieldErrors[field] ??= [tWaitlist(key as 'dateTooLate', { date })];
      }
    }
  }
  const fresh = (await findWish({ id: wish.id }))!;
  return { ok: true, data: { code: fresh.code, grant, view: await viewOf(fresh, locale), message, tone, fieldErrors } };
}

async function viewOf(wish: WishDetails, locale: Locale): Promise<WishView> {
  const [offer, position, format] = await Promise.all([currentOffer({ wishId: wish.id }), wishPosition({ wishId: wish.id }), getFormatter({ locale })]);
  const office = offer ? wish.locations.find((l) => l.id === offer.locationId) : undefined;
  const timeZone = office?.timeZone ?? 'Europe/Berlin';
  return {
    code: wish.code,
    status: wish.status,
    position,
    services: wish.items.map((i) => `${i.count} × ${pick(i.name, locale)}`),
    offices: wish.locations.map((l) => pick(l.name, locale)),
    earliestDate: wish.earliestDate,
    latestDate: wish.latestDate,
    weekdays: wish.weekdays,
    parts: wish.parts,
    offer:
      offer && wish.status === 'waiting'
        ? {
            date: format.dateTime(offer.start, { dateStyle: 'full', timeZone }),
            time: format.dateTime(offer.start, { ...clockFormat, timeZone }),
            office: office ? pick(office.name, locale) : '',
            until: format.dateTime(offer.holdExpiresAt, { dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23', timeZone }),
          }
        : null,
  };
}
