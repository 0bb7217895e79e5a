import { checkAborted, runSteps, type FitOptions, type Similarity, type Steps } from './types';

/**
 * Ratings seen from one side: rows x (users for user-based, items for item-based), each with the
 * y's it is paired with and their ratings, plus the transposed view to find co-raters quickly.
 */
export interface RatingRows {
  nX: number;
  xStart: Int32Array;
  xOther: Int32Array;
  xRating: Float64Array;
  yStart: Int32Array;
  yOther: Int32Array;
  yRating: Float64Array;
}

export interface SimilarityOptions {
  name: Similarity;
  /** Pairs with fewer common y's get similarity 0 (Surprise min_support, default 1). */
  minSupport: number;
  /** pearson_baseline only: sim *= (n - 1) / (n - 1 + shrinkage) (Surprise default 100). */
  shrinkage: number;
  /** msd, cosine, pearson: sim *= n / (n + supportShrinkage); 0 or absent is Surprise's unshrunk value. */
  supportShrinkage?: number;
  /** pearson_baseline only: baselines of the x's and y's and the global mean. */
  baselines?: { bx: Float64Array; by: Float64Array; globalMean: number };
}

/**
 * Dense symmetric nX x nX similarity matrix with Surprise's formulas over common y's:
 * cosine = sum(r_i r_j) / sqrt(sum r_i^2 sum r_j^2); msd = 1 / (mean((r_i - r_j)^2) + 1);
 * pearson = (n sum r_i r_j - sum r_i sum r_j) / sqrt((n sum r_i^2 - (sum r_i)^2)(n sum r_j^2 - (sum r_j)^2));
 * pearson_baseline = pearson-like over r - (mu + b_x + b_y) without centring, shrunk.
 * Pairs under minSupport, and zero denominators, give 0; the diagonal is 1. supportShrinkage
 * (ours) weighs msd/cosine/pearson by support, n / (n + supportShrinkage), as shrinkage does for
 * pearson_baseline.
 */
export function similarityMatrix(rows: RatingRows, options: SimilarityOptions, fit?: FitOptions): Float32Array {
  return runSteps(similaritySteps(rows, options, fit));
}

/** similarityMatrix as steps: pauses (yields) every 64 rows so an async caller can let a cancel in. */
export function* similaritySteps(rows: RatingRows, options: SimilarityOptions, fit?: FitOptions): Steps<Float32Array> {
  const n = rows.nX;
  const sim = new Float32Array(n * n);
  const freq = new Float64Array(n);
  const prods = new Float64Array(n);
  const sqi = new Float64Array(n);
  const sqj = new Float64Array(n);
  const si = new Float64Array(n);
  const sj = new Float64Array(n);
  const { name, minSupport, shrinkage } = options;
  const supportShrinkage = name === 'pearson_baseline' ? 0 : (options.supportShrinkage ?? 0);
  const bsl = options.baselines;
  if (name === 'pearson_baseline' && !bsl) throw new Error('pearson_baseline needs baselines');
  for (let xi = 0; xi < n; xi++) {
    if (xi % 64 === 0) {
      if (xi > 0) yield;
      checkAborted(fit);
      fit?.onProgress?.(xi / n);
    }
    sim[xi * n + xi] = 1;
    freq.fill(0, xi + 1);
    prods.fill(0, xi + 1);
    sqi.fill(0, xi + 1);
    sqj.fill(0, xi + 1);
    si.fill(0, xi + 1);
    sj.fill(0, xi + 1);
    for (let p = rows.xStart[xi]; p < rows.xStart[xi + 1]; p++) {
      const y = rows.xOther[p];
      let ri = rows.xRating[p];
      if (bsl) ri -= bsl.globalMean + bsl.bx[xi] + bsl.by[y];
      for (let q = rows.yStart[y]; q < rows.yStart[y + 1]; q++) {
        const xj = rows.yOther[q];
        if (xj <= xi) continue;
        let rj = rows.yRating[q];
        freq[xj]++;
        if (name === 'msd') {
          const d = ri - rj;
          prods[xj] += d * d;
          continue;
        }
        if (bsl) rj -= bsl.globalMean + bsl.bx[xj] + bsl.by[y];
        prods[xj] += ri * rj;
        sqi[xj] += ri * ri;
        sqj[xj] += rj * rj;
        if (name === 'pearson') {
          si[xj] += ri;
          sj[xj] += rj;
        }
      }
    }
    for (let xj = xi + 1; xj < n; xj++) {
      const f = freq[xj];
      let s = 0;
      if (f >= minSupport && f > 0) {
        if (name === 'msd') s = 1 / (prods[xj] / f + 1);
        else if (name === 'cosine') {
          const d = Math.sqrt(sqi[xj] * sqj[xj]);
          s = d === 0 ? 0 : prods[xj] / d;
        } else if (name === 'pearson') {
          const num = f * prods[xj] - si[xj] * sj[xj];
          const d = Math.sqrt((f * sqi[xj] - si[xj] * si[xj]) * (f * sqj[xj] - sj[xj] * sj[xj]));
          s = d === 0 || Number.isNaN(d) ? 0 : num / d;
        } else {
          const d = Math.sqrt(sqi[xj] * sqj[xj]);
          const shrunk = f - 1 + shrinkage;
          s = d === 0 || shrunk === 0 ? 0 : (prods[xj] / d) * ((f - 1) / shrunk);
        }
        if (supportShrinkage > 0) s *= f / (f + supportShrinkage);
      }
      sim[xi * n + xj] = s;
      sim[xj * n + xi] = s;
    }
  }
  return sim;
}
