/**
 * Drift of one feature between a reference window and the current one. Numbers: the population
 * stability index over the reference's quantile bins and the two-sample Kolmogorov-Smirnov test;
 * categories: PSI over the categories and Pearson's chi-square test of the 2 x k table.
 *
 * Thresholds (the industry's usual ones, fixed so alerts mean the same on every dataset):
 *   PSI >= 0.1 warns and PSI >= 0.25 alerts (Siddiqi, Credit Risk Scorecards, 2006);
 *   a test p-value below 0.01 alerts.
 * With windows of thousands of rows the tests flag tiny, harmless shifts, so the badge says which
 * rule fired and the PSI gives the size.
 */
import { chiSquareSurvival, kolmogorovSurvival } from './special';

export const PSI_BINS = 10;
/** An empty bin's share: keeps ln(p / q) finite; 1e-4 is small beside any bin of a 10-bin split. */
export const PSI_EPSILON = 1e-4;
export const PSI_WARN = 0.1;
export const PSI_ALERT = 0.25;
export const P_VALUE_ALERT = 0.01;

export type DriftLevel = 'ok' | 'warn' | 'alert';

/**
 * What raises a feature's alert: PSI >= 0.25 or the test's p < 0.01 (the default), or PSI alone.
 * With windows of thousands of rows the tests call tiny shifts significant; PSI measures the size
 * of a shift whatever the window, so 'psi' is the quieter rule for large windows.
 */
export type DriftRule = 'psi-or-test' | 'psi';

export interface TestResult {
  statistic: number;
  pValue: number;
}

/** Quantile at q by linear interpolation over sorted values (numpy's default). */
function quantile(sorted: Float64Array, q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Sorted finite values (missing values are left out of every drift statistic). */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  let n = 0;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out[n++] = values[i];
  return out.subarray(0, n).sort();
}

/** The reference's inner quantiles at 1/B .. (B-1)/B, duplicates removed. */
export function psiEdges(referenceSorted: Float64Array, bins = PSI_BINS): Float64Array {
  if (referenceSorted.length === 0) return new Float64Array(0);
  const edges: number[] = [];
  for (let i = 1; i < bins; i++) {
    const e = quantile(referenceSorted, i / bins);
    if (edges.length === 0 || e !== edges[edges.length - 1]) edges.push(e);
  }
  return Float64Array.from(edges);
}

/** Counts per bin: a value goes to the number of edges at or below it. */
export function binCounts(sorted: Float64Array, edges: Float64Array): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  let bin = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (bin < edges.length && sorted[i] >= edges[bin]) bin++;
    counts[bin]++;
  }
  return counts;
}

/** PSI = sum (c - r) ln(c / r) over shares, an empty share replaced by PSI_EPSILON; bins empty in both are left out. */
export function psiFromCounts(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  let rt = 0;
  let ct = 0;
  for (let i = 0; i < reference.length; i++) {
    rt += reference[i];
    ct += current[i];
  }
  if (rt === 0 || ct === 0) return 0;
  let psi = 0;
  for (let i = 0; i < reference.length; i++) {
    if (reference[i] + current[i] === 0) continue;
    const r = reference[i] > 0 ? reference[i] / rt : PSI_EPSILON;
    const c = current[i] > 0 ? current[i] / ct : PSI_EPSILON;
    psi += (c - r) * Math.log(c / r);
  }
  return psi;
}

export function psiNumeric(referenceSorted: Float64Array, currentSorted: Float64Array, bins = PSI_BINS): number {
  const edges = psiEdges(referenceSorted, bins);
  return psiFromCounts(binCounts(referenceSorted, edges), binCounts(currentSorted, edges));
}

/** Two-sample KS over sorted samples: D = sup |F_ref - F_cur|, p from the asymptotic Kolmogorov distribution. */
export function ksTwoSample(a: Float64Array, b: Float64Array): TestResult {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return { statistic: 0, pValue: 1 };
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n && j < m) {
    const v = Math.min(a[i], b[j]);
    while (i < n && a[i] === v) i++;
    while (j < m && b[j] === v) j++;
    d = Math.max(d, Math.abs(i / n - j / m));
  }
  const en = (n * m) / (n + m);
  return { statistic: d, pValue: kolmogorovSurvival(Math.sqrt(en) * d) };
}

/** Pearson chi-square of the 2 x k table [reference; current], no continuity correction; empty categories dropped. */
export function chiSquareTwoSample(reference: ArrayLike<number>, current: ArrayLike<number>): TestResult & { dof: number } {
  let rt = 0;
  let ct = 0;
  let k = 0;
  for (let i = 0; i < reference.length; i++) {
    rt += reference[i];
    ct += current[i];
    if (reference[i] + current[i] > 0) k++;
  }
  if (k < 2 || rt === 0 || ct === 0) return { statistic: 0, pValue: 1, dof: Math.max(0, k - 1) };
  const total = rt + ct;
  let chi = 0;
  for (let i = 0; i < reference.length; i++) {
    const col = reference[i] + current[i];
    if (col === 0) continue;
    const er = (rt * col) / total;
    const ec = (ct * col) / total;
    chi += (reference[i] - er) ** 2 / er + (current[i] - ec) ** 2 / ec;
  }
  return { statistic: chi, pValue: chiSquareSurvival(chi, k - 1), dof: k - 1 };
}

/** The level a feature's statistics put it at. */
export function driftLevel(psi: number, pValue: number, rule: DriftRule = 'psi-or-test'): DriftLevel {
  if (psi >= PSI_ALERT || (rule === 'psi-or-test' && pValue < P_VALUE_ALERT)) return 'alert';
  return psi >= PSI_WARN ? 'warn' : 'ok';
}
