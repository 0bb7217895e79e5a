import { baselineAls } from './baseline';
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

  /** Fills the candidates of (x, y): those of the other side of y, with their centred ratings. */
  const fillCandidates = (y: number, simRow: number): number => {
    let m = 0;
    for (let q = rows.yStart[y]; q < rows.yStart[y + 1]; q++) {
      const x2 = rows.yOther[q];
      if (simRow >= 0) candSim[m] = sim[simRow + x2];
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
    // visiting candidates in order, does the same without sorting all m (top-N scores every item).
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
  const nearest = (x: number, y: number): number => selectNearest(fillCandidates(y, x * n));

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

  // Item-based top-N reads, for every item i, sim[i][j] over the user's rated j: row by row that
  // is a cache miss per read on a 9.7k x 9.7k matrix (a minute per fold on ml-latest-small). The
  // matrix is symmetric, so read rows j instead, contiguously, a block of items at a time.
  const blockFloats = Math.max(1 << 20, maxCandidates * 64);
  let block: Float32Array | null = null;
  const scoreUserByItems = (u: number, out: Float32Array): void => {
    const m = fillCandidates(u, -1);
    const width = Math.max(1, Math.min(n, Math.floor(blockFloats / Math.max(1, m))));
    block ??= new Float32Array(blockFloats);
    const J = candX.slice(0, m);
    for (let i0 = 0; i0 < n; i0 += width) {
      checkAborted(options);
      const i1 = Math.min(n, i0 + width);
      for (let c = 0; c < m; c++) {
        const row = J[c] * n;
        for (let i = i0; i < i1; i++) block[(i - i0) * m + c] = sim[row + i];
      }
      for (let i = i0; i < i1; i++) {
        if (!knowsItem(t, i)) {
          out[i] = clip(t, t.globalMean);
          continue;
        }
        candSim.set(block.subarray((i - i0) * m, (i - i0) * m + m));
        out[i] = clip(t, weighted(i, selectNearest(m)));
      }
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
          out.set(sim.subarray(i * n, (i + 1) * n));
        },
  };
}

function maxRowLength(start: Int32Array): number {
  let m = 0;
  for (let k = 0; k + 1 < start.length; k++) m = Math.max(m, start[k + 1] - start[k]);
  return m;
}
