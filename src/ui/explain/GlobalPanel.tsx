import { useState } from 'react';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { GlobalExplanation } from '../../engine/api';
import { useExplain } from '../../state/explain';
import { useRuns } from '../../state/runs';
import { ChartTable } from '../charts/ChartTable';
import { BeeswarmCanvas } from './BeeswarmCanvas';
import { beeswarmColor as colorOf } from './beeswarm';

export function GlobalPanel() {
  const global = useExplain((s) => s.global);
  const job = useExplain((s) => s.globalJob);
  const error = useExplain((s) => s.globalError);
  const runGlobal = useExplain((s) => s.runGlobal);
  const cancel = useExplain((s) => s.cancelGlobal);
  const [rows, setRows] = useState(200);
  // A kind's own exact explainer (TreeSHAP) is fast enough for a thousand rows; KernelSHAP is not.
  const runId = useExplain((s) => s.runId);
  const exact = useRuns((s) => s.runs.find((r) => r.id === runId)?.capabilities.exactExplainer ?? null);
  const space = useExplain((s) => s.settings.space);
  const choices = exact && space === 'margin' ? [50, 200, 500, 1000] : [50, 200, 500];
  return (
    <div className="panel" aria-label="Global explanation">
      <div className="row-between">
        <h2>What matters overall</h2>
        <div className="export-bar">
          <label>
            Rows{' '}
            <select aria-label="Rows to explain" value={rows} onChange={(e) => setRows(Number(e.target.value))} disabled={job !== null}>
              {choices.map((n) => (
                <option key={n} value={n}>{n}</option>
              ))}
            </select>
          </label>
          {job ? (
            <button className="button" onClick={() => void cancel()}>Cancel</button>
          ) : (
            <button className="button" onClick={() => void runGlobal(rows)}>Explain {rows} test rows</button>
          )}
        </div>
      </div>
      {job ? (
        <div className="progress-row" aria-live="polite">
          <progress value={job.fraction ?? undefined} max={1} aria-label="Global explanation progress" />
          <span className="muted small">{job.message}</span>
        </div>
      ) : null}
      {error ? <p role="alert" className="error small">{error}</p> : null}
      {global ? (
        <>
          <p className="muted small">
            {global.rows} test rows · {global.spaceLabel} ·{' '}
            {exact && space === 'margin'
              ? `exact ${exact === 'tree' ? 'tree' : 'linear'} SHAP from the model itself`
              : 'exact SHAP up to 12 features, else KernelSHAP with 512 coalitions and a 20-row background'}{' '}
            · {(global.ms / 1000).toFixed(1)} s{global.evaluations > 0 ? ` (${Math.round(global.evaluations / (global.ms / 1000)).toLocaleString('en-US')} model evaluations/s)` : ''}
          </p>
          <div className="eval-grid">
            <div>
              <h3>Mean |SHAP value|</h3>
              <div role="img" aria-label="Mean absolute SHAP value per feature" style={{ width: '100%', height: 40 + global.features.length * 26 }}>
                <ResponsiveContainer>
                  <BarChart data={global.features} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
                    <XAxis type="number" tick={{ fontSize: 11 }} tickFormatter={(v: number) => v.toFixed(3)} />
                    <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 12 }} interval={0} />
                    <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))} />
                    <Bar dataKey="meanAbs" name="mean |SHAP|" fill="#6366f1" isAnimationActive={false} radius={[0, 3, 3, 0]} />
                  </BarChart>
                </ResponsiveContainer>
              </div>
              <ChartTable caption="Mean |SHAP value| per feature" columns={['feature', 'mean |SHAP|']} rows={global.features.map((f) => [f.name, f.meanAbs])} />
            </div>
            <div>
              <h3>Every row, every feature</h3>
              <BeeswarmCanvas global={global} />
              <p className="muted small legend">
                <span className="swatch" style={{ background: colorOf(0) }} /> low value <span className="swatch" style={{ background: colorOf(1) }} /> high value{' '}
                <span className="swatch" style={{ background: colorOf(null) }} /> missing or text
              </p>
            </div>
          </div>
        </>
      ) : !job ? (
        <p className="muted small">Explains a sample of test rows and summarises which features move predictions, and in which direction.</p>
      ) : null}
    </div>
  );
}
