import { useEffect, useRef } from 'react';
import { useEngine } from '../../state/engine';
import { runHeadline } from '../../state/runHeadline';
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
  const openView = useUi((s) => s.openView);
  const panel = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const jobId = job?.id ?? null;
  const last = runs.at(-1);
  const lastId = last?.id ?? null;
  const trainedHere = useRef(false);

  // "Train model" is disabled while training, which drops focus to the body, and the curve sits
  // below the fold at 1280×720: the panel is scrolled into view and its heading takes focus.
  useEffect(() => {
    if (!jobId) return;
    trainedHere.current = true;
    heading.current?.focus({ preventScroll: true });
    panel.current?.scrollIntoView({ block: 'nearest' });
  }, [jobId]);
  // The same when it finishes, for a run trained in this view (not on coming back to the view).
  useEffect(() => {
    if (jobId || !lastId || !trainedHere.current) return;
    trainedHere.current = false;
    heading.current?.focus({ preventScroll: true });
    panel.current?.scrollIntoView({ block: 'nearest' });
  }, [jobId, lastId]);

  if (!job) {
    if (!last) return null;
    return (
      <div className="panel" ref={panel}>
        <div className="row-between">
          <h2 ref={heading} tabIndex={-1}>
            {last.label} finished · {runHeadline(last)}
          </h2>
          <button className="button" onClick={() => openView('evaluate')}>
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
      panelRef={panel}
      headingRef={heading}
    >
      <LossChart steps={job.steps} progress={job.progress} />
    </JobProgress>
  );
}
