/** A chart's text alternative: its numbers as a table, behind a toggle so the page stays short. */
export interface ChartTableProps {
  /** What the table holds, e.g. "Training curve". */
  caption: string;
  columns: string[];
  rows: (string | number | null)[][];
  /** Long series are thinned to about this many rows, evenly, keeping the last. */
  maxRows?: number;
}

const cell = (v: string | number | null) => (v === null ? '–' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(4)) : v);

export function ChartTable({ caption, columns, rows, maxRows = 50 }: ChartTableProps) {
  const every = Math.max(1, Math.ceil(rows.length / maxRows));
  const shown = rows.filter((_, i) => i % every === 0 || i === rows.length - 1);
  return (
    <details className="chart-table">
      <summary className="small">Show as table</summary>
      <table className="data-table">
        <caption className="small muted">
          {caption}
          {every > 1 ? ` (one in ${every} of ${rows.length} points)` : ''}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r, i) => (
            <tr key={i}>
              {r.map((v, j) => (
                <td key={j}>{cell(v)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
