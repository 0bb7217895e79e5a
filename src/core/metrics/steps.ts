/**
 * The shared base of every threshold metric: scores sorted once, grouped into
 * distinct thresholds, with the cumulative true and false positives at each
 * (scikit-learn's _binary_clf_curve). Curves, AUC, average precision and the
 * threshold slider all read this one structure.
 */

/** Counts when predicting positive for score >= thresholds[i]; thresholds strictly decrease. */
export interface ThresholdSteps {
  /** Distinct scores, descending. */
  thresholds: Float64Array;
  /** True positives among samples with score >= thresholds[i]. */
  tps: Float64Array;
  /** False positives among samples with score >= thresholds[i]. */
  fps: Float64Array;
  positives: number;
  negatives: number;
}

/** Rejects what no metric can mean: length mismatch, no samples, labels other than 0/1, NaN scores. */
export function checkBinaryInputs(yTrue: ArrayLike<number>, scores: ArrayLike<number>): void {
  if (yTrue.length !== scores.length) {
    throw new RangeError(`labels (${yTrue.length}) and scores (${scores.length}) differ in length`);
  }
  if (yTrue.length === 0) throw new RangeError('no samples to score');
  for (let i = 0; i < yTrue.length; i++) {
    const y = yTrue[i];
    if (y !== 0 && y !== 1) throw new RangeError(`label ${y} at row ${i}: binary labels must be 0 or 1`);
    if (Number.isNaN(scores[i])) throw new RangeError(`score at row ${i} is NaN`);
  }
}

/**
 * Sorts the positives' and the negatives' scores separately (native numeric sort,
 * no comparator) and merges them descending; a run of equal scores forms one step,
 * so tied scores share one threshold, as scikit-learn does.
 */
export function thresholdSteps(yTrue: ArrayLike<number>, scores: ArrayLike<number>): ThresholdSteps {
  checkBinaryInputs(yTrue, scores);
  let positives = 0;
  for (let i = 0; i < yTrue.length; i++) positives += yTrue[i];
  const negatives = yTrue.length - positives;
  const pos = new Float64Array(positives);
  const neg = new Float64Array(negatives);
  for (let i = 0, a = 0, b = 0; i < yTrue.length; i++) {
    if (yTrue[i] === 1) pos[a++] = scores[i];
    else neg[b++] = scores[i];
  }
  pos.sort();
  neg.sort();

  const n = yTrue.length;
  const thresholds = new Float64Array(n);
  const tps = new Float64Array(n);
  const fps = new Float64Array(n);
  // Walk both arrays from their largest end.
  let a = positives - 1, b = negatives - 1, tp = 0, fp = 0, m = 0;
  while (a >= 0 || b >= 0) {
    const t = a < 0 ? neg[b] : b < 0 ? pos[a] : Math.max(pos[a], neg[b]);
    while (a >= 0 && pos[a] === t) { tp++; a--; }
    while (b >= 0 && neg[b] === t) { fp++; b--; }
    thresholds[m] = t;
    tps[m] = tp;
    fps[m] = fp;
    m++;
  }
  return {
    thresholds: thresholds.slice(0, m),
    tps: tps.slice(0, m),
    fps: fps.slice(0, m),
    positives,
    negatives,
  };
}

/** How many steps have threshold >= t (binary search over the descending thresholds). */
export function stepsAtOrAbove(thresholds: Float64Array, t: number): number {
  let lo = 0, hi = thresholds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (thresholds[mid] >= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
