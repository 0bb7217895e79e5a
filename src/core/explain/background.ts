/**
 * Background sets: the rows that stand in for "this feature is unknown". A k-means summary
 * keeps the data's shape in few rows (weighted by cluster size); a stratified sample keeps the
 * class (or target-quantile) mix. Both work on model-matrix rows of the training split.
 */
import { createRandom, shuffledIndices } from '../random';
import type { Background } from './types';

export interface BackgroundSource {
  /** Candidate rows, row-major rows x cols (model matrix). */
  matrix: Float32Array;
  rows: number;
  cols: number;
  /** Matrix column -> original feature. */
  groups: number[];
  /** Per original feature: true when its columns must stay a real row's (one-hot, booleans, text). */
  discrete: boolean[];
  /** Per candidate row: the target (class index or value), for stratification. */
  y: Float32Array;
}

function rowOf(src: BackgroundSource, r: number): Float32Array {
  return src.matrix.subarray(r * src.cols, (r + 1) * src.cols);
}

/**
 * k-means (k-means++ start, Lloyd steps). Numeric columns take the cluster mean; a discrete
 * feature's columns take those of the member nearest the centroid (the medoid), so a one-hot
 * stays one-hot.
 */
export function kmeansBackground(src: BackgroundSource, k: number, seed: number, iterations = 15): Background {
  const { rows, cols } = src;
  if (rows === 0) throw new Error('No training rows to build a background from.');
  k = Math.max(1, Math.min(k, rows));
  const random = createRandom(seed);
  const centers = new Float64Array(k * cols);
  const dist = new Float64Array(rows).fill(Infinity);
  const d2 = (r: number, c: number) => {
    let s = 0;
    const o = r * cols;
    const co = c * cols;
    for (let j = 0; j < cols; j++) {
      const t = src.matrix[o + j] - centers[co + j];
      s += t * t;
    }
    return s;
  };
  centers.set(rowOf(src, random.int(rows)), 0);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let r = 0; r < rows; r++) {
      dist[r] = Math.min(dist[r], d2(r, c - 1));
      total += dist[r];
    }
    let u = random.next() * total;
    let pick = rows - 1;
    for (let r = 0; r < rows; r++) {
      u -= dist[r];
      if (u <= 0) {
        pick = r;
        break;
      }
    }
    centers.set(rowOf(src, pick), c * cols);
  }
  const assign = new Int32Array(rows);
  const counts = new Float64Array(k);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let r = 0; r < rows; r++) {
      let best = 0;
      let bestD = Infinity;
      for (let c = 0; c < k; c++) {
        const d = d2(r, c);
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      if (assign[r] !== best || it === 0) moved++;
      assign[r] = best;
    }
    const sums = new Float64Array(k * cols);
    counts.fill(0);
    for (let r = 0; r < rows; r++) {
      counts[assign[r]]++;
      for (let j = 0; j < cols; j++) sums[assign[r] * cols + j] += src.matrix[r * cols + j];
    }
    for (let c = 0; c < k; c++) if (counts[c] > 0) for (let j = 0; j < cols; j++) centers[c * cols + j] = sums[c * cols + j] / counts[c];
    if (moved === 0) break;
  }
  // Medoid per cluster: the member nearest its centroid.
  const medoid = new Int32Array(k).fill(-1);
  const medoidD = new Float64Array(k).fill(Infinity);
  for (let r = 0; r < rows; r++) {
    const d = d2(r, assign[r]);
    if (d < medoidD[assign[r]]) {
      medoidD[assign[r]] = d;
      medoid[assign[r]] = r;
    }
  }
  const kept = [...Array(k).keys()].filter((c) => counts[c] > 0);
  const matrix = new Float32Array(kept.length * cols);
  const weights = new Float64Array(kept.length);
  kept.forEach((c, i) => {
    for (let j = 0; j < cols; j++) {
      matrix[i * cols + j] = src.discrete[src.groups[j]] ? src.matrix[medoid[c] * cols + j] : centers[c * cols + j];
    }
    weights[i] = counts[c] / rows;
  });
  return { matrix, rows: kept.length, cols, weights };
}

/**
 * A sample stratified by target: classes (or, for a continuous target, quintiles) keep their
 * share; equal weights.
 */
export function stratifiedBackground(src: BackgroundSource, size: number, seed: number, continuous: boolean): Background {
  const { rows, cols } = src;
  if (rows === 0) throw new Error('No training rows to build a background from.');
  size = Math.max(1, Math.min(size, rows));
  const strata = new Map<number, number[]>();
  let edges: number[] = [];
  if (continuous) {
    const sorted = Float64Array.from(src.y).sort();
    edges = [1, 2, 3, 4].map((q) => sorted[Math.floor((q * (rows - 1)) / 5)]);
  }
  for (let r = 0; r < rows; r++) {
    const key = continuous ? edges.filter((e) => src.y[r] > e).length : src.y[r];
    const list = strata.get(key) ?? [];
    list.push(r);
    strata.set(key, list);
  }
  const random = createRandom(seed);
  const chosen: number[] = [];
  const keys = [...strata.keys()].sort((a, b) => a - b);
  // Largest-remainder allocation so the sample has exactly `size` rows.
  const quotas = keys.map((key) => (strata.get(key)!.length * size) / rows);
  const take = quotas.map(Math.floor);
  let short = size - take.reduce((a, b) => a + b, 0);
  const order = quotas.map((q, i) => [q - Math.floor(q), i]).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (short <= 0) break;
    take[i]++;
    short--;
  }
  keys.forEach((key, i) => {
    const members = strata.get(key)!;
    const order = shuffledIndices(members.length, random);
    for (let j = 0; j < Math.min(take[i], members.length); j++) chosen.push(members[order[j]]);
  });
  chosen.sort((a, b) => a - b);
  const matrix = new Float32Array(chosen.length * cols);
  chosen.forEach((r, i) => matrix.set(rowOf(src, r), i * cols));
  return { matrix, rows: chosen.length, cols, weights: new Float64Array(chosen.length).fill(1 / chosen.length) };
}
