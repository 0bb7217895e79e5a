/**
 * Exact Shapley values by enumerating all 2^M coalitions (few features). A kind's own exact
 * explainer (linear SHAP, tree SHAP) lives with the kind.
 */
import { coalitionValues } from './masked';
import type { Attribution, Background, MaskedModelSpec } from './types';

/** Beyond this many original features enumeration (2^M coalitions x background) is too slow for "live". */
export const MAX_EXACT_FEATURES = 14;

/** ln(n!) table, so the weights |S|!(M-|S|-1)!/M! stay exact in float64 for any M we enumerate. */
function logFactorials(n: number): Float64Array {
  const out = new Float64Array(n + 1);
  for (let i = 1; i <= n; i++) out[i] = out[i - 1] + Math.log(i);
  return out;
}

/** All 2^M coalitions as bytes, coalition index = bitmask. */
export function allCoalitions(m: number): Uint8Array {
  const n = 1 << m;
  const out = new Uint8Array(n * m);
  for (let mask = 0; mask < n; mask++) for (let i = 0; i < m; i++) out[mask * m + i] = (mask >> i) & 1;
  return out;
}

export async function exactShap(spec: MaskedModelSpec, x: Float32Array): Promise<Attribution> {
  const m = spec.features;
  if (m > MAX_EXACT_FEATURES) throw new Error(`Exact Shapley values enumerate 2^${m} coalitions; use KernelSHAP above ${MAX_EXACT_FEATURES} features.`);
  const n = 1 << m;
  const { values: v, evaluations } = await coalitionValues(spec, x, allCoalitions(m), n);
  const lf = logFactorials(m);
  const weightOfSize = Float64Array.from({ length: m }, (_, s) => Math.exp(lf[s] + lf[m - s - 1] - lf[m]));
  const phi = new Float64Array(m);
  for (let mask = 0; mask < n; mask++) {
    let size = 0;
    for (let i = 0; i < m; i++) size += (mask >> i) & 1;
    for (let i = 0; i < m; i++) {
      if ((mask >> i) & 1) continue;
      phi[i] += weightOfSize[size] * (v[mask | (1 << i)] - v[mask]);
    }
  }
  return { base: v[0], output: v[n - 1], values: phi, stderr: new Float64Array(m), method: 'exact', evaluations };
}
