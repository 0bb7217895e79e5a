import type { ImplicitModel, Interactions } from './types';
import { itemPopularity, userHistory } from './interactions';

/** Microsoft Recommenders' ranking metrics at k, averaged over users with test items. */
export interface RankingMetrics {
  map: number;
  ndcg: number;
  precision: number;
  recall: number;
  /** Mean self-information -log2(share of train users who have the item) of recommended items. */
  novelty: number;
  /** Mean pairwise 1 - similarity within each list (needs a similarity). */
  diversity: number | null;
  users: number;
}

export type ItemSimilarity = (i: number, out: Float32Array) => void;

/**
 * The top-k each test user gets, seen (train) items removed; every test item is relevant.
 * precision = hits / k, recall = hits / |rel|, NDCG binary gain with 1 / log2(rank + 1) discount
 * over an ideal of min(k, |rel|) hits, MAP = sum of precision at each hit / |rel| (the
 * Recommenders' map_at_k of their published benchmark, which divides by all relevant items).
 */
export function rankingMetrics(
  model: ImplicitModel,
  train: Interactions,
  test: Interactions,
  k: number,
  options?: { similarity?: ItemSimilarity; rerank?: (u: number, scores: Float32Array, k: number) => Int32Array },
): RankingMetrics {
  const n = train.nItems;
  const scores = new Float32Array(n);
  const pop = itemPopularity(train);
  const selfInfo = new Float64Array(n);
  for (let i = 0; i < n; i++) selfInfo[i] = -Math.log2(Math.max(pop[i], 1) / Math.max(train.nUsers, 1));
  const simRow = new Float32Array(n);
  let map = 0, ndcg = 0, precision = 0, recall = 0, novelty = 0, diversity = 0, users = 0;
  for (let u = 0; u < test.nUsers; u++) {
    const rel = userHistory(test, u).items;
    if (rel.length === 0) continue;
    model.scoreUser(u, scores);
    const seen = userHistory(train, u).items;
    for (let p = 0; p < seen.length; p++) scores[seen[p]] = -Infinity;
    const list = options?.rerank ? options.rerank(u, scores, k) : topK(scores, k);
    const relSet = new Set(rel);
    let hits = 0, dcg = 0, ap = 0;
    for (let r = 0; r < list.length; r++) {
      novelty += selfInfo[list[r]] / list.length;
      if (!relSet.has(list[r])) continue;
      hits++;
      dcg += 1 / Math.log2(r + 2);
      ap += hits / (r + 1);
    }
    let idcg = 0;
    for (let r = 0; r < Math.min(k, rel.length); r++) idcg += 1 / Math.log2(r + 2);
    map += ap / rel.length;
    ndcg += dcg / idcg;
    precision += hits / k;
    recall += hits / rel.length;
    if (options?.similarity) diversity += intraListDiversity(list, options.similarity, simRow);
    users++;
  }
  const avg = (x: number): number => (users > 0 ? x / users : 0);
  return {
    map: avg(map),
    ndcg: avg(ndcg),
    precision: avg(precision),
    recall: avg(recall),
    novelty: avg(novelty),
    diversity: options?.similarity ? avg(diversity) : null,
    users,
  };
}

/** Mean of 1 - sim(a, b) over the list's pairs; 0 for lists shorter than two. */
export function intraListDiversity(list: ArrayLike<number>, similarity: ItemSimilarity, scratch: Float32Array): number {
  let sum = 0, pairs = 0;
  for (let a = 0; a < list.length; a++) {
    similarity(list[a], scratch);
    for (let b = a + 1; b < list.length; b++) {
      sum += 1 - scratch[list[b]];
      pairs++;
    }
  }
  return pairs > 0 ? sum / pairs : 0;
}

/** Indices of the k largest finite scores, best first; ties to the lower index. */
export function topK(scores: Float32Array, k: number): Int32Array {
  const top: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (s === -Infinity || Number.isNaN(s)) continue;
    if (top.length === k && s <= scores[top[k - 1]]) continue;
    let p = top.length < k ? top.length : k - 1;
    if (top.length < k) top.push(i);
    while (p > 0 && s > scores[top[p - 1]]) {
      top[p] = top[p - 1];
      p--;
    }
    top[p] = i;
  }
  return Int32Array.from(top);
}
