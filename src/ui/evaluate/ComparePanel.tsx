import { useState } from 'react';
import { bestIndex, compareMetrics, configDiff } from '../../core/experiment/compare';
import type { RunSummary } from '../../engine/api';
import { useRuns } from '../../state/runs';
import { CurveChart } from '../charts/CurveChart';

const COLORS = ['#6366f1', '#f59e0b', '#10b981', '#ef4444', '#0ea5e9', '#8b5cf6', '#14b8a6', '#ec4899'];

/** Side-by-side comparison of chosen runs: metrics, overlaid ROC and PR curves, config diff. */
export function ComparePanel() {
  const runs = useRuns((s) => s.runs);
  const [chosen, setChosen] = useState<string[]>([]);
  if (runs.length < 2) return null;
  const picked = runs.filter((r) => chosen.includes(r.id));
  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  return (
    <div className="panel compare-panel" role="region" aria-label="Compare runs">
      <h2>Compare runs</h2>
      <div className="compare-pick">
        {runs.map((r) => (
          <label key={r.id} className="check">
            <input type="checkbox" checked={chosen.includes(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} /> {r.label}
            <span className="muted small"> · {r.config.target}</span>
          </label>
        ))}
      </div>
      {picked.length < 2 ? <p className="muted small">Tick two or more runs to compare them.</p> : <Comparison runs={picked} />}
    </div>
  );
}

function Comparison({ runs }: { runs: RunSummary[] }) {
  const rows = compareMetrics(runs.map((r) => r.evaluation));
  const diff = configDiff(runs.map((r) => r.config));
  const mixed = runs.some((r) => r.config.task !== runs[0].config.task);
  const binary = runs.filter((r) => r.evaluation.task === 'binary');
  return (
    <>
      {mixed ? <p className="banner banner-warn">These runs predict different kinds of target; metrics of another task show as “—”.</p> : null}
      <table className="data-table" aria-label="Metrics side by side">
        <thead>
          <tr>
            <th scope="col">metric (test split{runs[0].config.task === 'binary' ? ', threshold 0.5' : ''})</th>
            {runs.map((r, i) => (
              <th key={r.id} scope="col" style={{ color: COLORS[i % COLORS.length] }}>
                {r.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const best = bestIndex(row);
            return (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {row.values.map((v, i) => (
                  <td key={runs[i].id} className={i === best ? 'best' : undefined}>
                    {v === null ? '—' : v.toFixed(3)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {binary.length >= 2 ? (
        <div className="eval-grid">
          <div className="panel">
            <h3>ROC curves</h3>
            <CurveChart
              ariaLabel="Overlaid ROC curves"
              series={binary.map((r) => ({ name: r.label, points: r.evaluation.task === 'binary' ? r.evaluation.roc : { x: [], y: [] }, color: COLORS[runs.indexOf(r) % COLORS.length] }))}
              xLabel="false positive rate"
              yLabel="true positive rate"
              chance="diagonal"
            />
          </div>
          <div className="panel">
            <h3>Precision–recall curves</h3>
            <CurveChart
              ariaLabel="Overlaid precision-recall curves"
              series={binary.map((r) => ({ name: r.label, points: r.evaluation.task === 'binary' ? r.evaluation.pr : { x: [], y: [] }, color: COLORS[runs.indexOf(r) % COLORS.length] }))}
              xLabel="recall"
              yLabel="precision"
            />
          </div>
        </div>
      ) : null}
      <h3>Configuration differences</h3>
      {diff.length === 0 ? (
        <p className="muted small">The configurations are identical.</p>
      ) : (
        <table className="data-table" aria-label="Configuration differences">
          <thead>
            <tr>
              <th scope="col">setting</th>
              {runs.map((r) => (
                <th key={r.id} scope="col">{r.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {diff.map((d) => (
              <tr key={d.setting}>
                <th scope="row">{d.setting}</th>
                {d.values.map((v, i) => (
                  <td key={runs[i].id}>{v}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
