/** What Next.js hands a page as `searchParams`, once awaited. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a query parameter, or '' when it is absent (`?a=1&a=2` → '1'). */
export const firstParam = (value: string | string[] | undefined): string => (Array.isArray(value) ? value[0] : value) ?? '';
