import type { ItemSimilarity } from './metrics';
import { topK } from './metrics';

/**
 * Maximal marginal relevance (Carbonell and Goldstein 1998): from the best `pool` items, greedily
 * take argmax lambda * relevance - (1 - lambda) * max similarity to those already taken.
 * Relevance is min-max scaled within the pool so lambda means the same for every model.
 * lambda = 1 is the plain ranking; lower trades accuracy for a more varied list.
 */
export function mmrRerank(scores: Float32Array, k: number, similarity: ItemSimilarity, lambda: number, pool = Math.max(50, 5 * k)): Int32Array {
  const candidates = Array.from(topK(scores, pool));
  if (lambda >= 1 || candidates.length <= 1) return Int32Array.from(candidates.slice(0, k));
  const hi = scores[candidates[0]];
  const lo = scores[candidates[candidates.length - 1]];
  const span = hi > lo ? hi - lo : 1;
  const maxSim = new Float32Array(candidates.length);
  const row = new Float32Array(scores.length);
  const taken: number[] = [];
  const open = new Uint8Array(candidates.length).fill(1);
  while (taken.length < Math.min(k, candidates.length)) {
    let best = -1, bestValue = -Infinity;
    for (let c = 0; c < candidates.length; c++) {
      if (!open[c]) continue;
      const rel = (scores[candidates[c]] - lo) / span;
      const value = lambda * rel - (1 - lambda) * (taken.length > 0 ? maxSim[c] : 0);
      if (value > bestValue) {
        bestValue = value;
        best = c;
      }
    }
    open[best] = 0;
    taken.push(candidates[best]);
    similarity(candidates[best], row);
    for (let c = 0; c < candidates.length; c++) maxSim[c] = Math.max(maxSim[c], row[candidates[c]]);
  }
  return Int32Array.from(taken);
}
