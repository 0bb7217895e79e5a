import type { RatingMatrix } from './ratings';

/**
 * The training ratings grouped by user and by item (compressed rows), like Surprise's Trainset ur/ir.
 * Indices are the RatingMatrix's dense indices, so a test pair needs no translation.
 */
export interface Trainset {
  nUsers: number;
  nItems: number;
  globalMean: number;
  /** userItems[userStart[u] .. userStart[u+1]) are u's rated items, in training-index order. */
  userStart: Int32Array;
  userItems: Int32Array;
  userRatings: Float64Array;
  itemStart: Int32Array;
  itemUsers: Int32Array;
  itemRatings: Float64Array;
  /**
   * Users with training ratings, in order of first appearance in the training indices:
   * Surprise's inner-id order, which is the order its SGD visits users.
   */
  userOrder: Int32Array;
  ratingMin: number;
  ratingMax: number;
}

export function buildTrainset(data: RatingMatrix, trainIdx: Int32Array): Trainset {
  const nUsers = data.users.length;
  const nItems = data.items.length;
  const userCount = new Int32Array(nUsers + 1);
  const itemCount = new Int32Array(nItems + 1);
  let sum = 0;
  const order: number[] = [];
  for (let k = 0; k < trainIdx.length; k++) {
    const r = trainIdx[k];
    const u = data.user[r];
    if (userCount[u + 1] === 0) order.push(u);
    userCount[u + 1]++;
    itemCount[data.item[r] + 1]++;
    sum += data.rating[r];
  }
  for (let u = 0; u < nUsers; u++) userCount[u + 1] += userCount[u];
  for (let i = 0; i < nItems; i++) itemCount[i + 1] += itemCount[i];
  const userStart = userCount.slice();
  const itemStart = itemCount.slice();
  const n = trainIdx.length;
  const userItems = new Int32Array(n);
  const userRatings = new Float64Array(n);
  const itemUsers = new Int32Array(n);
  const itemRatings = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const r = trainIdx[k];
    const u = data.user[r];
    const i = data.item[r];
    const v = data.rating[r];
    const pu = userCount[u]++;
    userItems[pu] = i;
    userRatings[pu] = v;
    const pi = itemCount[i]++;
    itemUsers[pi] = u;
    itemRatings[pi] = v;
  }
  return {
    nUsers,
    nItems,
    globalMean: n > 0 ? sum / n : (data.ratingMin + data.ratingMax) / 2,
    userStart,
    userItems,
    userRatings,
    itemStart,
    itemUsers,
    itemRatings,
    userOrder: Int32Array.from(order),
    ratingMin: data.ratingMin,
    ratingMax: data.ratingMax,
  };
}

export function knowsUser(t: Trainset, u: number): boolean {
  return u >= 0 && u < t.nUsers && t.userStart[u + 1] > t.userStart[u];
}

export function knowsItem(t: Trainset, i: number): boolean {
  return i >= 0 && i < t.nItems && t.itemStart[i + 1] > t.itemStart[i];
}

/** Surprise clips every estimate to the rating scale. */
export function clip(t: Trainset, est: number): number {
  return est < t.ratingMin ? t.ratingMin : est > t.ratingMax ? t.ratingMax : est;
}

/** Per-user (or per-item) mean of training ratings; 0 where there are none. */
export function rowMeans(start: Int32Array, values: Float64Array): Float64Array {
  const n = start.length - 1;
  const out = new Float64Array(n);
  for (let x = 0; x < n; x++) {
    const a = start[x];
    const b = start[x + 1];
    let s = 0;
    for (let p = a; p < b; p++) s += values[p];
    out[x] = b > a ? s / (b - a) : 0;
  }
  return out;
}
