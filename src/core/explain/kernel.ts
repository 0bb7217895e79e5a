/**
 * KernelSHAP (Lundberg and Lee 2017) as the shap package's KernelExplainer does it: coalition
 * sizes whose share of the Shapley kernel the budget can cover are enumerated with exact
 * weights, the rest are sampled in antithetic pairs (S and its complement) by the kernel
 * distribution; a weighted least-squares fit with the efficiency constraint gives the values.
 * When the budget covers every coalition the result is the exact Shapley value.
 */
import { createRandom, type Random } from '../random';
import { solveWithInverse } from './linalg';
import { coalitionValues } from './masked';
import type { Attribution, KernelOptions, MaskedModelSpec } from './types';

export interface CoalitionSample {
  /** n x M flags. */
  masks: Uint8Array;
  weights: Float64Array;
  n: number;
  /** True when every proper coalition is in the sample with its exact kernel weight. */
  complete: boolean;
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

/** Calls visit(mask) for every subset of size k of 0..m-1. */
function forEachSubset(m: number, k: number, visit: (members: number[]) => void): void {
  const idx = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    visit(idx);
    let i = k - 1;
    while (i >= 0 && idx[i] === m - k + i) i--;
    if (i < 0) return;
    idx[i]++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
  }
}

function randomSubset(m: number, k: number, random: Random, scratch: Int32Array): Uint8Array {
  for (let i = 0; i < m; i++) scratch[i] = i;
  const mask = new Uint8Array(m);
  for (let i = 0; i < k; i++) {
    const j = i + random.int(m - i);
    const t = scratch[i];
    scratch[i] = scratch[j];
    scratch[j] = t;
    mask[scratch[i]] = 1;
  }
  return mask;
}

/** The coalitions and kernel weights for m features and a budget of `samples` coalitions. */
export function sampleCoalitions(m: number, samples: number, seed: number): CoalitionSample {
  const masks: Uint8Array[] = [];
  const weights: number[] = [];
  const seen = new Map<string, number>();
  const add = (mask: Uint8Array, w: number) => {
    const key = mask.join('');
    const at = seen.get(key);
    if (at !== undefined) {
      weights[at] += w;
      return false;
    }
    seen.set(key, masks.length);
    masks.push(mask);
    weights.push(w);
    return true;
  };
  const sizes = Math.ceil((m - 1) / 2);
  const pairedSizes = Math.floor((m - 1) / 2);
  const kernel = Float64Array.from({ length: sizes }, (_, i) => ((m - 1) / ((i + 1) * (m - i - 1))) * (i + 1 <= pairedSizes ? 2 : 1));
  const total = kernel.reduce((a, b) => a + b, 0);
  for (let i = 0; i < sizes; i++) kernel[i] /= total;

  // Enumerate whole sizes, smallest first, while the budget covers their share of the kernel.
  let left = samples;
  let fullSizes = 0;
  const remaining = Float64Array.from(kernel);
  for (let s = 1; s <= sizes; s++) {
    const paired = s <= pairedSizes;
    const count = binomial(m, s) * (paired ? 2 : 1);
    if (left * remaining[s - 1] / count < 1 - 1e-8) break;
    fullSizes++;
    left -= count;
    const share = remaining[s - 1];
    if (share < 1) for (let i = 0; i < sizes; i++) remaining[i] /= 1 - share;
    const w = kernel[s - 1] / binomial(m, s) / (paired ? 2 : 1);
    forEachSubset(m, s, (members) => {
      const mask = new Uint8Array(m);
      for (const i of members) mask[i] = 1;
      add(mask, w);
      if (paired) add(mask.map((v) => 1 - v), w);
    });
  }
  const fixed = masks.length;
  const complete = fullSizes === sizes;
  if (!complete && left > 0) {
    // Sample the other sizes by their kernel mass (a draw brings its complement, so every size
    // class, the self-complementary middle one included, yields pairs).
    const rest = Array.from({ length: sizes - fullSizes }, (_, i) => kernel[fullSizes + i]);
    const restTotal = rest.reduce((a, b) => a + b, 0);
    const cumulative = rest.map(((acc) => (v: number) => (acc += v / restTotal))(0));
    const random = createRandom(seed);
    const scratch = new Int32Array(m);
    // Repeats only add weight; cap the draws so a budget larger than the space still ends.
    for (let draws = 0; left > 0 && draws < 4 * samples; draws++) {
      const u = random.next();
      let k = cumulative.findIndex((c) => u < c);
      if (k < 0) k = rest.length - 1;
      const s = fullSizes + k + 1;
      const mask = randomSubset(m, s, random, scratch);
      if (add(mask, 1)) left--;
      // Antithetic: the complement always joins its coalition, even past the budget by one.
      if (add(mask.map((v) => 1 - v), 1)) left--;
    }
    // Sampled coalitions share the kernel mass the enumerated sizes did not take.
    const massLeft = kernel.slice(fullSizes).reduce((a, b) => a + b, 0);
    let sampled = 0;
    for (let i = fixed; i < weights.length; i++) sampled += weights[i];
    for (let i = fixed; i < weights.length; i++) weights[i] *= massLeft / sampled;
  }
  const n = masks.length;
  const flat = new Uint8Array(n * m);
  masks.forEach((mask, i) => flat.set(mask, i * m));
  return { masks: flat, weights: Float64Array.from(weights), n, complete };
}

/**
 * Constrained WLS: minimise sum_i w_i (v(S_i) - base - sum_{j in S_i} phi_j)^2 subject to
 * sum_j phi_j = output - base, by eliminating the last feature.
 */
export function solveKernel(sample: CoalitionSample, v: Float64Array, base: number, output: number, m: number): { values: Float64Array; stderr: Float64Array } {
  const values = new Float64Array(m);
  const stderr = new Float64Array(m);
  const total = output - base;
  if (m === 1) {
    values[0] = total;
    return { values, stderr };
  }
  const p = m - 1;
  const { masks, weights, n } = sample;
  const ata = new Float64Array(p * p);
  const atb = new Float64Array(p);
  const row = new Float64Array(p);
  const target = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const last = masks[i * m + p];
    for (let j = 0; j < p; j++) row[j] = masks[i * m + j] - last;
    const y = v[i] - base - last * total;
    target[i] = y;
    const w = weights[i];
    for (let a = 0; a < p; a++) {
      if (row[a] === 0) continue;
      const wa = w * row[a];
      atb[a] += wa * y;
      for (let b = 0; b < p; b++) ata[a * p + b] += wa * row[b];
    }
  }
  const { x, inverse } = solveWithInverse(ata, atb, p);
  let sum = 0;
  for (let j = 0; j < p; j++) {
    values[j] = x[j];
    sum += x[j];
  }
  values[p] = total - sum;
  if (!sample.complete && n > p) {
    let rss = 0;
    for (let i = 0; i < n; i++) {
      const last = masks[i * m + p];
      let fit = 0;
      for (let j = 0; j < p; j++) fit += (masks[i * m + j] - last) * x[j];
      rss += weights[i] * (target[i] - fit) ** 2;
    }
    // sigma^2 (A'WA)^-1 with sigma^2 = weighted RSS / (n - p): invariant to the weights' scale.
    const sigma2 = rss / (n - p);
    let all = 0;
    for (let a = 0; a < p; a++) {
      stderr[a] = Math.sqrt(Math.max(0, sigma2 * inverse[a * p + a]));
      for (let b = 0; b < p; b++) all += inverse[a * p + b];
    }
    stderr[p] = Math.sqrt(Math.max(0, sigma2 * all));
  }
  return { values, stderr };
}

export async function kernelShap(spec: MaskedModelSpec, x: Float32Array, options: KernelOptions): Promise<Attribution> {
  const m = spec.features;
  const sample = sampleCoalitions(m, Math.max(options.samples, 2 * m), options.seed);
  // Empty and full coalitions first: they fix base and output (the constraint), then the sample.
  const all = new Uint8Array((sample.n + 2) * m);
  all.fill(1, m, 2 * m);
  all.set(sample.masks, 2 * m);
  const { values: v, evaluations } = await coalitionValues(spec, x, all, sample.n + 2);
  const base = v[0];
  const output = v[1];
  const solved = solveKernel(sample, v.subarray(2), base, output, m);
  return { base, output, values: solved.values, stderr: solved.stderr, method: 'kernel', evaluations };
}
