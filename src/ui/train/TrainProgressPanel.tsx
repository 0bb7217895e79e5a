import { useEffect, useState } from 'react';
import { useEngine } from '../../state/engine';
import { useRuns } from '../../state/runs';
import { useUi } from '../../state/ui';
import { LossChart } from '../charts/LossChart';
import { formatCount } from '../format';

/** Live while training: progress, elapsed time, samples/s, the loss curve and a cancel button. */
export function TrainProgressPanel() {
  const job = useRuns((s) => s.job);
  const runs = useRuns((s) => s.runs);
  const cancel = useRuns((s) => s.cancel);
  const backend = useEngine((s) => s.compute?.active);
  const setView = useUi((s) => s.setView);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!job) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [job]);

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
          {last.history.length} epochs on {last.backend}
          {last.stoppedEarly ? `, stopped early; best epoch ${last.bestEpoch} restored` : ''} · {(last.timings.trainMs / 1000).toFixed(1)} s training
        </p>
        <LossChart epochs={last.history} />
      </div>
    );
  }
  const latest = job.epochs.at(-1);
  const done = latest?.epoch ?? 0;
  const elapsed = (now - job.startedAt) / 1000;
  return (
    <div className="panel" aria-live="polite">
      <div className="row-between">
        <h2>Training on {backend}…</h2>
        <button className="button" onClick={() => void cancel()}>
          Cancel training
        </button>
      </div>
      <div className="progress-row">
        <progress aria-label="Training progress" max={job.totalEpochs} value={done} />
        <span className="small">
          epoch {done} / {job.totalEpochs} · {elapsed.toFixed(1)} s · {latest ? `${formatCount(Math.round(latest.samplesPerSecond))} samples/s` : 'preparing data…'}
        </span>
      </div>
      <LossChart epochs={job.epochs} />
    </div>
  );
}
