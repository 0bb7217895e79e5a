/** What the anomaly job sends back: the score histogram and the top rows with why and cells. */
import type { Detection } from '../../core/anomaly/detect';
import { pathContributions } from '../../core/anomaly/forest';
import { cellFormatter } from '../../core/frame/rows';
import type { Dataset } from '../../core/frame/types';
import type { AnomalousRow, ScoreBin } from './api';

export const HISTOGRAM_BINS = 40;

/** Equal-width bins over the scores' range, each with its count above the threshold. */
export function scoreHistogram(scores: Float64Array, flags: Uint8Array, binCount = HISTOGRAM_BINS): ScoreBin[] {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < scores.length; i++) {
    if (scores[i] < lo) lo = scores[i];
    if (scores[i] > hi) hi = scores[i];
  }
  if (!(hi >= lo)) return [];
  const width = hi > lo ? (hi - lo) / binCount : 1;
  const counts = new Float64Array(binCount);
  const flagged = new Float64Array(binCount);
  for (let i = 0; i < scores.length; i++) {
    const b = Math.min(binCount - 1, Math.floor((scores[i] - lo) / width));
    counts[b]++;
    flagged[b] += flags[i];
  }
  return Array.from(counts, (count, b) => ({ from: lo + b * width, to: lo + (b + 1) * width, count, flagged: flagged[b] }));
}

/** Rows with the n highest scores, highest first (ties: lower row first). One pass, n small. */
export function topRows(scores: Float64Array, n: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    if (top.length === n && scores[i] <= scores[top[n - 1]]) continue;
    let at = top.length === n ? n - 1 : top.length;
    if (top.length < n) top.push(i);
    while (at > 0 && scores[top[at - 1]] < scores[i]) {
      top[at] = top[at - 1];
      at--;
    }
    top[at] = i;
  }
  return top;
}

export function anomalousRows(dataset: Dataset, detection: Detection, n: number): AnomalousRow[] {
  const { forest, prepared, scores } = detection;
  const names = prepared.columns.map((c) => c.name);
  const formatters = names.map((name) => cellFormatter(dataset.columns.find((c) => c.name === name)!));
  return topRows(scores, n).map((row) => {
    const credit = pathContributions(forest, prepared.matrix, row);
    const why = names.map((feature, f) => ({ feature, contribution: credit[f] })).sort((a, b) => b.contribution - a.contribution);
    return { row, score: scores[row], why, cells: formatters.map((format) => format(row)) };
  });
}
