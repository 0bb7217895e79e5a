/** The rating-prediction algorithms, their options and the fitted model they all return. */

export type Similarity = 'cosine' | 'pearson' | 'msd' | 'pearson_baseline';

export type AlgorithmSpec =
  /** Damped item mean: mu + sum(r - mu) / (n_i + damping). */
  | { kind: 'popularity'; damping: number }
  /** Surprise BaselineOnly with ALS: mu + b_u + b_i. */
  | { kind: 'baseline'; epochs: number; regUser: number; regItem: number }
  /** Surprise KNNWithMeans. shrinkage applies to pearson_baseline only, as in Surprise. */
  | {
      kind: 'knn';
      k: number;
      minK: number;
      similarity: Similarity;
      userBased: boolean;
      shrinkage: number;
      minSupport: number;
      /**
       * msd, cosine and pearson: sim *= n / (n + supportShrinkage) over n common raters. Not in
       * Surprise (absent or 0 keeps its numbers); the app sets it so two films sharing one rater
       * are not "1.000 similar".
       */
      supportShrinkage?: number;
      /**
       * Neighbours kept per user (or item): its `keep` most similar, the pair kept when either
       * side keeps it. Absent or 0 keeps every positive similarity, which gives Surprise's
       * estimates exactly; a cap bounds memory on large catalogues at some cost in accuracy.
       */
      keep?: number;
    }
  /** Surprise SVD (biased), plain SGD. */
  | {
      kind: 'svd';
      factors: number;
      epochs: number;
      lr: number;
      reg: number;
      initStd: number;
      seed: number;
      /** 'surprise' (default): ratings grouped by user in first-appearance order, same every epoch. */
      order?: SgdOrder;
    }
  /** Surprise SVDpp: SVD plus implicit feedback y_j of the items each user rated. */
  | {
      kind: 'svdpp';
      factors: number;
      epochs: number;
      lr: number;
      reg: number;
      initStd: number;
      seed: number;
    };

/**
 * How SGD visits the training ratings. Surprise's Trainset.all_ratings() yields them grouped by
 * user (inner-id order, i.e. first appearance) and never reshuffles between epochs.
 */
export type SgdOrder = 'surprise' | 'shuffled';

export type AlgorithmKind = AlgorithmSpec['kind'];

export interface Contribution {
  /** An item index (item-based and factor models) or a neighbour user index (user-based kNN). */
  item: number;
  weight: number;
}

export interface RatingModel {
  readonly kind: AlgorithmKind;
  /** Number of items scoreUser fills (the RatingMatrix's items). */
  readonly nItems: number;
  /** Estimated rating, clipped to the rating scale like Surprise. Unknown users/items get Surprise's default. */
  predict(u: number, i: number): number;
  /** predict(u, i) for every item i into out (length = number of items). */
  scoreUser(u: number, out: Float32Array): void;
  /** The rated items (or neighbours) that contributed most to predict(u, i): "because you liked ...". */
  explain?(u: number, i: number, top: number): Contribution[];
  /** Similarity of item i to every item, into out; used by similarItems. */
  itemSimilarity?(i: number, out: Float32Array): void;
}

export interface FitOptions {
  signal?: { readonly aborted: boolean };
  /** Called a few times during the fit with the fraction done, in [0, 1]. */
  onProgress?: (fraction: number) => void;
}

/** Thrown when options.signal is aborted during a fit: the caller asked to stop. */
export class FitCancelled extends Error {
  constructor() {
    super('The fit was cancelled.');
    this.name = 'FitCancelled';
  }
}

export function checkAborted(options: FitOptions | undefined): void {
  if (options?.signal?.aborted) throw new FitCancelled();
}

/**
 * A long synchronous loop written as a generator that yields at safe points (every few rows):
 * runSteps drives it straight through; runStepsAsync hands the event loop back at each yield
 * (pause decides how often it really waits) and stops with FitCancelled once signal is aborted.
 * One code path, so the async result is the sync one, bit for bit.
 */
export type Steps<T> = Generator<void, T, void>;

export function runSteps<T>(steps: Steps<T>): T {
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

export async function runStepsAsync<T>(steps: Steps<T>, pause: () => Promise<void>, signal?: { readonly aborted: boolean }): Promise<T> {
  let r = steps.next();
  while (!r.done) {
    await pause();
    if (signal?.aborted) {
      steps.return(undefined as never);
      throw new FitCancelled();
    }
    r = steps.next();
  }
  return r.value;
}
