import type { RunSummary } from '../engine/api';

/** The one number a run is known by, as the Train panel and the live region say it. */
export function runHeadline(run: RunSummary): string {
  const m = run.evaluation;
  if (m.task === 'binary') return `test AUC ${m.metrics.auc?.toFixed(3) ?? 'n/a'}`;
  if (m.task === 'multiclass') return `test accuracy ${m.metrics.accuracy.toFixed(3)}`;
  return `test RMSE ${m.metrics.rmse.toPrecision(4)}`;
}
