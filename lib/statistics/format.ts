import type { Cell, ColumnKind } from './tables';

/** How the page shows a cell: numbers and dates in the reader's language (German: 1.234,5 · 81,2 % · 02.12.2026). */
export function formatCell(value: Cell, kind: ColumnKind, locale: string): string {
  if (value === null) return '–';
  if (typeof value === 'string') return kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, locale) : value;
  if (kind === 'percent') return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  if (kind === 'decimal') return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** German dates as 02.12.2026, English ones as 2026-12-02 (unambiguous on both sides of the Atlantic). */
export function formatDate(iso: string, locale: string): string {
  if (locale !== 'de') return iso;
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
