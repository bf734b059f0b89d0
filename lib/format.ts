import type { Localized } from '@/db/schema/types';

/** '08:00:00' → '08:00' */
export const clockTime = (time: string) => time.slice(0, 5);

/** The text in the reader's language, else the other one (a hint may be filled in only one language). */
export const pick = (text: Localized, locale: string) => (locale === 'en' ? text.en || text.de : text.de || text.en);

/** 24-hour clock in both languages: the office's signs, letters and the citizens' mails all use it. */
export const clockFormat = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

/**
 * The Intl locale dates are written in. The website formats through next-intl with the route's locale
 * ('de', 'en'); mails and calendar files use the same, so "Thursday, July 4, 2030" reads alike on the
 * confirmation page and in the mail.
 */
export const intlLocale = (locale: 'de' | 'en') => locale;

/** A link that finds the office's address on OpenStreetMap: a plain link, no third-party map embedded in our pages. */
export const mapLink = (place: { street: string; postalCode: string; city: string }) =>
  `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${place.street}, ${place.postalCode} ${place.city}`)}`;
