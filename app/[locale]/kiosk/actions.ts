'use server';

import { z } from 'zod';
import { formValues } from '@/lib/action-state';
import { checkInAppointment, drawWalkInTicket } from '@/lib/front-desk/desk';
import { currentKiosk, pairKiosk } from '@/lib/front-desk/kiosk-device';
import { redirect } from '@/lib/i18n/navigation';
import { routing, type Locale } from '@/lib/i18n/routing';

const localeSchema = z.enum(routing.locales).catch(routing.defaultLocale);

// Every outcome is a redirect, so the kiosk works without JavaScript; the notices are keys of `Kiosk`.

/** The pairing step: the token an admin created, typed or pasted on the tablet once. */
export async function pairKioskAction(formData: FormData): Promise<void> {
  const values = formValues(formData, 200);
  const locale: Locale = localeSchema.parse(values.locale);
  const token = z.string().trim().min(20).max(100).safeParse(values.token);
  const paired = token.success && (await pairKiosk(token.data));
  redirect({ href: paired ? '/kiosk' : { pathname: '/kiosk/koppeln', query: { hinweis: 'invalid' } }, locale });
}

const checkInSchema = z.union([
  z.object({ token: z.string().trim().min(16).max(64).regex(/^[A-Za-z0-9_-]+$/) }),
  z.object({ code: z.string().trim().min(8).max(20) }),
]);

/** An appointment checks in: by the QR code's token (scanned) or the booking number (typed). */
export async function checkInKioskAction(formData: FormData): Promise<void> {
  const values = formValues(formData, 200);
  const locale: Locale = localeSchema.parse(values.locale);
  const kiosk = await currentKiosk();
  if (!kiosk) redirect({ href: '/kiosk/koppeln', locale });
  const input = values.token ? { token: values.token } : { code: values.code ?? '' };
  const parsed = checkInSchema.safeParse(input);
  const result = parsed.success ? await checkInAppointment({ locationId: kiosk!.locationId, ...parsed.data }) : ({ ok: false, reason: 'not-found' } as const);
  if (result.ok) redirect({ href: { pathname: '/kiosk/nummer', query: { v: String(result.ticket.visitId) } }, locale });
  redirect({ href: { pathname: '/kiosk', query: { hinweis: result.ok ? 'not-found' : result.reason } }, locale });
}

/** A walk-in draws a number for one service. */
export async function walkInKioskAction(formData: FormData): Promise<void> {
  const values = formValues(formData, 200);
  const locale: Locale = localeSchema.parse(values.locale);
  const kiosk = await currentKiosk();
  if (!kiosk) redirect({ href: '/kiosk/koppeln', locale });
  const service = z.string().regex(/^[a-z0-9-]{1,80}$/).safeParse(values.service);
  const result = service.success ? await drawWalkInTicket({ locationId: kiosk!.locationId, serviceSlug: service.data }) : ({ ok: false, reason: 'unknown-service' } as const);
  if (result.ok) redirect({ href: { pathname: '/kiosk/nummer', query: { v: String(result.ticket.visitId) } }, locale });
  redirect({ href: { pathname: '/kiosk', query: { hinweis: result.ok ? 'unknown-service' : result.reason } }, locale });
}
