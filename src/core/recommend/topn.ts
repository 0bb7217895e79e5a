import type { RatingMatrix } from './ratings';
import { runSteps, runStepsAsync, type RatingModel, type Steps } from './types';

/** Metrics of the top-k list at k, averaged over users with at least one relevant test item. */
export interface TopNMetrics {
  precision: number;
  recall: number;
  ndcg: number;
  map: number;
  hitRate: number;
  /** Distinct items recommended to the evaluated users / number of items. */
  coverage: number;
  /** How many users were evaluated. */
  users: number;
}

export interface ScoredItem {
  item: number;
  score: number;
}

/** Items each user rated in a set of ratings, as compressed rows (items sorted). */
export interface SeenItems {
  start: Int32Array;
  items: Int32Array;
}

export function seenItems(data: RatingMatrix, idx: Int32Array): SeenItems {
  const nUsers = data.users.length;
  const start = new Int32Array(nUsers + 1);
  for (let k = 0; k < idx.length; k++) start[data.user[idx[k]] + 1]++;
  for (let u = 0; u < nUsers; u++) start[u + 1] += start[u];
  const fill = start.slice();
  const items = new Int32Array(idx.length);
  for (let k = 0; k < idx.length; k++) items[fill[data.user[idx[k]]]++] = data.item[idx[k]];
  for (let u = 0; u < nUsers; u++) items.subarray(start[u], start[u + 1]).sort();
  return { start, items };
}

/**
 * The n best-scored items u has not rated in train; ties go to the lower item index.
 * scratch (optional, length = items) avoids an allocation per call.
 */
export function topNForUser(
  model: RatingModel,
  data: RatingMatrix,
  seenTrain: SeenItems,
  u: number,
  n: number,
  scratch?: Float32Array,
  /** Ratings per item, to break ties by popularity; minRatings drops thinner items from the list. */
  support?: { popularity: ArrayLike<number>; minRatings?: number },
): ScoredItem[] {
  const scores = scratch ?? new Float32Array(data.items.length);
  model.scoreUser(u, scores);
  for (let p = seenTrain.start[u]; p < seenTrain.start[u + 1]; p++) scores[seenTrain.items[p]] = -Infinity;
  const min = support?.minRatings ?? 0;
  // A 5.00 from one rating is noise, not a recommendation, when the user asked for a minimum.
  if (support && min > 1) for (let i = 0; i < scores.length; i++) if (support.popularity[i] < min) scores[i] = -Infinity;
  return bestOf(scores, n, support?.popularity).filter((s) => s.score !== -Infinity);
}

/**
 * Ranking quality at k. Relevant = test items the user rated >= threshold; train items are excluded
 * from the ranking. precision = hits / k; recall = hits / |rel|; NDCG with binary gain and
 * 1 / log2(rank + 1) discount, ideal = min(k, |rel|) hits at the top; MAP@k = sum of precision at
 * each hit / min(k, |rel|); hit rate = share of users with a hit.
 */
export function topNMetrics(
  model: RatingModel,
  data: RatingMatrix,
  train: Int32Array,
  test: Int32Array,
  k: number,
  threshold = 4,
): TopNMetrics {
  return runSteps(topNMetricsSteps(model, data, train, test, k, threshold));
}

/** topNMetrics, handing the event loop back (pause) between users; FitCancelled once signal is aborted. */
export function topNMetricsAsync(
  model: RatingModel,
  data: RatingMatrix,
  train: Int32Array,
  test: Int32Array,
  k: number,
  threshold: number,
  pause: () => Promise<void>,
  signal?: { readonly aborted: boolean },
  onProgress?: (fraction: number) => void,
): Promise<TopNMetrics> {
  return runStepsAsync(topNMetricsSteps(model, data, train, test, k, threshold, onProgress), pause, signal);
}

function* topNMetricsSteps(
  model: RatingModel,
  data: RatingMatrix,
  train: Int32Array,
  test: Int32Array,
  k: number,
  threshold: number,
  onProgress?: (fraction: number) => void,
): Steps<TopNMetrics> {
  const seen = seenItems(data, train);
  const relevant = new Map<number, Set<number>>();
  for (let q = 0; q < test.length; q++) {
    const r = test[q];
    if (data.rating[r] < threshold) continue;
    const u = data.user[r];
    let set = relevant.get(u);
    if (!set) relevant.set(u, (set = new Set()));
    set.add(data.item[r]);
  }
  const scratch = new Float32Array(data.items.length);
  const recommended = new Uint8Array(data.items.length);
  let precision = 0, recall = 0, ndcg = 0, map = 0, hitRate = 0;
  let done = 0;
  for (const [u, rel] of relevant) {
    // One user's scores are at most a few milliseconds, even for item kNN on 10k items.
    if (done > 0) yield;
    if (done % 64 === 0) onProgress?.(done / relevant.size);
    done++;
    const list = topNForUser(model, data, seen, u, k, scratch);
    let hits = 0, dcg = 0, ap = 0;
    list.forEach(({ item }, rank) => {
      recommended[item] = 1;
      if (!rel.has(item)) return;
      hits++;
      dcg += 1 / Math.log2(rank + 2);
      ap += hits / (rank + 1);
    });
    const ideal = Math.min(k, rel.size);
    let idcg = 0;
    for (let r = 0; r < ideal; r++) idcg += 1 / Math.log2(r + 2);
    precision += hits / k;
    recall += hits / rel.size;
    ndcg += dcg / idcg;
    map += ap / ideal;
    hitRate += hits > 0 ? 1 : 0;
  }
  const users = relevant.size;
  let covered = 0;
  for (let i = 0; i < recommended.length; i++) covered += recommended[i];
  const avg = (x: number): number => (users > 0 ? x / users : 0);
  return {
    precision: avg(precision),
    recall: avg(recall),
    ndcg: avg(ndcg),
    map: avg(map),
    hitRate: avg(hitRate),
    coverage: covered / data.items.length,
    users,
  };
}

/**
 * The items most similar to item: from the model's own item similarity (item-based kNN, factor
 * cosine) when it has one, otherwise cosine between the items' rating columns in train.
 */
export function similarItems(
  source: RatingModel | { data: RatingMatrix; train: Int32Array },
  item: number,
  top: number,
): ScoredItem[] {
  let sims: Float32Array;
  if ('predict' in source) {
    if (!source.itemSimilarity) throw new Error('This model has no item similarity: pass { data, train } instead.');
    sims = new Float32Array(source.nItems);
    source.itemSimilarity(item, sims);
  } else {
    sims = ratingCosine(source.data, source.train, item);
  }
  sims[item] = -Infinity;
  return bestOf(sims, top).filter((s) => s.score !== -Infinity);
}

/** Cosine between item's column of train ratings and every other item's. */
function ratingCosine(data: RatingMatrix, train: Int32Array, item: number): Float32Array {
  const nItems = data.items.length;
  const byUser = new Float64Array(data.users.length);
  for (let q = 0; q < train.length; q++) {
    const r = train[q];
    if (data.item[r] === item) byUser[data.user[r]] = data.rating[r];
  }
  const dot = new Float64Array(nItems);
  const sq = new Float64Array(nItems);
  for (let q = 0; q < train.length; q++) {
    const r = train[q];
    const i = data.item[r];
    sq[i] += data.rating[r] * data.rating[r];
    dot[i] += data.rating[r] * byUser[data.user[r]];
  }
  const out = new Float32Array(nItems);
  for (let i = 0; i < nItems; i++) out[i] = sq[i] > 0 && sq[item] > 0 ? dot[i] / Math.sqrt(sq[i] * sq[item]) : 0;
  return out;
}

/**
 * The n largest scores, best first. Ties go to the more popular item (more ratings) when
 * popularity is given, then to the lower index: ten 5.00s from SVD then read in a stable,
 * believable order. One pass with a small sorted buffer.
 */
function bestOf(scores: Float32Array, n: number, popularity?: ArrayLike<number>): ScoredItem[] {
  const m = Math.min(n, scores.length);
  const top = new Int32Array(m);
  let size = 0;
  // better(a, b): a ranks before b.
  const better = (a: number, b: number): boolean =>
    scores[a] > scores[b] || (scores[a] === scores[b] && (popularity ? popularity[a] > popularity[b] || (popularity[a] === popularity[b] && a < b) : a < b));
  for (let i = 0; i < scores.length; i++) {
    if (size === m && !better(i, top[m - 1])) continue;
    let p = size < m ? size++ : m - 1;
    while (p > 0 && better(i, top[p - 1])) {
      top[p] = top[p - 1];
      p--;
    }
    top[p] = i;
  }
  return Array.from(top.subarray(0, size), (i) => ({ item: i, score: scores[i] }));
}
