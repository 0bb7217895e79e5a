/**
 * The most anomalous rows: score, the features that isolate each one (bars of their path-length
 * credit, core/anomaly/forest.ts pathContributions) and the row's cells in the columns used.
 */
import type { AnomalyResult, FeatureCredit } from '../../../engine/api';

const WHY_SHOWN = 3;

function WhyBars({ why, scale }: { why: FeatureCredit[]; scale: number }) {
  const shown = why.filter((w) => w.contribution > 0).slice(0, WHY_SHOWN);
  if (shown.length === 0) return <span className="muted small">no single feature stands out</span>;
  return (
    <ul className="why-bars" aria-label={`Isolated by ${shown.map((w) => `${w.feature} (${w.contribution.toFixed(2)})`).join(', ')}`}>
      {shown.map((w) => (
        <li key={w.feature}>
          <span className="why-name" title={w.feature}>{w.feature}</span>
          <span className="why-track" aria-hidden="true">
            <span className="why-bar" style={{ width: `${Math.max(2, (100 * w.contribution) / scale)}%` }} />
          </span>
          <span className="why-value small muted">{w.contribution.toFixed(2)}</span>
        </li>
      ))}
    </ul>
  );
}

export function AnomalyTable({ result }: { result: AnomalyResult }) {
  const scale = Math.max(1e-9, ...result.top.map((r) => r.why[0]?.contribution ?? 0));
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label="Top anomalies">
        <thead>
          <tr>
            <th scope="col" className="rownum">Row</th>
            <th scope="col">Score</th>
            <th scope="col">Why (path shortened by)</th>
            {result.cellColumns.map((c) => (
              <th scope="col" key={c}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.top.map((r) => (
            <tr key={r.row} className={r.score > result.threshold ? 'flagged-row' : undefined}>
              <td className="rownum">{(r.row + 1).toLocaleString('en-US')}</td>
              <td>{r.score.toFixed(3)}</td>
              <td><WhyBars why={r.why} scale={scale} /></td>
              {r.cells.map((v, k) => (
                <td key={k} className={r.why[0]?.feature === result.cellColumns[k] ? 'why-cell' : undefined}>{v ?? <span className="muted">–</span>}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
