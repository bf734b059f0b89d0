'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formInput, formValues, type ActionState } from '@/lib/action-state';
import { requireStaff } from '@/lib/auth/staff-session';
import { registerKiosk, revokeKiosk } from '@/lib/front-desk/kiosk-device';
import { saveFrontDeskSettings } from '@/lib/front-desk/settings';
import { redirect } from '@/lib/i18n/navigation';
import { routing, type Locale } from '@/lib/i18n/routing';
import { cleanText } from '@/lib/validation/text';

const localeSchema = z.enum(routing.locales).catch(routing.defaultLocale);

const registerSchema = z.object({
  locationId: z.coerce.number({ error: 'locationRequired' }).int().positive({ error: 'locationRequired' }),
  name: cleanText({ min: 2, max: 80, tooShort: 'nameRequired', tooLong: 'nameRequired', invalid: 'nameRequired' }),
});

/** Registers a kiosk; its token is in the answer once and never again. */
export async function registerKioskAction(_prev: ActionState<{ token: string; name: string }>, formData: FormData): Promise<ActionState<{ token: string; name: string }>> {
  const values = formValues(formData, 200);
  const locale: Locale = localeSchema.parse(values.locale);
  const t = await getTranslations({ locale, namespace: 'KioskDevices' });
  const actor = await requireStaff({ role: 'admin' });
  const parsed = registerSchema.safeParse(formInput(formData));
  if (!parsed.success) return { ok: false, fieldErrors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), [t(i.message as 'nameRequired')]])), values };
  const device = await registerKiosk({ actor, locationId: parsed.data.locationId, name: parsed.data.name });
  revalidatePath('/[locale]/verwaltung/einstellungen/kiosk', 'page');
  return { ok: true, data: { token: device.token, name: parsed.data.name } };
}

export async function revokeKioskAction(formData: FormData): Promise<void> {
  const actor = await requireStaff({ role: 'admin' });
  const deviceId = z.coerce.number().int().positive().safeParse(formData.get('deviceId'));
  if (deviceId.success) await revokeKiosk({ actor, deviceId: deviceId.data });
  revalidatePath('/[locale]/verwaltung/einstellungen/kiosk', 'page');
}

const settingsSchema = z.object({
  locationId: z.coerce.number().int().positive(),
  checkInEarlyMinutes: z.coerce.number().int().min(0).max(240),
  checkInLateMinutes: z.coerce.number().int().min(0).max(240),
  walkInEvery: z.coerce.number().int().min(0).max(20),
});

/** The front-desk rules of one office; a value out of range is refused with the office named. */
export async function saveFrontDeskSettingsAction(formData: FormData): Promise<void> {
  const values = formValues(formData, 50);
  const locale: Locale = localeSchema.parse(values.locale);
  const actor = await requireStaff({ role: 'admin' });
  const parsed = settingsSchema.safeParse(values);
  const { locationId, ...settings } = parsed.success ? parsed.data : { locationId: 0 };
  const saved = parsed.success && (await saveFrontDeskSettings({ actor, locationId, settings: settings as Parameters<typeof saveFrontDeskSettings>[0]['settings'] }));
  revalidatePath('/[locale]/verwaltung/einstellungen/kiosk', 'page');
  redirect({ href: { pathname: '/verwaltung/einstellungen/kiosk', query: { hinweis: saved ? 'saved' : 'invalid', standort: values.locationId ?? '' } }, locale });
}
