'use server';

import { revalidatePath } from 'next/cache';
import type { ActionState } from '@/lib/action-state';
import { adminAction, problemState, zodState } from '@/lib/admin/admin-action';
import { listLocationsForAdmin } from '@/lib/admin/locations';
import type { Problems } from '@/lib/admin/problems';
import { documentSchema, offerSchema, serviceTextsSchema } from '@/lib/admin/schemas';
import { checkedDocumentIds, listServicesForAdmin, saveDocument, updateService, type OfferInput } from '@/lib/admin/services';

const PAGE = '/[locale]/verwaltung/einstellungen/leistungen';

/**
 * Creates (`serviceId` "new") or saves one service: names and descriptions in both languages, whether it
 * is bookable (`active`), the documents to bring (`document-<id>` ticked) and per location whether it is
 * offered (`offered-<id>`), its minutes per unit (`minutes-<id>`) and most units per booking (`maxCount-<id>`).
 */
export async function updateServiceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(formData, async ({ actor, input, values, t }): Promise<ActionState> => {
    const parsed = serviceTextsSchema.safeParse(input);
    if (!parsed.success) return zodState(t, parsed.error, values);
    const problems: Problems = {};
    const offers: OfferInput[] = [];
    for (const location of await listLocationsForAdmin({ actor })) {
      const offered = input[`offered-${location.id}`] === 'on';
      if (!offered) {
        offers.push({ locationId: location.id, offered, minutesPerUnit: 0, maxCount: 0 });
        continue;
      }
      const offer = offerSchema.safeParse({ minutesPerUnit: input[`minutes-${location.id}`], maxCount: input[`maxCount-${location.id}`] });
      if (offer.success) offers.push({ locationId: location.id, offered, ...offer.data });
      else for (const issue of offer.error.issues) problems[`${issue.path[0] === 'maxCount' ? 'maxCount' : 'minutes'}-${location.id}`] ??= { key: issue.message as Problems[string]['key'] };
    }
    if (Object.keys(problems).length > 0) return problemState(t, problems, values);
    const { serviceId, active, nameDe, nameEn, descriptionDe, descriptionEn, feeDe, feeEn } = parsed.data;
    // A fee left empty in both languages is no fee; one language alone stands for both.
    const fee = feeDe || feeEn ? { de: feeDe || feeEn, en: feeEn || feeDe } : null;
    const stored = serviceId === null ? [] : ((await listServicesForAdmin({ actor })).find((s) => s.id === serviceId)?.documentIds ?? []);
    const documentIds = checkedDocumentIds(stored, input);
    const result = await updateService({ actor, input: { serviceId, active, documentIds, name: { de: nameDe, en: nameEn }, description: { de: descriptionDe, en: descriptionEn }, fee, offers } });
    if (!result.ok) return problemState(t, result.problems, values);
    revalidatePath(PAGE, 'page');
    return { ok: true };
  });
}

/** Creates (`documentId` "new") or saves a document to bring; a hint left empty in both languages is no hint. */
export async function saveDocumentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(formData, async ({ actor, input, values, t }): Promise<ActionState> => {
    const parsed = documentSchema.safeParse(input);
    if (!parsed.success) return zodState(t, parsed.error, values);
    const { documentId, nameDe, nameEn, hintDe, hintEn, formUrl } = parsed.data;
    const hint = hintDe || hintEn ? { de: hintDe, en: hintEn } : null;
    const result = await saveDocument({ actor, documentId, fields: { name: { de: nameDe, en: nameEn }, hint, formUrl } });
    if (!result.ok) return problemState(t, result.problems, values);
    revalidatePath(PAGE, 'page');
    return { ok: true };
  });
}
