/**
 * Prequential (test-then-train) metrics: each window is scored by the model as it stood before
 * the window, and only then may the model learn from it (Dawid 1984; Gama et al. 2013). These
 * are the per-window numbers the stream shows for the frozen and the updated model.
 */
import { binaryLogLoss, multiclassLogLoss } from '../metrics';
import { rocAucFromSteps } from '../metrics/curves';
import { thresholdSteps } from '../metrics/steps';
import type { TaskKind } from '../prep/types';

export interface WindowMetrics {
  rows: number;
  /** Classification: share right (binary at the run's threshold, multiclass by the top class). */
  accuracy: number;
  /** Binary only; NaN when the window holds one class. */
  auc: number;
  logLoss: number;
  /** Regression only. */
  rmse: number;
}

const EMPTY: WindowMetrics = { rows: 0, accuracy: NaN, auc: NaN, logLoss: NaN, rmse: NaN };

/** Is each prediction wrong? (DDM's input.) Regression: an absolute error above `band`. */
export function predictionErrors(task: TaskKind, y: ArrayLike<number>, scores: ArrayLike<number>, k: number, threshold: number, band: number): Uint8Array {
  const n = y.length;
  const wrong = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (task === 'binary') wrong[i] = (scores[i] >= threshold ? 1 : 0) !== y[i] ? 1 : 0;
    else if (task === 'multiclass') wrong[i] = argmax(scores, i * k, k) !== y[i] ? 1 : 0;
    else wrong[i] = Math.abs(scores[i] - y[i]) > band ? 1 : 0;
  }
  return wrong;
}

function argmax(v: ArrayLike<number>, offset: number, k: number): number {
  let best = 0;
  for (let c = 1; c < k; c++) if (v[offset + c] > v[offset + best]) best = c;
  return best;
}

/** One window's metrics from its targets and the scores made before it was learned from. */
export function windowMetrics(task: TaskKind, y: ArrayLike<number>, scores: ArrayLike<number>, k: number, threshold: number): WindowMetrics {
  const n = y.length;
  if (n === 0) return EMPTY;
  if (task === 'regression') {
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (scores[i] - y[i]) ** 2;
    return { ...EMPTY, rows: n, rmse: Math.sqrt(ss / n) };
  }
  const wrong = predictionErrors(task, y, scores, k, threshold, 0);
  let right = 0;
  for (let i = 0; i < n; i++) right += 1 - wrong[i];
  if (task === 'multiclass') return { ...EMPTY, rows: n, accuracy: right / n, logLoss: multiclassLogLoss(y, scores, k) };
  return { ...EMPTY, rows: n, accuracy: right / n, auc: rocAucFromSteps(thresholdSteps(y, scores)) ?? NaN, logLoss: binaryLogLoss(y, scores) };
}

/** Share of each class in a window's targets (classification); empty for regression. */
export function classBalance(task: TaskKind, y: ArrayLike<number>, k: number): number[] {
  if (task === 'regression' || y.length === 0) return [];
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < y.length; i++) counts[y[i]]++;
  return counts.map((c) => c / y.length);
}
