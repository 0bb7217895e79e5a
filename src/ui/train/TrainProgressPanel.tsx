import { useEngine } from '../../state/engine';
import { useRuns } from '../../state/runs';
import { useUi } from '../../state/ui';
import { LossChart, STEP_WORD } from '../charts/LossChart';
import { formatCount } from '../format';
import { JobProgress } from '../layout/JobProgress';

/** Live while training: progress, elapsed time, samples/s, the loss curve and a cancel button. */
export function TrainProgressPanel() {
  const job = useRuns((s) => s.job);
  const runs = useRuns((s) => s.runs);
  const cancel = useRuns((s) => s.cancel);
  const backend = useEngine((s) => s.compute?.active);
  const setView = useUi((s) => s.setView);

  const last = runs.at(-1);
  if (!job) {
    if (!last) return null;
    const m = last.evaluation;
    const headline =
      m.task === 'binary' ? `test AUC ${m.metrics.auc?.toFixed(3) ?? 'n/a'}` : m.task === 'multiclass' ? `test accuracy ${m.metrics.accuracy.toFixed(3)}` : `test RMSE ${m.metrics.rmse.toPrecision(4)}`;
    return (
      <div className="panel">
        <div className="row-between">
          <h2>
            {last.label} finished · {headline}
          </h2>
          <button className="button" onClick={() => setView('evaluate')}>
            Open evaluation →
          </button>
        </div>
        <p className="muted small">
          {last.history.length} {last.progress} on {last.backend}
          {last.helperThreads > 0 ? ` (histograms on ${last.helperThreads + 1} threads)` : ''}
          {last.stoppedEarly ? `, stopped early; best ${STEP_WORD[last.progress]} ${last.bestStep} restored` : ''} · {(last.timings.trainMs / 1000).toFixed(1)} s training
        </p>
        <LossChart steps={last.history} progress={last.progress} />
      </div>
    );
  }
  const latest = job.steps.at(-1);
  const done = latest?.step ?? 0;
  const total = job.totalSteps;
  return (
    <JobProgress
      title={`Training on ${backend}…`}
      label="Training progress"
      value={done}
      max={total ?? 1}
      message={`${STEP_WORD[job.progress]} ${done} / ${total ?? '…'} · ${latest ? `${formatCount(Math.round(latest.samplesPerSecond))} samples/s` : 'preparing data…'}`}
      startedAt={job.startedAt}
      cancelLabel="Cancel training"
      onCancel={() => void cancel()}
    >
      <LossChart steps={job.steps} progress={job.progress} />
    </JobProgress>
  );
}
