/**
 * Validation loss and metric, computed in plain JS (float64) from one readback of the
 * validation outputs per epoch. Kept local so models do not depend on src/core/metrics.
 */
import type { MetricName, TaskKind } from './kind';

/**
 * Area under the ROC curve from ranks (Mann-Whitney U); ties share their mean rank, as
 * scikit-learn's roc_auc_score does. NaN when one class is absent.
 */
export function rankAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  // Each class's scores sorted natively (a comparator sort of indices costs ~10x more, and
  // boosting asks once per round), then one merge: every positive counts the negatives below it,
  // and half of those tied with it, which is the Mann-Whitney U with mid-ranks.
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) positives++;
  const negatives = scores.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  const pos = new Float64Array(positives);
  const neg = new Float64Array(negatives);
  for (let i = 0, p = 0, q = 0; i < scores.length; i++) {
    if (labels[i] === 1) pos[p++] = scores[i];
    else neg[q++] = scores[i];
  }
  pos.sort();
  neg.sort();
  let u = 0;
  let below = 0;
  for (let i = 0; i < positives; ) {
    const v = pos[i];
    let j = i;
    while (j < positives && pos[j] === v) j++;
    while (below < negatives && neg[below] < v) below++;
    let tied = below;
    while (tied < negatives && neg[tied] === v) tied++;
    u += (j - i) * (below + (tied - below) / 2);
    i = j;
  }
  return u / (positives * negatives);
}

export function metricNameFor(task: TaskKind): MetricName {
  return task === 'binary' ? 'auc' : task === 'multiclass' ? 'accuracy' : 'rmse';
}

/**
 * Loss and metric from the network's trained outputs: logits (classification) or the
 * standardized prediction (regression, with y already standardized and `scale` to undo it).
 */
export function evaluateOutputs(
  task: TaskKind,
  out: ArrayLike<number>,
  y: Float32Array,
  k: number,
  scale: number,
): { loss: number; metric: number } {
  const n = y.length;
  if (n === 0) return { loss: NaN, metric: NaN };
  let loss = 0;
  if (task === 'binary') {
    for (let i = 0; i < n; i++) {
      const z = out[i];
      loss += Math.max(z, 0) - z * y[i] + Math.log1p(Math.exp(-Math.abs(z)));
    }
    return { loss: loss / n, metric: rankAuc(out, y) };
  }
  if (task === 'multiclass') {
    let correct = 0;
    for (let i = 0; i < n; i++) {
      let max = -Infinity;
      let arg = 0;
      for (let c = 0; c < k; c++) {
        if (out[i * k + c] > max) {
          max = out[i * k + c];
          arg = c;
        }
      }
      let sum = 0;
      for (let c = 0; c < k; c++) sum += Math.exp(out[i * k + c] - max);
      loss += Math.log(sum) + max - out[i * k + y[i]];
      if (arg === y[i]) correct++;
    }
    return { loss: loss / n, metric: correct / n };
  }
  for (let i = 0; i < n; i++) loss += (out[i] - y[i]) ** 2;
  return { loss: loss / n, metric: Math.sqrt(loss / n) * scale };
}
