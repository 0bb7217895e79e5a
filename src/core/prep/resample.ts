/**
 * Class-imbalance handling for the training split: class weights, random over- and
 * under-sampling, and SMOTE. Callers pass training rows only, so validation and test rows can
 * never be weighted, duplicated, dropped or interpolated.
 */
import type { Random } from '../random';
import { shuffledIndices } from '../random';

export type ImbalanceMethod = 'none' | 'balanced-weights' | 'manual-weights' | 'oversample' | 'undersample' | 'smote';

export interface ImbalanceSpec {
  method: ImbalanceMethod;
  /** manual-weights: one weight per class, in the run's class order. */
  classWeights?: number[];
  /** smote: same-class neighbours to interpolate towards (imbalanced-learn's default is 5). */
  neighbours?: number;
}

export const NO_IMBALANCE: ImbalanceSpec = { method: 'none' };

/** SMOTE searches neighbours among at most this many rows of a class (a seeded sample), keeping it O(n) for big classes. */
const SMOTE_MAX_CANDIDATES = 2000;

/** Rows of each class, in the order given. */
export function rowsByClass(rows: ArrayLike<number>, y: ArrayLike<number>, k: number): number[][] {
  const groups: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < rows.length; i++) groups[y[rows[i]]].push(rows[i]);
  return groups;
}

/** scikit-learn's compute_class_weight('balanced'): n / (k * count_c); 0 for a class absent from training. */
export function balancedClassWeights(y: ArrayLike<number>, rows: ArrayLike<number>, k: number): number[] {
  const counts = rowsByClass(rows, y, k).map((g) => g.length);
  const present = counts.filter((c) => c > 0).length;
  return counts.map((c) => (c > 0 ? rows.length / (present * c) : 0));
}

/** One weight per row: its class's weight. */
export function sampleWeights(y: ArrayLike<number>, rows: ArrayLike<number>, classWeights: number[]): Float32Array {
  return Float32Array.from({ length: rows.length }, (_, i) => classWeights[y[rows[i]]]);
}

/** Every class brought up to the largest class's count by drawing its rows with replacement; originals kept. */
export function randomOversample(rows: ArrayLike<number>, y: ArrayLike<number>, k: number, random: Random): Int32Array {
  const groups = rowsByClass(rows, y, k);
  const target = Math.max(...groups.map((g) => g.length));
  const out: number[] = Array.from(rows);
  for (const g of groups) {
    if (g.length === 0) continue;
    for (let i = g.length; i < target; i++) out.push(g[random.int(g.length)]);
  }
  return Int32Array.from(out).sort();
}

/** Every class cut down to the smallest present class's count, without replacement. */
export function randomUndersample(rows: ArrayLike<number>, y: ArrayLike<number>, k: number, random: Random): Int32Array {
  const groups = rowsByClass(rows, y, k).filter((g) => g.length > 0);
  const target = Math.min(...groups.map((g) => g.length));
  const out: number[] = [];
  for (const g of groups) {
    const order = shuffledIndices(g.length, random);
    for (let i = 0; i < target; i++) out.push(g[order[i]]);
  }
  return Int32Array.from(out).sort();
}

export interface SyntheticRows {
  /** Row-major [rows, cols] features of the new rows. */
  x: Float32Array;
  y: Float32Array;
  rows: number;
  /** For each new row: the two source rows (indices into the input matrix) and the gap u in [0, 1). */
  from: { a: number; b: number; gap: number }[];
}

/**
 * SMOTE (Chawla et al. 2002) on a preprocessed design matrix: for each class below the largest,
 * new rows x_a + u (x_b - x_a), where a is a random row of the class, b one of a's `neighbours`
 * nearest same-class rows (Euclidean) and u uniform in [0, 1). A class with one row is
 * over-sampled by copies (there is no segment to draw on).
 */
export function smote(x: Float32Array, y: Float32Array, cols: number, k: number, neighbours: number, random: Random): SyntheticRows {
  const n = y.length;
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const groups = rowsByClass(all, y, k);
  const target = Math.max(...groups.map((g) => g.length));
  const outX: number[] = [];
  const outY: number[] = [];
  const from: SyntheticRows['from'] = [];
  const dist = (a: number, b: number) => {
    let s = 0;
    for (let c = 0; c < cols; c++) s += (x[a * cols + c] - x[b * cols + c]) ** 2;
    return s;
  };
  for (let cls = 0; cls < k; cls++) {
    const g = groups[cls];
    if (g.length === 0 || g.length >= target) continue;
    const candidates = g.length > SMOTE_MAX_CANDIDATES ? Array.from(shuffledIndices(g.length, random).subarray(0, SMOTE_MAX_CANDIDATES), (i) => g[i]) : g;
    const cache = new Map<number, number[]>();
    const nearest = (a: number): number[] => {
      let hit = cache.get(a);
      if (!hit) {
        hit = candidates
          .filter((b) => b !== a)
          .map((b) => ({ b, d: dist(a, b) }))
          .sort((p, q) => p.d - q.d || p.b - q.b)
          .slice(0, neighbours)
          .map((p) => p.b);
        cache.set(a, hit);
      }
      return hit;
    };
    for (let i = g.length; i < target; i++) {
      const a = g[random.int(g.length)];
      const near = nearest(a);
      const b = near.length ? near[random.int(near.length)] : a;
      const gap = near.length ? random.next() : 0;
      for (let c = 0; c < cols; c++) outX.push(x[a * cols + c] + gap * (x[b * cols + c] - x[a * cols + c]));
      outY.push(cls);
      from.push({ a, b, gap });
    }
  }
  return { x: Float32Array.from(outX), y: Float32Array.from(outY), rows: outY.length, from };
}
