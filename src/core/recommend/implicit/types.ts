/**
 * Implicit feedback: confidence-weighted user-item interactions (clicks, purchases) and the models
 * that rank items from them. Scores are ranks, not ratings: only their order matters.
 */

/** Interactions as compressed rows both ways; items (users) sorted within each row. */
export interface Interactions {
  nUsers: number;
  nItems: number;
  /** userItems[userStart[u] .. userStart[u+1]) are u's items, userConf the matching confidences (> 0). */
  userStart: Int32Array;
  userItems: Int32Array;
  userConf: Float32Array;
  itemStart: Int32Array;
  itemUsers: Int32Array;
  itemConf: Float32Array;
}

/** A user's history outside the trained model: a new user in onboarding, or fold-in. */
export interface History {
  items: Int32Array;
  conf: Float32Array;
}

export type ImplicitSpec =
  /** Interaction count per item (the cold-start answer for a new user). */
  | { kind: 'popular' }
  /** SAR: item-item co-occurrence turned into a similarity; score = user affinity x similarity. */
  | { kind: 'sar'; similarity: 'jaccard' | 'lift' | 'cooccurrence'; threshold: number }
  /** Hu, Koren, Volinsky implicit ALS: confidence 1 + alpha * c, preference 1, conjugate-gradient solves. */
  | { kind: 'als'; factors: number; iterations: number; reg: number; alpha: number; cgSteps: number; seed: number }
  /** Bayesian personalised ranking, SGD over sampled (user, positive, negative) triples, item biases. */
  | { kind: 'bpr'; factors: number; epochs: number; lr: number; reg: number; seed: number };

export type ImplicitKind = ImplicitSpec['kind'];

export interface ImplicitModel {
  readonly kind: ImplicitKind | 'content' | 'hybrid';
  readonly nItems: number;
  /** A ranking score for every item for trained user u, into out (length nItems). */
  scoreUser(u: number, out: Float32Array): void;
  /** Scores for someone the model did not train on, from their history alone (fold-in, no retrain). */
  scoreHistory(history: History, out: Float32Array): void;
  /** Similarity of item i to every item (for "similar items" and diversity), into out. */
  itemSimilarity?(i: number, out: Float32Array): void;
}
