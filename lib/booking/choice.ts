import type { BookableService } from '@/db/queries/availability';
import { pick } from '@/lib/format';

export type ChosenService = BookableService & { count: number };

/** `personalausweis:2,anmeldung:1` → counts by service slug; how the choice travels in the URL. */
export function parseChoiceParam(raw: string | undefined | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const part of (raw ?? '').split(',')) {
    const [slug, count] = part.split(':');
    const n = Number(count);
    if (slug && Number.isInteger(n) && n > 0) counts.set(slug, n);
  }
  return counts;
}

export const formatChoiceParam = (items: readonly { slug: string; count: number }[]) =>
  items.map((i) => `${i.slug}:${i.count}`).join(',');

/** The location's services with the chosen counts; null if the choice is empty or exceeds a maximum. */
export function resolveChoice(services: readonly BookableService[], counts: Map<string, number>): ChosenService[] | null {
  const chosen = services.filter((s) => counts.has(s.slug)).map((s) => ({ ...s, count: counts.get(s.slug)! }));
  if (chosen.length === 0 || chosen.length !== counts.size) return null;
  if (chosen.some((s) => s.count > s.maxCount)) return null;
  return chosen;
}

/** A service as the pickers show it (booking, request, wish): texts in the reader's language. */
export const serviceInLanguage = (s: Pick<BookableService, 'slug' | 'name' | 'description' | 'minutesPerUnit' | 'maxCount'>, locale: string) => ({
  slug: s.slug,
  name: pick(s.name, locale),
  description: pick(s.description, locale),
  minutesPerUnit: s.minutesPerUnit,
  maxCount: s.maxCount,
});
