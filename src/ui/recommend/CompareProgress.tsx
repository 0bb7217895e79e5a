import { useEffect, useState } from 'react';
import { useRecommend } from '../../state/recommend';

/** Live while comparing: which algorithm and fold, elapsed time, and a cancel button. */
export function CompareProgress() {
  const job = useRecommend((s) => s.job);
  const cancel = useRecommend((s) => s.cancel);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!job) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [job]);
  if (!job) return null;
  return (
    <div className="panel" aria-live="polite">
      <div className="row-between">
        <h2>Comparing algorithms…</h2>
        <button className="button" onClick={() => void cancel()}>
          Cancel
        </button>
      </div>
      <div className="progress-row">
        <progress aria-label="Comparison progress" max={1} value={job.fraction} />
        <span className="small">
          {job.message} · {((now - job.startedAt) / 1000).toFixed(1)} s
        </span>
      </div>
    </div>
  );
}
