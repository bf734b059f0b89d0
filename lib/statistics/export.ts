import 'server-only';
import writeXlsxFile, { type Cell as XlsxCell, type Sheet } from 'write-excel-file/node';
import { formatDate } from './format';
import type { Cell, ColumnKind, StatTable } from './tables';

// CSV for German spreadsheets: semicolons, decimal commas, 81,2 %, 02.12.2026 (German Excel and
// LibreOffice read them as numbers, percentages and dates); English: commas, points, ISO dates.
const SEPARATOR = { de: ';', en: ',' } as const;

function csvCell(value: Cell, kind: ColumnKind, locale: 'de' | 'en'): string {
  if (value === null) return '';
  if (typeof value === 'string') return kind === 'date' ? formatDate(value, locale) : value;
  // As the page: shares with one decimal, other numbers with at most one (no thousands separator: it would read as a decimal point).
  const text = kind === 'percent' ? (value * 100).toFixed(1) : String(Math.round(value * 10) / 10);
  const number = locale === 'de' ? text.replace('.', ',') : text;
  return kind === 'percent' ? (locale === 'de' ? `${number} %` : `${number}%`) : number;
}

function quoted(text: string, separator: string): string {
  // A text starting like a formula is prefixed, so a spreadsheet shows it instead of running it.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /["\n\r]/.test(safe) || safe.includes(separator) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One table as CSV (with a byte-order mark, so spreadsheets read the umlauts as UTF-8). */
export function tableToCsv(table: StatTable, locale: 'de' | 'en'): string {
  const sep = SEPARATOR[locale];
  const lines = [
    table.columns.map((c) => quoted(c.label, sep)).join(sep),
    ...table.rows.map((row) => row.map((v, i) => quoted(csvCell(v, table.columns[i]?.kind ?? 'text', locale), sep)).join(sep)),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function xlsxCell(value: Cell, kind: ColumnKind, locale: 'de' | 'en'): XlsxCell {
  if (value === null) return null;
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return { type: Date, value: new Date(`${value}T00:00:00Z`), format: locale === 'de' ? 'dd.mm.yyyy' : 'yyyy-mm-dd' };
  }
  if (typeof value === 'string') return value;
  // Real numbers with a display format: the spreadsheet shows them in its own language's notation.
  if (kind === 'percent') return { type: Number, value, format: '0.0%' };
  if (kind === 'decimal') return { type: Number, value, format: '0.0' };
  return { type: Number, value, format: '0' };
}

// Excel sheet names: at most 31 characters, none of : \ / ? * [ ].
const sheetName = (title: string, used: Set<string>) => {
  let name = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
  for (let i = 2; used.has(name); i++) name = `${name.slice(0, 28)} ${i}`;
  used.add(name);
  return name;
};

/** The tables as an XLSX workbook, one sheet each, headings bold. */
export async function tablesToXlsx(tables: StatTable[], locale: 'de' | 'en'): Promise<Buffer> {
  const used = new Set<string>();
  const sheets: Sheet<Buffer>[] = tables.map((table) => ({
    sheet: sheetName(table.title, used),
    columns: table.columns.map((c, i) => ({ width: i === 0 ? 34 : Math.max(12, c.label.length + 2) })),
    data: [
      table.columns.map((c) => ({ value: c.label, fontWeight: 'bold' as const })),
      ...table.rows.map((row) => row.map((v, i) => xlsxCell(v, table.columns[i]?.kind ?? 'text', locale))),
    ],
  }));
  return writeXlsxFile(sheets).toBuffer();
}
