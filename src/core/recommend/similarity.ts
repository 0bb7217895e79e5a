import { RowHeaps } from './rowHeaps';
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
  /**
   * Neighbours kept per x: its `keep` most similar, then made symmetric (a pair stays when either
   * side keeps it). 0 or absent keeps every positive similarity, which is exact: kNN never counts
   * a neighbour with sim <= 0, so dropping those changes no estimate.
   */
  keep?: number;
  /** Keep zero and negative similarities too (the dense test view); kNN never needs them. */
  keepNonPositive?: boolean;
}

/**
 * Similarities as symmetric compressed rows: row x lists (index[p], sim[p]) for p in
 * [start[x], start[x+1]), in no particular order, the diagonal (sim 1) included. Pairs no y links
 * are absent (similarity 0). Memory is 8 bytes per kept pair and side, instead of 4 n^2.
 */
export interface SparseSimilarity {
  n: number;
  start: Int32Array;
  index: Int32Array;
  sim: Float32Array;
}

/**
 * Surprise's formulas over common y's, one row at a time (co-raters only, so the cost is the
 * co-rating pairs, not n^2):
 * cosine = sum(r_i r_j) / sqrt(sum r_i^2 sum r_j^2); msd = 1 / (mean((r_i - r_j)^2) + 1);
 * pearson = (n sum r_i r_j - sum r_i sum r_j) / sqrt((n sum r_i^2 - (sum r_i)^2)(n sum r_j^2 - (sum r_j)^2));
 * pearson_baseline = pearson-like over r - (mu + b_x + b_y) without centring, shrunk.
 * Pairs under minSupport, and zero denominators, give 0. supportShrinkage (ours) weighs
 * msd/cosine/pearson by support, n / (n + supportShrinkage), as shrinkage does for pearson_baseline.
 */
export function similarityLists(rows: RatingRows, options: SimilarityOptions, fit?: FitOptions): SparseSimilarity {
  return runSteps(similaritySteps(rows, options, fit));
}

/** Dense n x n view of similarityLists with every value kept (tests and small tables). */
export function similarityMatrix(rows: RatingRows, options: SimilarityOptions, fit?: FitOptions): Float32Array {
  const s = similarityLists(rows, { ...options, keep: 0, keepNonPositive: true }, fit);
  const out = new Float32Array(s.n * s.n);
  for (let x = 0; x < s.n; x++) for (let p = s.start[x]; p < s.start[x + 1]; p++) out[x * s.n + s.index[p]] = s.sim[p];
  return out;
}

/** similarityLists as steps: pauses (yields) every 64 rows so an async caller can let a cancel in. */
export function* similaritySteps(rows: RatingRows, options: SimilarityOptions, fit?: FitOptions): Steps<SparseSimilarity> {
  const n = rows.nX;
  const { name, minSupport, shrinkage } = options;
  const supportShrinkage = name === 'pearson_baseline' ? 0 : (options.supportShrinkage ?? 0);
  const bsl = options.baselines;
  if (name === 'pearson_baseline' && !bsl) throw new Error('pearson_baseline needs baselines');
  const keep = Math.max(0, Math.floor(options.keep ?? 0));
  const keepAll = options.keepNonPositive === true;
  // Row x's sums are accumulated over its y's in increasing y order, whichever x the row is for,
  // so sim(a, b) and sim(b, a) add the same terms in the same order: bit-identical, and the
  // matrix needs only one pass per row with no lookup of the other half.
  const byY = sortedRows(rows.nX, rows.xStart, rows.xOther, rows.xRating);
  const freq = new Float64Array(n);
  const prods = new Float64Array(n);
  const sqi = new Float64Array(n);
  const sqj = new Float64Array(n);
  const si = new Float64Array(n);
  const sj = new Float64Array(n);
  const touched = new Int32Array(n);
  const out = new GrowingRows(n, keep > 0 ? n * (keep + 1) : Math.max(1024, rows.xOther.length * 4));
  // Row xi's best `keep`, one row at a time.
  const best = keep > 0 ? new RowHeaps(1, keep, false) : null;
  // One loop per kind, so the hot loop (every co-rating pair) carries no branch on the formula.
  const accumulateMsd = (xi: number): number => {
    let m = 0;
    for (let p = byY.start[xi]; p < byY.start[xi + 1]; p++) {
      const ri = byY.rating[p];
      const y = byY.other[p];
      for (let q = rows.yStart[y]; q < rows.yStart[y + 1]; q++) {
        const xj = rows.yOther[q];
        if (xj === xi) continue;
        if (freq[xj] === 0) touched[m++] = xj;
        freq[xj]++;
        const d = ri - rows.yRating[q];
        prods[xj] += d * d;
      }
    }
    return m;
  };
  const accumulateProducts = (xi: number): number => {
    let m = 0;
    const centred = bsl !== undefined;
    const sums = name === 'pearson';
    for (let p = byY.start[xi]; p < byY.start[xi + 1]; p++) {
      const y = byY.other[p];
      let ri = byY.rating[p];
      if (centred) ri -= bsl.globalMean + bsl.bx[xi] + bsl.by[y];
      for (let q = rows.yStart[y]; q < rows.yStart[y + 1]; q++) {
        const xj = rows.yOther[q];
        if (xj === xi) continue;
        let rj = rows.yRating[q];
        if (centred) rj -= bsl.globalMean + bsl.bx[xj] + bsl.by[y];
        if (freq[xj] === 0) touched[m++] = xj;
        freq[xj]++;
        prods[xj] += ri * rj;
        sqi[xj] += ri * ri;
        sqj[xj] += rj * rj;
        if (sums) {
          si[xj] += ri;
          sj[xj] += rj;
        }
      }
    }
    return m;
  };
  for (let xi = 0; xi < n; xi++) {
    if (xi % 64 === 0) {
      if (xi > 0) yield;
      checkAborted(fit);
      fit?.onProgress?.(xi / n);
    }
    const m = name === 'msd' ? accumulateMsd(xi) : accumulateProducts(xi);
    out.push(xi, 1);
    best?.clear();
    for (let c = 0; c < m; c++) {
      const xj = touched[c];
      const f = freq[xj];
      let s = 0;
      if (f >= minSupport) {
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
      freq[xj] = prods[xj] = 0;
      if (name !== 'msd') sqi[xj] = sqj[xj] = si[xj] = sj[xj] = 0;
      if (!(s > 0) && !keepAll) continue;
      if (best) {
        // Most offers lose to the weakest kept one once the heap is full: test that first.
        // (In float32, as stored: a tie there goes to the lower index.)
        const f32 = Math.fround(s);
        if (f32 >= best.weakest[0]) best.offer(0, f32, xj);
      } else out.push(xj, s);
    }
    if (best) for (let r = 0; r < best.size[0]; r++) out.push(best.key[r], best.sim[r]);
    out.endRow();
  }
  fit?.onProgress?.(1);
  const lists = out.finish();
  return keep > 0 ? symmetricUnion(lists) : lists;
}

/** Each x's y's sorted by y (with their ratings): the canonical order the sums are taken in. */
function sortedRows(n: number, start: Int32Array, other: Int32Array, rating: Float64Array) {
  const o = new Int32Array(other.length);
  const r = new Float64Array(other.length);
  let order = new Int32Array(16);
  for (let x = 0; x < n; x++) {
    const a = start[x];
    const len = start[x + 1] - a;
    if (order.length < len) order = new Int32Array(len * 2);
    const idx = order.subarray(0, len);
    for (let k = 0; k < len; k++) idx[k] = a + k;
    idx.sort((p, q) => other[p] - other[q]);
    for (let k = 0; k < len; k++) {
      o[a + k] = other[idx[k]];
      r[a + k] = rating[idx[k]];
    }
  }
  return { start, other: o, rating: r };
}

/** Compressed rows appended one row at a time, growing by doubling. */
class GrowingRows {
  private start: Int32Array;
  private index: Int32Array;
  private sim: Float32Array;
  private size = 0;
  private row = 0;
  constructor(private readonly n: number, capacity: number) {
    this.start = new Int32Array(n + 1);
    this.index = new Int32Array(capacity);
    this.sim = new Float32Array(capacity);
  }
  push(j: number, s: number): void {
    if (this.size === this.index.length) {
      const cap = this.index.length * 2;
      const index = new Int32Array(cap);
      index.set(this.index);
      const sim = new Float32Array(cap);
      sim.set(this.sim);
      this.index = index;
      this.sim = sim;
    }
    this.index[this.size] = j;
    this.sim[this.size++] = s;
  }
  endRow(): void {
    this.start[++this.row] = this.size;
  }
  finish(): SparseSimilarity {
    return { n: this.n, start: this.start, index: this.index.slice(0, this.size), sim: this.sim.slice(0, this.size) };
  }
}

/**
 * Rows cut to each x's best neighbours are not symmetric (b may be among a's best but not the
 * other way round). Keep a pair when either side kept it, so every lookup, from either side,
 * sees the same similarity. The values agree because both rows computed it bit for bit.
 */
function symmetricUnion(s: SparseSimilarity): SparseSimilarity {
  const { n } = s;
  const count = new Int32Array(n + 1);
  for (let x = 0; x < n; x++)
    for (let p = s.start[x]; p < s.start[x + 1]; p++) {
      count[x + 1]++;
      if (s.index[p] !== x) count[s.index[p] + 1]++;
    }
  for (let x = 0; x < n; x++) count[x + 1] += count[x];
  const fill = count.slice(0, n);
  const index = new Int32Array(count[n]);
  const sim = new Float32Array(count[n]);
  for (let x = 0; x < n; x++)
    for (let p = s.start[x]; p < s.start[x + 1]; p++) {
      const j = s.index[p];
      index[fill[x]] = j;
      sim[fill[x]++] = s.sim[p];
      if (j === x) continue;
      index[fill[j]] = x;
      sim[fill[j]++] = s.sim[p];
    }
  // Drop the second copy of pairs both sides kept.
  const start = new Int32Array(n + 1);
  const seen = new Int32Array(n).fill(-1);
  let w = 0;
  for (let x = 0; x < n; x++) {
    start[x] = w;
    for (let p = count[x]; p < count[x + 1]; p++) {
      if (seen[index[p]] === x) continue;
      seen[index[p]] = x;
      index[w] = index[p];
      sim[w++] = sim[p];
    }
  }
  start[n] = w;
  return { n, start, index: index.slice(0, w), sim: sim.slice(0, w) };
}
