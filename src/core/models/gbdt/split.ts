/**
 * Histograms of gradient statistics and the best split they allow. A histogram holds, per
 * feature and bin (256 per feature, the last for missing values), the sums of gradient, hessian
 * and row count; a child's histogram is its parent's minus its sibling's (histogram subtraction),
 * so only the smaller child is ever built from rows.
 */
import type { BinnedFeatures } from './bins';
import { buildHistogramPart, STATS, type HistogramHelpers } from './parallel';

/** Flags per category code of a categorical split. */
export const BIN_SLOTS = 256;

export interface SplitRules {
  /** L2 on leaf weights (XGBoost's lambda). */
  lambda: number;
  /** Smallest gain a split must have (XGBoost's gamma / min_split_loss). */
  gamma: number;
  minChildWeight: number;
  minSamplesLeaf: number;
  /** Categorical: at most this many categories on the smaller side of a split (LightGBM's max_cat_threshold). */
  maxCategoriesPerSplit: number;
}

export interface Split {
  feature: number;
  gain: number;
  /** Numeric: bins <= bin go left. */
  bin: number;
  /** Categorical: the category codes that go right; null for a numeric split. */
  rightCategories: number[] | null;
  defaultLeft: boolean;
  left: { g: number; h: number; n: number };
  right: { g: number; h: number; n: number };
}

/** XGBoost's epsilon: a split must gain more than this. */
const MIN_GAIN = 1e-6;
/** LightGBM's cat_smooth: keeps a rare category's ratio from dominating the sort. */
const CATEGORY_SMOOTHING = 10;
/** LightGBM's max_cat_to_onehot: up to this many categories, try each one against the rest. */
const ONE_VS_REST_CATEGORIES = 4;

/**
 * Histograms are large (features x bins x 3 doubles) and a tree needs one per open leaf: a pool
 * hands them out and takes them back, so growing a tree allocates nothing after the first.
 */
export interface HistogramPool {
  take(): Float64Array;
  give(hist: Float64Array): void;
}

export function createHistogramPool(data: BinnedFeatures): HistogramPool {
  const size = data.slots[data.features] * STATS;
  const free: Float64Array[] = [];
  return {
    take: () => free.pop() ?? new Float64Array(size),
    give: (hist) => void free.push(hist),
  };
}

/** Below this many rows a node is built on one thread: handing off costs more than it saves. */
export const MIN_PARALLEL_ROWS = 16_384;

/**
 * Builds rows[start..end) into hist, for the features in `use` only: on this thread, or cut into
 * parts with the helpers building all but the first (parallel.ts).
 */
export function buildHistogram(hist: Float64Array, data: BinnedFeatures, g: Float64Array, h: Float64Array, rows: Int32Array, start: number, end: number, use: Int32Array, helpers: HistogramHelpers | null = null): void {
  hist.fill(0);
  const arrays = { bins: data.bins, g, h, rows, slots: data.slots, features: data.features };
  if (!helpers || helpers.count === 0 || end - start < MIN_PARALLEL_ROWS) {
    buildHistogramPart(hist, arrays, start, end, use, use.length);
    return;
  }
  const parts = helpers.count + 1;
  const step = Math.ceil((end - start) / parts);
  const ranges = new Int32Array(2 * helpers.count);
  for (let i = 0; i < helpers.count; i++) {
    ranges[2 * i] = Math.min(end, start + (i + 1) * step);
    ranges[2 * i + 1] = Math.min(end, start + (i + 2) * step);
  }
  helpers.start(ranges, use);
  buildHistogramPart(hist, arrays, start, Math.min(end, start + step), use, use.length);
  for (const part of helpers.join()) for (let i = 0; i < hist.length; i++) hist[i] += part[i];
}

/** larger = parent - smaller, in place over parent (the parent's histogram is not needed again). */
export function subtractInto(parent: Float64Array, smaller: Float64Array): Float64Array {
  for (let i = 0; i < parent.length; i++) parent[i] -= smaller[i];
  return parent;
}

const score = (g: number, h: number, lambda: number) => (g * g) / (h + lambda);

/** Leaf weight before the learning rate: -G / (H + lambda), as XGBoost computes it. */
export function leafWeight(g: number, h: number, lambda: number): number {
  return -g / (h + lambda);
}

/** The best split found so far, kept in plain fields so scanning bins allocates nothing. */
class Best {
  gain = -Infinity;
  feature = -1;
  bin = -1;
  right: number[] | null = null;
  defaultLeft = false;
  gl = 0;
  hl = 0;
  nl = 0;

  /**
   * Tries a split whose non-missing left side sums to (gl, hl, nl), with the missing rows on
   * either side; keeps it when it beats the best so far and both sides are allowed.
   */
  offer(gl: number, hl: number, nl: number, mg: number, mh: number, mn: number, total: number[], rules: SplitRules, parentScore: number, feature: number, bin: number, right: number[] | null): void {
    for (let side = 0; side < (mn > 0 ? 2 : 1); side++) {
      const missingLeft = side === 0 && mn > 0;
      const GL = missingLeft ? gl + mg : gl;
      const HL = missingLeft ? hl + mh : hl;
      const NL = missingLeft ? nl + mn : nl;
      const HR = total[1] - HL;
      const NR = total[2] - NL;
      if (HL < rules.minChildWeight || HR < rules.minChildWeight || NL < rules.minSamplesLeaf || NR < rules.minSamplesLeaf || NL === 0 || NR === 0) continue;
      const GR = total[0] - GL;
      const gain = (GL * GL) / (HL + rules.lambda) + (GR * GR) / (HR + rules.lambda) - parentScore;
      if (gain > this.gain) {
        this.gain = gain;
        this.feature = feature;
        this.bin = bin;
        this.right = right;
        this.defaultLeft = missingLeft;
        this.gl = GL;
        this.hl = HL;
        this.nl = NL;
      }
    }
  }
}

/** The best split of a node over the features in `use`, or null when none gains enough. */
export function bestSplit(hist: Float64Array, data: BinnedFeatures, total: number[], use: Int32Array, rules: SplitRules): Split | null {
  const parentScore = score(total[0], total[1], rules.lambda);
  const best = new Best();
  for (const f of use) {
    const base = data.slots[f] * STATS;
    const ms = base + data.missing[f] * STATS;
    const mg = hist[ms];
    const mh = hist[ms + 1];
    const mn = hist[ms + 2];
    const bins = data.binCount[f];
    if (data.categorical[f]) {
      categoricalSplits(hist, base, bins, [mg, mh, mn], total, rules, parentScore, f, best);
      continue;
    }
    let gl = 0;
    let hl = 0;
    let nl = 0;
    for (let b = 0; b < bins - 1; b++) {
      const s = base + b * STATS;
      if (hist[s + 2] === 0) continue; // the same split as the previous bin
      gl += hist[s];
      hl += hist[s + 1];
      nl += hist[s + 2];
      best.offer(gl, hl, nl, mg, mh, mn, total, rules, parentScore, f, b, null);
    }
  }
  if (best.feature < 0 || best.gain <= Math.max(rules.gamma, MIN_GAIN)) return null;
  return {
    feature: best.feature,
    gain: best.gain,
    bin: best.bin,
    rightCategories: best.right,
    defaultLeft: best.defaultLeft,
    left: { g: best.gl, h: best.hl, n: best.nl },
    right: { g: total[0] - best.gl, h: total[1] - best.hl, n: total[2] - best.nl },
  };
}

/**
 * LightGBM's categorical split: few categories are tried one against the rest; more are sorted
 * by gradient / (hessian + smoothing) and every prefix of the order (from either end, up to the
 * cap) is tried as the set that goes right.
 */
function categoricalSplits(
  hist: Float64Array,
  base: number,
  bins: number,
  missing: number[],
  total: number[],
  rules: SplitRules,
  parentScore: number,
  feature: number,
  best: Best,
): void {
  const present: number[] = [];
  for (let c = 0; c < bins; c++) if (hist[base + c * STATS + 2] > 0) present.push(c);
  if (present.length < 2) return;
  const stat = (c: number, k: number) => hist[base + c * STATS + k];
  // With the right set R, the left side is everything else that is not missing.
  const tryRight = (right: number[]) => {
    let gr = 0;
    let hr = 0;
    let nr = 0;
    for (const c of right) {
      gr += stat(c, 0);
      hr += stat(c, 1);
      nr += stat(c, 2);
    }
    const gl = total[0] - missing[0] - gr;
    const hl = total[1] - missing[1] - hr;
    const nl = total[2] - missing[2] - nr;
    const before = best.gain;
    best.offer(gl, hl, nl, missing[0], missing[1], missing[2], total, rules, parentScore, feature, -1, right);
    // Only a set that won is copied out of the scan's order array.
    if (best.gain > before) best.right = [...right].sort((a, b) => a - b);
  };
  if (present.length <= ONE_VS_REST_CATEGORIES) {
    for (const c of present) tryRight([c]);
    return;
  }
  const order = [...present].sort((a, b) => stat(a, 0) / (stat(a, 1) + CATEGORY_SMOOTHING) - stat(b, 0) / (stat(b, 1) + CATEGORY_SMOOTHING) || a - b);
  const cap = Math.min(rules.maxCategoriesPerSplit, present.length - 1);
  for (let k = 1; k <= cap; k++) {
    tryRight(order.slice(0, k));
    tryRight(order.slice(order.length - k));
  }
}
