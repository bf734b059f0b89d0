import { customType, jsonb } from 'drizzle-orm/pg-core';

/** Text in both languages of the product; German is the default and always present. */
export type Localized = { de: string; en: string };

export const localized = (name: string) => jsonb(name).$type<Localized>();

/** A half-open time range `[start, end)`, stored as PostgreSQL `tstzrange`. */
export type TimeRange = { start: Date; end: Date };

export const tstzrange = customType<{ data: TimeRange; driverData: string }>({
  dataType: () => 'tstzrange',
  toDriver: ({ start, end }) => `[${start.toISOString()},${end.toISOString()})`,
  fromDriver: (value) => {
    // PostgreSQL returns e.g. ["2026-12-01 08:00:00+00","2026-12-01 08:20:00+00")
    const [lower = '', upper = ''] = value.slice(1, -1).split(',');
    const unquote = (s: string) => s.replace(/^"|"$/g, '');
    return { start: new Date(unquote(lower)), end: new Date(unquote(upper)) };
  },
});
