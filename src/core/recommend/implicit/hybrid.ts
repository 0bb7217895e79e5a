import type { History, ImplicitModel, Interactions } from './types';
import { itemPopularity } from './interactions';

export interface HybridOptions {
  /** Weight of the collaborative score, in [0, 1]; the rest goes to content. */
  weight: number;
  /** Items with fewer interactions than this get their content score only: collaborative scores of rare items are noise. */
  minInteractions: number;
}

/**
 * weight * collaborative + (1 - weight) * content, after min-max scaling the collaborative scores
 * of each user to [0, 1] (content cosines already are), because the two live on unrelated scales.
 */
export function hybridModel(collab: ImplicitModel, content: ImplicitModel, x: Interactions, options: HybridOptions): ImplicitModel {
  const n = x.nItems;
  const pop = itemPopularity(x);
  const c = new Float32Array(n);
  const blend = (out: Float32Array): void => {
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < n; i++) {
      lo = Math.min(lo, out[i]);
      hi = Math.max(hi, out[i]);
    }
    const span = hi > lo ? hi - lo : 1;
    for (let i = 0; i < n; i++) {
      const collabScore = (out[i] - lo) / span;
      out[i] = pop[i] < options.minInteractions ? c[i] : options.weight * collabScore + (1 - options.weight) * c[i];
    }
  };
  return {
    kind: 'hybrid',
    nItems: n,
    scoreUser: (u, out) => {
      content.scoreUser(u, c);
      collab.scoreUser(u, out);
      blend(out);
    },
    scoreHistory: (h: History, out) => {
      content.scoreHistory(h, c);
      collab.scoreHistory(h, out);
      blend(out);
    },
    itemSimilarity: content.itemSimilarity,
  };
}
