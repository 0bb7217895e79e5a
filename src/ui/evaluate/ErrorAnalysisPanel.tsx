import { useEffect } from 'react';
import type { RunSummary } from '../../engine/api';
import { useDatasets } from '../../state/datasets';
import { useErrorAnalysis } from '../../state/errorAnalysis';
import { useRuns } from '../../state/runs';

/** Where the model fails: metrics per slice of a column, and its most confident mistakes. */
export function ErrorAnalysisPanel({ run }: { run: RunSummary }) {
  const profile = useDatasets((s) => s.byId[run.datasetId]);
  const { runId, column, table, error, errors, sliceBy, loadErrors } = useErrorAnalysis();
  const columns = profile?.columns.filter((c) => c.name !== run.config.target && c.kind !== 'text') ?? [];
  const first = columns.find((c) => c.kind === 'categorical') ?? columns[0];
  const threshold = useRuns((s) => s.threshold);
  useEffect(() => {
    if (runId !== run.id && first) void sliceBy(run.id, first.name);
    if (runId !== run.id) void loadErrors(run.id);
  }, [run.id, runId, first, sliceBy, loadErrors]);
  // A binary run's slices and mistakes follow the threshold slider, once it rests for a moment.
  useEffect(() => {
    if (run.config.task !== 'binary' || runId !== run.id) return;
    const wait = setTimeout(() => {
      if (column) void sliceBy(run.id, column);
      void loadErrors(run.id);
    }, 150);
    return () => clearTimeout(wait);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the threshold starts this
  }, [threshold]);
  if (!profile) return null;
  const regression = run.config.task === 'regression';
  return (
    <div className="panel" role="region" aria-label="Error analysis">
      <h2>Error analysis (test split)</h2>
      <label>
        Slice by{' '}
        <select aria-label="Slice by column" value={runId === run.id ? (column ?? '') : ''} onChange={(e) => void sliceBy(run.id, e.target.value)}>
          {columns.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name} ({c.kind})
            </option>
          ))}
        </select>
      </label>
      {error ? <p role="alert" className="error">{error}</p> : null}
      {table && runId === run.id ? (
        <table className="data-table" aria-label={`Metrics by ${table.column}`}>
          <thead>
            <tr>
              <th scope="col">{table.column}</th>
              <th scope="col">rows</th>
              {table.metricNames.map((m) => (
                <th key={m} scope="col">{m}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.slices.map((s) => (
              <tr key={s.label}>
                <th scope="row">{s.label}</th>
                <td>{s.count}</td>
                {table.metricNames.map((m) => (
                  <td key={m}>{s.metrics[m] == null ? '—' : s.metrics[m]!.toFixed(3)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h3 style={{ marginTop: 16 }}>{regression ? 'Largest errors' : 'Most confident wrong predictions'}</h3>
      {errors && errors.rows.length === 0 ? <p className="muted small">No wrong predictions in the test split.</p> : null}
      {errors && errors.rows.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table" aria-label={regression ? 'Largest errors' : 'Most confident wrong predictions'}>
            <thead>
              <tr>
                <th scope="col">row</th>
                <th scope="col">actual</th>
                <th scope="col">predicted</th>
                <th scope="col">{regression ? '|error|' : 'confidence'}</th>
                {errors.columns.map((c) => (
                  <th key={c} scope="col">{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {errors.rows.map((e) => (
                <tr key={e.row}>
                  <th scope="row">{e.row}</th>
                  <td>{e.actual}</td>
                  <td>{e.predicted}</td>
                  <td>{e.confidence.toFixed(3)}</td>
                  {e.cells.map((c, i) => (
                    <td key={i}>{c ?? <span className="muted">—</span>}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
