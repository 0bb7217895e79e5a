/**
 * Features binned once, before the first tree: at most 255 quantile bins per numeric column (as
 * XGBoost's and LightGBM's hist methods do), category codes as their own bins, and one extra bin
 * for missing values, so a split can send them either way. Bins are stored row-major (rows x
 * features, one byte each): building a node's histogram walks its rows once.
 */

/** A categorical feature's missing bin (its codes may use every bin below). */
export const MISSING_BIN = 255;
export const MAX_BINS = 255;

export interface BinnedFeatures {
  rows: number;
  features: number;
  /** rows x features, row-major. */
  bins: Uint8Array;
  /** Per feature: bins in use (excluding the missing bin). */
  binCount: Int32Array;
  /**
   * Per feature: the bin missing values fall in, right after the value bins (numbers) or 255
   * (categories), so a histogram needs only binCount + 1 slots for a number column.
   */
  missing: Uint8Array;
  /** Where each feature's slots start in a histogram; slots[features] is the total. */
  slots: Int32Array;
  /**
   * Per numeric feature: bin b holds x < edges[b] (and >= edges[b - 1]); the last bin has no upper
   * edge. A split "bins <= b go left" is the float test x < edges[b], as XGBoost scores it.
   */
  edges: Float32Array[];
  /** Per feature: whether its bins are category codes (native categorical). */
  categorical: boolean[];
}

/**
 * Cut points from the sorted distinct training values: every distinct value its own bin when they
 * fit, else quantiles by rank. An edge is always a training value, so x < edge splits exactly.
 */
export function binEdges(values: Float32Array, maxBins: number): Float32Array {
  // A typed-array sort puts NaN last: the present values are the first n.
  const sorted = Float32Array.from(values).sort();
  let n = sorted.length;
  while (n > 0 && Number.isNaN(sorted[n - 1])) n--;
  let distinctCount = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinctCount++;
  if (distinctCount <= maxBins) {
    const edges = new Float32Array(Math.max(0, distinctCount - 1));
    let k = -1;
    for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) {
      if (k >= 0) edges[k] = sorted[i];
      k++;
    }
    return edges;
  }
  const edges: number[] = [];
  for (let b = 1; b < maxBins; b++) {
    const edge = sorted[Math.floor((b * n) / maxBins)];
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  // The smallest value must be in bin 0, never alone below an edge equal to it.
  if (edges[0] === sorted[0]) edges.shift();
  return Float32Array.from(edges);
}

/** First edge above v (binary search): the bin of a value. */
export function binOf(edges: Float32Array, v: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v < edges[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Bins of a row-major matrix. Edges come from `fitRows` (the training rows; all when null) and
 * apply to every row. A categorical column must hold codes 0..maxBins-1 (or NaN).
 */
/** `allocate` gives the bins' buffer (shared, when other threads build histograms from it). */
export function binFeatures(x: Float32Array, rows: number, features: number, categorical: boolean[], maxBins: number, allocate: (bytes: number) => ArrayBufferLike = (n) => new ArrayBuffer(n)): BinnedFeatures {
  const bins = new Uint8Array(allocate(rows * features));
  const binCount = new Int32Array(features);
  const edges: Float32Array[] = [];
  const column = new Float32Array(rows);
  for (let f = 0; f < features; f++) {
    for (let r = 0; r < rows; r++) column[r] = x[r * features + f];
    if (categorical[f]) {
      let top = -1;
      for (let r = 0; r < rows; r++) {
        const v = column[r];
        if (Number.isNaN(v)) bins[r * features + f] = MISSING_BIN;
        else {
          if (!(Number.isInteger(v) && v >= 0 && v < maxBins)) throw new Error(`Categorical feature ${f} holds ${v}; codes must be whole numbers from 0 to ${maxBins - 1}.`);
          bins[r * features + f] = v;
          top = Math.max(top, v);
        }
      }
      binCount[f] = top + 1;
      edges.push(new Float32Array(0));
      continue;
    }
    const e = binEdges(column, maxBins);
    edges.push(e);
    binCount[f] = e.length + 1;
    const missingBin = e.length + 1;
    for (let r = 0; r < rows; r++) {
      const v = column[r];
      bins[r * features + f] = Number.isNaN(v) ? missingBin : binOf(e, v);
    }
  }
  const missing = Uint8Array.from(binCount, (n, f) => (categorical[f] ? MISSING_BIN : n));
  const slots = new Int32Array(features + 1);
  for (let f = 0; f < features; f++) slots[f + 1] = slots[f] + missing[f] + 1;
  return { rows, features, bins, binCount, missing, slots, edges, categorical };
}

/** Other rows (validation, a new file) binned with the training rows' edges. */
export function binLike(train: BinnedFeatures, x: Float32Array, rows: number): BinnedFeatures {
  const { features, edges, categorical, missing } = train;
  const bins = new Uint8Array(rows * features);
  for (let r = 0; r < rows; r++) {
    for (let f = 0; f < features; f++) {
      const v = x[r * features + f];
      // An unseen category code goes to the missing bin's side rather than past the bins in use.
      bins[r * features + f] = Number.isNaN(v) ? missing[f] : categorical[f] ? (v >= 0 && v < MISSING_BIN ? Math.trunc(v) : MISSING_BIN) : binOf(edges[f], v);
    }
  }
  return { ...train, rows, bins };
}
