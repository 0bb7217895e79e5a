import { useDatasets } from '../../state/datasets';

export function LoadProgress() {
  const job = useDatasets((s) => s.job);
  const cancel = useDatasets((s) => s.cancelJob);
  if (!job) return null;
  const percent = job.fraction == null ? undefined : Math.round(job.fraction * 100);
  return (
    <div className="load-progress" aria-live="polite">
      <div className="small">{job.message}…</div>
      <div className="progress-row">
        <progress aria-label={`Loading ${job.name}`} max={100} value={percent} />
        <span className="small muted">{percent == null ? '' : `${percent}%`}</span>
      </div>
      <button className="button small" onClick={() => void cancel()}>
        Cancel loading
      </button>
    </div>
  );
}
