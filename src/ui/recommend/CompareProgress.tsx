import { useRecommend } from '../../state/recommend';
import { JobProgress } from '../layout/JobProgress';

/** Live while comparing: which algorithm and fold, elapsed time, and a cancel button. */
export function CompareProgress() {
  const job = useRecommend((s) => s.job);
  const cancel = useRecommend((s) => s.cancel);
  if (!job) return null;
  return <JobProgress title="Comparing algorithms…" label="Comparison progress" value={job.fraction} message={job.message} startedAt={job.startedAt} onCancel={() => void cancel()} />;
}
