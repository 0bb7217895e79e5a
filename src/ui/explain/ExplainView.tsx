import { useEffect } from 'react';
import { useExplain } from '../../state/explain';
import { useRuns } from '../../state/runs';
import { useUi } from '../../state/ui';
import { DependencePanel } from './DependencePanel';
import { GlobalPanel } from './GlobalPanel';
import { ImportancePanel } from './ImportancePanel';
import { RowPicker } from './RowPicker';
import { Waterfall } from './Waterfall';
import { WhatIfForm } from './WhatIfForm';

export function ExplainView() {
  const runs = useRuns((s) => s.runs);
  const selectedRunId = useRuns((s) => s.selectedRunId);
  const setView = useUi((s) => s.setView);
  const runId = useExplain((s) => s.runId);
  const open = useExplain((s) => s.open);
  const row = useExplain((s) => s.row);
  const rowError = useExplain((s) => s.rowError);
  const whatIf = useExplain((s) => s.whatIf);
  const space = useExplain((s) => s.settings.space);
  const setSpace = useExplain((s) => s.setSpace);
  const exportCsv = useExplain((s) => s.exportCsv);
  const exportNote = useExplain((s) => s.exportNote);
  const run = runs.find((r) => r.id === (runId ?? selectedRunId)) ?? runs.at(-1) ?? null;

  useEffect(() => {
    if (run && run.id !== runId) void open(run.id);
  }, [run, runId, open]);

  if (!run) {
    return (
      <section className="empty">
        <h2>Nothing to explain yet</h2>
        <p className="muted">Train a model, then ask why it predicts what it does.</p>
        <button className="button" onClick={() => setView('train')}>Go to Train</button>
      </section>
    );
  }
  const marginOffered = run.capabilities.margin;
  const shown = whatIf ?? row;
  return (
    <section aria-label="Explain a run" className="explain-view">
      <div className="row-between">
        <label>
          Run{' '}
          <select value={run.id} onChange={(e) => void open(e.target.value)}>
            {runs.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label} · {r.datasetName} · {r.config.target}
              </option>
            ))}
          </select>
        </label>
        <div className="export-bar">
          {marginOffered && run.config.task === 'binary' ? (
            <div role="radiogroup" aria-label="Explain in" className="segmented">
              <button role="radio" aria-checked={space === 'probability'} className={space === 'probability' ? 'on' : ''} onClick={() => void setSpace('probability')}>Probability</button>
              <button role="radio" aria-checked={space === 'margin'} className={space === 'margin' ? 'on' : ''} onClick={() => void setSpace('margin')}>Log-odds</button>
            </div>
          ) : null}
          <button className="button" onClick={() => void exportCsv()}>Download SHAP values (CSV)</button>
        </div>
      </div>
      {exportNote ? <p className="muted small" role="status">{exportNote}</p> : null}
      <p className="muted small run-meta">
        Why did the model predict what it did? SHAP values split each prediction into one push per feature, computed here on your device: exact for few features, linear models and trees (TreeSHAP, in log-odds), KernelSHAP otherwise.
      </p>
      <div className="explain-grid">
        <RowPicker />
        <div className="panel">
          {rowError ? <p role="alert" className="error">{rowError}</p> : null}
          {shown ? (
            <>
              <div className="row-between">
                <h2>
                  Row {shown.rowIndex}
                  {shown.edited ? ' (edited)' : ''}: predicted <span data-testid="predicted-label">{shown.predictedLabel}</span>
                  {shown.actual !== null ? <span className="muted small"> · actually {shown.actual} · {shown.split} split</span> : null}
                </h2>
                <span className="muted small">{shown.ms.toFixed(0)} ms · {shown.evaluations.toLocaleString('en-US')} evaluations</span>
              </div>
              {whatIf && row ? (
                <p className="what-if-delta" aria-live="polite">
                  What-if: {row.spaceLabel} {row.prediction.toFixed(3)} → <strong data-testid="what-if-prediction">{whatIf.prediction.toFixed(3)}</strong>{' '}
                  <span className={whatIf.prediction >= row.prediction ? 'up' : 'down'}>({(whatIf.prediction - row.prediction >= 0 ? '+' : '') + (whatIf.prediction - row.prediction).toFixed(3)})</span>
                </p>
              ) : null}
              <Waterfall explanation={shown} title={shown.edited ? 'What-if waterfall' : 'Why this prediction'} />
              <WhatIfForm />
            </>
          ) : !rowError ? (
            <p className="muted">Pick a row to see its explanation.</p>
          ) : null}
        </div>
      </div>
      <GlobalPanel />
      <div className="eval-grid">
        <ImportancePanel />
        <DependencePanel features={run.config.features} />
      </div>
    </section>
  );
}
