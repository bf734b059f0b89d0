/**
 * Formatting for texts repeated per item of a long list, the time page's day of free times and month of days:
 * next-intl builds its `Intl.DateTimeFormat`s and parses its messages anew in every request, and per item that
 * was a measurable part of the page under a release rush (README, "Load test").
 */

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** One `Intl.DateTimeFormat` per locale and options for the life of the process (they hold no request data). */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateTimeFormats.set(key, format);
  }
  return format;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * A message of plain `{name}` placeholders (from next-intl's `t.raw`) as a function that fills them, so a list
 * formats its text once per request instead of once per item. Anything ICU would treat differently (plural,
 * select, quoting) is refused, so a translation that grows one fails loudly instead of printing braces.
 */
export function plainMessage(raw: unknown): (values: Record<string, string | number>) => string {
  if (typeof raw !== 'string' || /[{}']/.test(raw.replace(PLACEHOLDER, ''))) throw new Error(`Not a plain message: ${JSON.stringify(raw)}`);
  return (values) => raw.replace(PLACEHOLDER, (_, name: string) => String(values[name] ?? ''));
}
