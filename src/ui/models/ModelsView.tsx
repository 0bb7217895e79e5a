/**
 * Model versions per model line (a target and task): every training or online update is a
 * version. Tick two to compare, promote one as current, roll back to the previous current, open
 * one in Evaluate. Monitoring sits below.
 */
import { useEffect } from 'react';
import type { ModelLine, ModelVersion } from '../../engine/api';
import { useRuns } from '../../state/runs';
import { useUi } from '../../state/ui';
import { useVersions } from '../../state/versions';
import { MonitoringPanel } from './MonitoringPanel';
import { VersionComparisonPanel } from './VersionComparison';

export function ModelsView() {
  const runCount = useRuns((s) => s.runs.length);
  const lines = useVersions((s) => s.lines);
  const refresh = useVersions((s) => s.refresh);
  const comparison = useVersions((s) => s.comparison);
  const error = useVersions((s) => s.error);
  const openView = useUi((s) => s.openView);
  // Runs arrive from training and stream updates: the versions follow the run list.
  useEffect(() => void refresh(), [runCount, refresh]);
  return (
    <section aria-label="Model versions and monitoring" className="models-view">
      <h1 className="view-title">Models</h1>
      <p className="muted small">Every training run or online update is a version of its model (one target and task). One version per model is current: the one you would deploy.</p>
      {lines.length === 0 ? (
        <div className="panel empty">
          <h2>No models yet</h2>
          <p className="muted">Train a model and it appears here as version 1.</p>
          <button className="button" onClick={() => openView('train')}>Go to Train</button>
        </div>
      ) : (
        lines.map((line) => <LinePanel key={line.key} line={line} />)
      )}
      {error ? <p className="error" role="alert">{error}</p> : null}
      {comparison ? <VersionComparisonPanel comparison={comparison} /> : null}
      <MonitoringPanel />
    </section>
  );
}

function fmt(v: number | null): string {
  return v === null || !Number.isFinite(v) ? '—' : Math.abs(v) >= 100 ? v.toPrecision(4) : v.toFixed(3);
}

function LinePanel({ line }: { line: ModelLine }) {
  const ticked = useVersions((s) => s.ticked);
  const tick = useVersions((s) => s.tick);
  const compare = useVersions((s) => s.compare);
  const promote = useVersions((s) => s.promote);
  const rollback = useVersions((s) => s.rollback);
  const canRollBack = line.history.some((h) => h.action !== 'first') && new Set(line.history.map((h) => h.runId)).size > 1;
  const current = line.versions.find((v) => v.current);
  const tickedHere = ticked.filter((id) => line.versions.some((v) => v.runId === id));
  const metricNames = line.versions[0]?.metrics.map((m) => m.name) ?? [];
  const last = line.history[line.history.length - 1];
  return (
    <div className="panel" role="region" aria-label={`Versions of ${line.target}`}>
      <div className="row-between">
        <h2>
          {line.target} <span className="muted small">({line.task}) · {line.versions.length} version{line.versions.length === 1 ? '' : 's'}{current ? ` · current: version ${current.version}` : ''}</span>
        </h2>
        <div className="line-actions">
          <button className="button small" onClick={() => void compare()} disabled={tickedHere.length !== 2} title="Tick two versions in the table first">
            Compare ticked
          </button>
          <button className="button small" onClick={() => void rollback(line.key)} disabled={!canRollBack} title="Make the previously current version current again">
            Roll back
          </button>
        </div>
      </div>
      <div className="table-scroll">
        <table className="data-table versions-table" aria-label={`Versions of ${line.target}`}>
          <thead>
            <tr>
              <th scope="col">compare</th>
              <th scope="col">version</th>
              <th scope="col">model</th>
              <th scope="col">parent</th>
              <th scope="col">data</th>
              <th scope="col">origin</th>
              {metricNames.map((n) => (
                <th key={n} scope="col">{n}</th>
              ))}
              <th scope="col">created</th>
              <th scope="col">actions</th>
            </tr>
          </thead>
          <tbody>
            {line.versions.map((v) => (
              <VersionRow key={v.runId} v={v} ticked={ticked.includes(v.runId)} onTick={(on) => tick(v.runId, on)} onPromote={() => void promote(v.runId)} />
            ))}
          </tbody>
        </table>
      </div>
      {last ? (
        <p className="muted small">
          Promotion history: {line.history.map((h) => `${h.action === 'first' ? 'first' : h.action === 'promote' ? 'promoted' : 'rolled back to'} v${h.version} at ${new Date(h.at).toLocaleTimeString()}`).join(' → ')}
        </p>
      ) : null}
    </div>
  );
}

function VersionRow({ v, ticked, onTick, onPromote }: { v: ModelVersion; ticked: boolean; onTick: (on: boolean) => void; onPromote: () => void }) {
  const open = useVersions((s) => s.openInEvaluate);
  const lineage = v.data.lineage;
  return (
    <tr className={v.current ? 'current-version' : undefined}>
      <td>
        <input type="checkbox" checked={ticked} onChange={(e) => onTick(e.target.checked)} aria-label={`Compare version ${v.version}`} />
      </td>
      <th scope="row">
        v{v.version} {v.current ? <span className="badge current-badge">current</span> : null}
      </th>
      <td className="left">{v.modelKind}</td>
      <td>{v.parentRunId ? (v.parentVersion !== null ? `v${v.parentVersion}` : 'removed') : '—'}</td>
      <td className="left" title={lineage ? `Cleaned from ${lineage.parentName} (version ${lineage.parentVersion}): ${lineage.recipe.steps.map((s) => s.op).join(', ')}` : undefined}>
        {v.data.datasetName} v{v.data.datasetVersion}
        {lineage ? <span className="muted"> · {lineage.recipe.steps.length}-step recipe</span> : null}
      </td>
      <td>{v.origin === 'update' ? 'online update' : 'trained'}</td>
      {v.metrics.map((m) => (
        <td key={m.name}>{fmt(m.value)}</td>
      ))}
      <td>{new Date(v.createdAt).toLocaleTimeString()}</td>
      <td className="version-actions">
        <button className="button small" onClick={onPromote} disabled={v.current} aria-label={`Promote version ${v.version}`}>
          Promote
        </button>
        <button className="button small" onClick={() => open(v.runId)} aria-label={`Open version ${v.version} in Evaluate`}>
          Evaluate
        </button>
      </td>
    </tr>
  );
}
