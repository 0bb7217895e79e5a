import { datasetWords } from '../../core/clean/lineage';
import { useEffect, useRef } from 'react';
import { useRuns } from '../../state/runs';
import { useUi } from '../../state/ui';
import { useVersions } from '../../state/versions';
import { OnnxExportPanel } from './OnnxExportPanel';
import { LossChart } from '../charts/LossChart';
import { SaveChart } from '../charts/SaveChart';
import { BinaryPanel } from './BinaryPanel';
import { MulticlassPanel } from './MulticlassPanel';
import { RegressionPanel } from './RegressionPanel';
import { ExportBar } from './ExportBar';
import { ComparePanel } from './ComparePanel';
import { ErrorAnalysisPanel } from './ErrorAnalysisPanel';
import { ReloadPanel } from './ReloadPanel';
import { TreesPanel } from './TreesPanel';
import { useFocusWhenOpened } from '../layout/focus';

export function EvaluateView() {
  const runs = useRuns((s) => s.runs);
  const selectedId = useRuns((s) => s.selectedRunId);
  const selectRun = useRuns((s) => s.selectRun);
  const setView = useUi((s) => s.setView);
  const run = runs.find((r) => r.id === selectedId) ?? null;
  const lines = useVersions((s) => s.lines);
  const refreshVersions = useVersions((s) => s.refresh);
  useEffect(() => void refreshVersions(), [runs.length, refreshVersions]);
  // Each run is a version of its model line: the picker says which, and marks the current one.
  const versionOf = new Map(lines.flatMap((l) => l.versions.map((v) => [v.runId, v] as const)));
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusWhenOpened('evaluate', heading, run !== null);
  if (!run) {
    return (
      <section className="empty">
        <h2>No runs yet</h2>
        <p className="muted">Train a model and its test-split evaluation appears here.</p>
        <button className="button" onClick={() => setView('train')}>Go to Train</button>
        <ReloadPanel />
      </section>
    );
  }
  const c = run.config;
  return (
    <section aria-label="Evaluate a run" className="evaluate-view">
      <h1 ref={heading} tabIndex={-1} className="view-title">
        Evaluation of {run.label}
      </h1>
      <div className="row-between">
        <label>
          Version{' '}
          <select value={run.id} onChange={(e) => selectRun(e.target.value)}>
            {runs.map((r) => {
              const v = versionOf.get(r.id);
              return (
                <option key={r.id} value={r.id}>
                  {v ? `v${v.version}${v.current ? ' (current)' : ''} · ` : ''}
                  {r.label} · {r.datasetName} · {r.config.target}
                </option>
              );
            })}
          </select>
        </label>
        <ExportBar />
      </div>
      <OnnxExportPanel />
      <p className="muted small run-meta">
        {datasetWords(run)} · target <strong>{c.target}</strong> ({c.task}
        {c.positiveClass ? `, positive class “${c.positiveClass}”` : ''}) · {c.features.length} features · {c.model.kind} · seed {c.seed} · {run.backend} · trained on{' '}
        {run.trainRows.toLocaleString('en-US')} rows in {(run.timings.trainMs / 1000).toFixed(1)} s · all metrics on the test split
      </p>
      {run.evaluation.task === 'binary' ? <BinaryPanel run={run} evaluation={run.evaluation} /> : null}
      {run.evaluation.task === 'multiclass' ? <MulticlassPanel evaluation={run.evaluation} /> : null}
      {run.evaluation.task === 'regression' ? <RegressionPanel evaluation={run.evaluation} /> : null}
      <div className="panel">
        <SaveChart heading="Training history" label="training history" file="training-history" level={2}>
          <LossChart steps={run.history} progress={run.progress} height={200} />
        </SaveChart>
      </div>
      <TreesPanel run={run} />
      <ErrorAnalysisPanel run={run} />
      <ComparePanel />
      <ReloadPanel />
    </section>
  );
}
