import { baselineAls } from './baseline';
import { RowHeaps } from './rowHeaps';
import { similaritySteps, type RatingRows } from './similarity';
import { clip, knowsItem, knowsUser, rowMeans, type Trainset } from './trainset';
import { checkAborted, runSteps, type Contribution, type FitOptions, type RatingModel, type Similarity, type Steps } from './types';

export interface KnnOptions {
  k: number;
  minK: number;
  similarity: Similarity;
  userBased: boolean;
  shrinkage: number;
  minSupport: number;
  supportShrinkage?: number;
  /** Neighbours kept per x (see SimilarityOptions.keep); 0 or absent keeps every positive one, exactly. */
  keep?: number;
}

/**
 * Surprise KNNWithMeans. With x the side we compare (users if userBased) and y the other:
 * est = mu_x + sum(sim(x, x') (r_x'y - mu_x')) / sum(sim(x, x')) over the k x' most similar to x
 * that rated y, counting only sim > 0; mu_x alone when fewer than minK count.
 * Unknown user or item: Surprise's PredictionImpossible, answered with the global mean.
 */
export function fitKnnWithMeans(t: Trainset, o: KnnOptions, options?: FitOptions): RatingModel {
  return runSteps(fitKnnSteps(t, o, options));
}

/** fitKnnWithMeans as steps (see runStepsAsync): the similarity matrix pauses every 64 rows. */
export function* fitKnnSteps(t: Trainset, o: KnnOptions, options?: FitOptions): Steps<RatingModel> {
  const rows: RatingRows = o.userBased
    ? {
        nX: t.nUsers,
        xStart: t.userStart,
        xOther: t.userItems,
        xRating: t.userRatings,
        yStart: t.itemStart,
        yOther: t.itemUsers,
        yRating: t.itemRatings,
      }
    : {
        nX: t.nItems,
        xStart: t.itemStart,
        xOther: t.itemUsers,
        xRating: t.itemRatings,
        yStart: t.userStart,
        yOther: t.userItems,
        yRating: t.userRatings,
      };
  let baselines;
  if (o.similarity === 'pearson_baseline') {
    // Surprise computes these with its default bsl_options (ALS, 10 epochs, reg_u 15, reg_i 10).
    const b = baselineAls(t, 10, 15, 10, options);
    baselines = o.userBased
      ? { bx: b.bu, by: b.bi, globalMean: t.globalMean }
      : { bx: b.bi, by: b.bu, globalMean: t.globalMean };
  }
  const sim = yield* similaritySteps(rows, {
    name: o.similarity,
    minSupport: o.minSupport,
    shrinkage: o.shrinkage,
    supportShrinkage: o.supportShrinkage,
    keep: o.keep,
    baselines,
  }, options);
  options?.onProgress?.(1);
  const n = rows.nX;
  const means = rowMeans(rows.xStart, rows.xRating);
  // Scratch buffers for one prediction's candidates: (similarity, neighbour, centred rating).
  const maxCandidates = maxRowLength(rows.yStart);
  const candSim = new Float64Array(maxCandidates);
  const candX = new Int32Array(maxCandidates);
  const candDev = new Float64Array(maxCandidates);
  const order = new Int32Array(maxCandidates);

  // Row x of the sparse similarity spread over a dense scratch, for O(1) lookups while the same x
  // is asked about (a user's whole list, or consecutive test pairs).
  const dense = new Float32Array(n);
  let denseRow = -1;
  const simRow = (x: number): Float32Array => {
    if (denseRow === x) return dense;
    if (denseRow >= 0) for (let p = sim.start[denseRow]; p < sim.start[denseRow + 1]; p++) dense[sim.index[p]] = 0;
    for (let p = sim.start[x]; p < sim.start[x + 1]; p++) dense[sim.index[p]] = sim.sim[p];
    denseRow = x;
    return dense;
  };

  /** Fills the candidates of (x, y): those of the other side of y, with their centred ratings. */
  const fillCandidates = (y: number, x: number): number => {
    const row = x >= 0 ? simRow(x) : null;
    let m = 0;
    for (let q = rows.yStart[y]; q < rows.yStart[y + 1]; q++) {
      const x2 = rows.yOther[q];
      if (row) candSim[m] = row[x2];
      candX[m] = x2;
      candDev[m] = rows.yRating[q] - means[x2];
      m++;
    }
    return m;
  };

  /** Orders the k nearest of the m candidates first; returns how many. */
  const selectNearest = (m: number): number => {
    for (let c = 0; c < m; c++) order[c] = c;
    if (m <= o.k) return m;
    // heapq.nlargest keeps the earliest of equal similarities. Insertion into a sorted buffer of k,
    // visiting candidates in order, does the same without sorting all m.
    const kk = o.k;
    let size = 0;
    for (let c = 0; c < m; c++) {
      const s = candSim[c];
      if (size === kk && s <= candSim[order[kk - 1]]) continue;
      let p = size < kk ? size++ : kk - 1;
      while (p > 0 && s > candSim[order[p - 1]]) {
        order[p] = order[p - 1];
        p--;
      }
      order[p] = c;
    }
    return kk;
  };

  /** Fills the k nearest candidates; returns how many, best first. */
  const nearest = (x: number, y: number): number => selectNearest(fillCandidates(y, x));

  /** mu_x + the similarity-weighted centred ratings of the kk nearest (ordered by selectNearest). */
  const weighted = (x: number, kk: number): number => {
    let sumSim = 0;
    let sumDev = 0;
    let actualK = 0;
    for (let r = 0; r < kk; r++) {
      const c = order[r];
      if (candSim[c] > 0) {
        sumSim += candSim[c];
        sumDev += candSim[c] * candDev[c];
        actualK++;
      }
    }
    if (actualK < o.minK || sumSim === 0) return means[x];
    return means[x] + sumDev / sumSim;
  };

  const estimate = (u: number, i: number): number => {
    if (!knowsUser(t, u) || !knowsItem(t, i)) return t.globalMean;
    const x = o.userBased ? u : i;
    const y = o.userBased ? i : u;
    return weighted(x, nearest(x, y));
  };

  // Item-based top-N needs, for every item i, the k nearest of the user's rated items. Asking
  // item by item reads sim(i, j) for all of them (items x rated per user). Instead each rated j
  // hands its similarity to the items in its sparse row, into a k-slot heap per item: the work is
  // the rated items' neighbour lists, and the heap keeps what selectNearest keeps (ties to the
  // earlier rated item, as heapq.nlargest does), so the scores are predict's.
  const heaps = o.userBased ? null : new RowHeaps(n, o.k, true);
  const scoreUserByItems = (u: number, out: Float32Array): void => {
    checkAborted(options);
    const h = heaps!;
    h.clear();
    const a = t.userStart[u];
    for (let p = a; p < t.userStart[u + 1]; p++) {
      if ((p - a) % 256 === 255) checkAborted(options);
      const j = t.userItems[p];
      const dev = t.userRatings[p] - means[j];
      // Most offers to a popular item's full heap lose: test against its weakest kept first
      // (offers come in rank order, so a tie loses: the earlier rated item stays).
      const weakest = h.weakest;
      for (let q = sim.start[j]; q < sim.start[j + 1]; q++) {
        const i = sim.index[q];
        const s = sim.sim[q];
        if (s > weakest[i]) h.offer(i, s, p, dev);
      }
    }
    for (let i = 0; i < n; i++) {
      if (!knowsItem(t, i)) {
        out[i] = clip(t, t.globalMean);
        continue;
      }
      const size = h.size[i];
      let sumSim = 0;
      let sumDev = 0;
      const dev = h.value!;
      for (let r = i * o.k; r < i * o.k + size; r++) {
        sumSim += h.sim[r];
        sumDev += h.sim[r] * dev[r];
      }
      out[i] = clip(t, size < o.minK || sumSim === 0 ? means[i] : means[i] + sumDev / sumSim);
    }
  };

  return {
    kind: 'knn',
    nItems: t.nItems,
    predict: (u, i) => clip(t, estimate(u, i)),
    scoreUser(u, out) {
      if (!o.userBased && knowsUser(t, u)) return scoreUserByItems(u, out);
      for (let i = 0; i < t.nItems; i++) out[i] = clip(t, estimate(u, i));
    },
    explain(u, i, top): Contribution[] {
      if (!knowsUser(t, u) || !knowsItem(t, i)) return [];
      const x = o.userBased ? u : i;
      const y = o.userBased ? i : u;
      const kk = nearest(x, y);
      const out: Contribution[] = [];
      for (let r = 0; r < kk; r++) {
        const c = order[r];
        if (candSim[c] > 0) out.push({ item: candX[c], weight: candSim[c] * candDev[c] });
      }
      out.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
      return out.slice(0, top);
    },
    itemSimilarity: o.userBased
      ? undefined
      : (i, out) => {
          out.fill(0);
          for (let p = sim.start[i]; p < sim.start[i + 1]; p++) out[sim.index[p]] = sim.sim[p];
        },
  };
}

function maxRowLength(start: Int32Array): number {
  let m = 0;
  for (let k = 0; k + 1 < start.length; k++) m = Math.max(m, start[k + 1] - start[k]);
  return m;
}
