import { createRandom, shuffledIndices } from '../random';
import type { RatingMatrix } from './ratings';
import type { RatingModel } from './types';

/**
 * Test indices for k folds over n ratings, as Surprise's KFold: shuffle once, then cut consecutive
 * chunks of n / k, the first n % k chunks one longer.
 */
export function kFoldSplits(n: number, k: number, seed: number): Int32Array[] {
  if (k < 2 || k > n) throw new RangeError(`k must be between 2 and ${n}`);
  const order = shuffledIndices(n, createRandom(seed));
  const folds: Int32Array[] = [];
  let stop = 0;
  for (let f = 0; f < k; f++) {
    const start = stop;
    stop += Math.floor(n / k) + (f < n % k ? 1 : 0);
    folds.push(order.slice(start, stop));
  }
  return folds;
}

/** The indices of 0..n-1 not in test, in increasing order. */
export function complementIndices(n: number, test: Int32Array): Int32Array {
  const inTest = new Uint8Array(n);
  for (let k = 0; k < test.length; k++) inTest[test[k]] = 1;
  const out = new Int32Array(n - test.length);
  let m = 0;
  for (let r = 0; r < n; r++) if (!inTest[r]) out[m++] = r;
  return out;
}

/**
 * Leave-last-N-out: each user's lastN most recent ratings (by timestamp, else by row order) go to test,
 * the rest to train. Users with lastN ratings or fewer stay wholly in train so they remain known.
 */
export function temporalSplit(data: RatingMatrix, lastN: number): { train: Int32Array; test: Int32Array } {
  const n = data.rating.length;
  const byUser: number[][] = data.users.map(() => []);
  for (let r = 0; r < n; r++) byUser[data.user[r]].push(r);
  const ts = data.timestamp;
  const train: number[] = [];
  const test: number[] = [];
  for (const rows of byUser) {
    if (ts) rows.sort((a, b) => ts[a] - ts[b] || a - b);
    const cut = rows.length > lastN ? rows.length - lastN : rows.length;
    for (let k = 0; k < rows.length; k++) (k < cut ? train : test).push(rows[k]);
  }
  train.sort((a, b) => a - b);
  test.sort((a, b) => a - b);
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}

/** model.predict for every rating at idx. */
export function predictAt(model: RatingModel, data: RatingMatrix, idx: Int32Array): Float64Array {
  const out = new Float64Array(idx.length);
  for (let k = 0; k < idx.length; k++) out[k] = model.predict(data.user[idx[k]], data.item[idx[k]]);
  return out;
}

/** sqrt(mean((r - r_hat)^2)) over the ratings at idx. */
export function rmse(data: RatingMatrix, idx: Int32Array, predicted: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < idx.length; k++) s += (data.rating[idx[k]] - predicted[k]) ** 2;
  return Math.sqrt(s / idx.length);
}

/** mean(|r - r_hat|) over the ratings at idx. */
export function mae(data: RatingMatrix, idx: Int32Array, predicted: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < idx.length; k++) s += Math.abs(data.rating[idx[k]] - predicted[k]);
  return s / idx.length;
}
