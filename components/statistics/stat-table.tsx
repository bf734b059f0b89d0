import { formatCell } from '@/lib/statistics/format';
import type { StatTable } from '@/lib/statistics/tables';
import styles from './statistics.module.css';

const isNumber = (kind: string) => kind !== 'text' && kind !== 'date';

/** One statistics table with its downloads; the first column heads each row. */
export function StatTableView({ table, locale, exportHref, labels }: { table: StatTable; locale: string; exportHref: (format: 'csv' | 'xlsx') => string; labels: { csv: string; xlsx: string } }) {
  return (
    <>
      {/* Wide tables scroll sideways; the region takes focus so keyboard users can scroll it too. */}
      <div className={styles.tableWrap} role="region" aria-label={table.title} tabIndex={0}>
        <table className={styles.table} id={`table-${table.id}`}>
          <caption>{table.title}</caption>
          <thead>
            <tr>
              {table.columns.map((c, i) => (
                <th key={i} scope="col" className={isNumber(c.kind) ? styles.number : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => {
                  const kind = table.columns[i]?.kind ?? 'text';
                  const text = formatCell(cell, kind, locale);
                  return i === 0 ? (
                    <th key={i} scope="row">
                      {text}
                    </th>
                  ) : (
                    <td key={i} className={isNumber(kind) ? styles.number : undefined}>
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={styles.downloads}>
        <a href={exportHref('csv')} download>
          {labels.csv}
        </a>
        <a href={exportHref('xlsx')} download>
          {labels.xlsx}
        </a>
      </p>
    </>
  );
}
