import type { AlgorithmProgress } from '../../engine/api';
import { useRecommend } from '../../state/recommend';
import { JobProgress } from '../layout/JobProgress';
import { algorithmLabel } from './AlgorithmPicker';

/** Live while comparing: the bar, one line per algorithm with its own time left, and a cancel button. */
export function CompareProgress() {
  const job = useRecommend((s) => s.job);
  const cancel = useRecommend((s) => s.cancel);
  if (!job) return null;
  return (
    <JobProgress title="Comparing algorithms…" label="Comparison progress" value={job.fraction} message={job.message} startedAt={job.startedAt} onCancel={() => void cancel()}>
      {job.algorithms.length > 0 ? (
        <ul className="algorithm-progress" aria-label="Each algorithm">
          {job.algorithms.map((a) => (
            <li key={a.algorithm} className={`algorithm-progress-${a.status}`}>
              <span className="algorithm-progress-name">{algorithmLabel(a.algorithm)}</span>
              <span className="small">{describe(a)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </JobProgress>
  );
}

export function formatSeconds(s: number): string {
  if (s < 1) return 'under a second';
  if (s < 90) return `${Math.round(s)} s`;
  return `${Math.round(s / 60)} min`;
}

/** "fold 2 of 5 · about 12 s left", "ready in the preview (3 s)", "waiting". */
function describe(a: AlgorithmProgress): string {
  switch (a.status) {
    case 'waiting':
      return 'waiting';
    case 'ready':
      return `✓ ready in the preview · took ${formatSeconds(a.elapsedSeconds)}`;
    case 'scored':
      return `✓ scored · took ${formatSeconds(a.elapsedSeconds)}`;
    case 'running': {
      const where = a.foldsDone < a.folds ? (a.folds > 1 ? `fold ${a.foldsDone + 1} of ${a.folds}` : 'scoring') : 'fitting on all ratings';
      const left = a.secondsLeft === null ? 'time left known after its first fold' : a.secondsLeft < 1 ? 'almost done' : `about ${formatSeconds(a.secondsLeft)} left`;
      return `${where} · ${left}`;
    }
  }
}
