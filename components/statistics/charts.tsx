import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import styles from './statistics.module.css';

// Charts are SVG drawn on the server with d3's scales and path helpers: no JavaScript in the browser,
// nothing for the CSP to allow, and the data table beneath each chart is what screen readers read.

export type Series = { name: string; values: (number | null)[]; tone: 'current' | 'previous' };

const WIDTH = 720;
const TONE = { current: '#1d5a8e', previous: '#767676' } as const;

function Legend({ series, y }: { series: Series[]; y: number }) {
  return (
    <g transform={`translate(0, ${y})`}>
      {series.map((s, i) => (
        <g key={s.name} transform={`translate(${i * 220}, 0)`}>
          <rect width={14} height={14} fill={TONE[s.tone]} />
          <text x={20} y={12} className={styles.chartText}>
            {s.name}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Horizontal bars, one group per category, one bar per series, each labelled with its value. */
export function BarChart({ label, categories, series, format }: { label: string; categories: string[]; series: Series[]; format: (v: number) => string }) {
  const labelWidth = 230;
  const barHeight = 16;
  const groupHeight = series.length * barHeight + 12;
  const height = categories.length * groupHeight + 30;
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const x = scaleLinear().domain([0, max]).range([0, WIDTH - labelWidth - 70]);
  const y = scaleBand().domain(categories.map((_, i) => String(i))).range([0, categories.length * groupHeight]);
  return (
    <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={label}>
      {categories.map((category, i) => (
        <g key={i} transform={`translate(0, ${y(String(i))})`}>
          <text x={labelWidth - 8} y={groupHeight / 2} textAnchor="end" dominantBaseline="middle" className={styles.chartText}>
            {category.length > 32 ? `${category.slice(0, 31)}…` : category}
          </text>
          {series.map((s, j) => {
            const value = s.values[i] ?? 0;
            return (
              <g key={s.name} transform={`translate(${labelWidth}, ${4 + j * barHeight})`}>
                <rect width={Math.max(1, x(value))} height={barHeight - 3} fill={TONE[s.tone]} />
                <text x={x(value) + 6} y={barHeight / 2} dominantBaseline="middle" className={styles.chartValue}>
                  {s.values[i] === null ? '–' : format(value)}
                </text>
              </g>
            );
          })}
        </g>
      ))}
      <Legend series={series} y={height - 18} />
    </svg>
  );
}

/** A line per series over the dates of the period; gaps where there is no figure, an optional dashed target line. */
export function LineChart({ label, dates, series, format, dateLabel, target }: {
  label: string;
  dates: string[];
  series: Series[];
  format: (v: number) => string;
  dateLabel: (iso: string) => string;
  target?: { value: number; label: string };
}) {
  const height = 260;
  const margin = { left: 60, right: 20, top: 16, bottom: 58 };
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = Math.max(target?.value ?? 0, ...values, 0) || 1;
  const x = scaleLinear().domain([0, Math.max(1, dates.length - 1)]).range([margin.left, WIDTH - margin.right]);
  const y = scaleLinear().domain([0, max]).nice().range([height - margin.bottom, margin.top]);
  const path = line<number | null>().defined((v) => v !== null).x((_, i) => x(i)).y((v) => y(v ?? 0));
  const every = Math.max(1, Math.ceil(dates.length / 8));
  return (
    <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={label}>
      {y.ticks(5).map((tick) => (
        <g key={tick}>
          <line x1={margin.left} x2={WIDTH - margin.right} y1={y(tick)} y2={y(tick)} stroke="#d0d0d0" />
          <text x={margin.left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle" className={styles.chartText}>
            {format(tick)}
          </text>
        </g>
      ))}
      {dates.map((d, i) =>
        i % every === 0 ? (
          <text key={d} x={x(i)} y={height - margin.bottom + 18} textAnchor="middle" className={styles.chartText}>
            {dateLabel(d)}
          </text>
        ) : null,
      )}
      {target && (
        <g>
          <line x1={margin.left} x2={WIDTH - margin.right} y1={y(target.value)} y2={y(target.value)} stroke="#a4262c" strokeDasharray="6 4" />
          <text x={WIDTH - margin.right} y={y(target.value) - 6} textAnchor="end" className={styles.chartText}>
            {target.label}
          </text>
        </g>
      )}
      {series.map((s) => (
        <g key={s.name}>
          <path d={path(s.values) ?? ''} fill="none" stroke={TONE[s.tone]} strokeWidth={2.5} />
          {s.values.map((v, i) => (v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={3} fill={TONE[s.tone]} />))}
        </g>
      ))}
      <Legend series={series} y={height - 20} />
    </svg>
  );
}

/** Weekday × hour grid, darker where the counters were fuller; each cell carries its percentage. */
export function HeatMap({ label, rows, columns, values, format }: { label: string; rows: string[]; columns: string[]; values: (number | null)[][]; format: (v: number) => string }) {
  const cellW = Math.min(110, (WIDTH - 110) / Math.max(1, columns.length));
  const cellH = 28;
  const height = rows.length * cellH + 30;
  // Two bands, so each cell's percentage keeps 4.5:1 contrast: light blues with dark text up to 60 %, dark blues with white text above.
  const shade = scaleLinear<string>().domain([0, 0.599, 0.6, 1]).range(['#eef3f8', '#9fb9d1', '#2f5f8a', '#0b3d66']).clamp(true);
  return (
    <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={label}>
      {columns.map((c, j) => (
        <text key={c} x={110 + j * cellW + cellW / 2} y={18} textAnchor="middle" className={styles.chartText}>
          {c}
        </text>
      ))}
      {rows.map((r, i) => (
        <g key={r} transform={`translate(0, ${30 + i * cellH})`}>
          <text x={100} y={cellH / 2} textAnchor="end" dominantBaseline="middle" className={styles.chartText}>
            {r}
          </text>
          {columns.map((c, j) => {
            const v = values[i]?.[j] ?? null;
            return (
              <g key={c} transform={`translate(${110 + j * cellW}, 0)`}>
                <rect width={cellW - 2} height={cellH - 2} fill={v === null ? '#ffffff' : shade(v)} stroke="#d0d0d0" />
                <text x={cellW / 2} y={cellH / 2} textAnchor="middle" dominantBaseline="middle" fill={v !== null && v >= 0.6 ? '#ffffff' : '#1a1a1a'} className={styles.heatText}>
                  {v === null ? '–' : format(v)}
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
