/**
 * The model as a function of coalitions. v(S) = sum_b w_b f(x_S, b_~S): features in S take the
 * explained row's values, the rest a background row's (interventional SHAP).
 *
 * Masking happens in model-matrix space with `groups`: every pipeline step reads exactly one
 * original column, so the encoded columns of a masked row equal transform() of the masked
 * original row (categories matched by string included) — and the explained row and the
 * background are encoded once instead of once per coalition. All coalitions of a call go to
 * the model in a few large batches, never one predict per coalition.
 */
import type { MaskedModelSpec } from './types';

/** Matrix values per predict call: bounds memory (64 MB of float32) while keeping calls few. */
const MAX_BATCH_VALUES = 16 * 1024 * 1024;

export interface CoalitionValues {
  /** v(S) per coalition. */
  values: Float64Array;
  /** Model rows evaluated. */
  evaluations: number;
}

/**
 * Coalitions are n x M bytes (1: the feature takes the explained row's value). x is the
 * explained row in model-matrix space.
 */
export async function coalitionValues(spec: MaskedModelSpec, x: Float32Array, coalitions: Uint8Array, n: number): Promise<CoalitionValues> {
  const { background: bg, groups, features } = spec;
  const cols = bg.cols;
  if (x.length !== cols) throw new Error(`coalitionValues: the row has ${x.length} values, the model ${cols}.`);
  if (coalitions.length !== n * features) throw new Error(`coalitionValues: expected ${n} x ${features} coalition flags.`);
  const values = new Float64Array(n);
  const perCoalition = bg.rows * cols;
  const coalitionsPerBatch = Math.max(1, Math.floor(MAX_BATCH_VALUES / Math.max(1, perCoalition)));
  for (let start = 0; start < n; start += coalitionsPerBatch) {
    const count = Math.min(coalitionsPerBatch, n - start);
    const matrix = new Float32Array(count * perCoalition);
    for (let s = 0; s < count; s++) {
      const flags = coalitions.subarray((start + s) * features, (start + s + 1) * features);
      // Background rows first, then the coalition's columns overwritten from x.
      const block = matrix.subarray(s * perCoalition, (s + 1) * perCoalition);
      block.set(bg.matrix);
      const on: number[] = [];
      for (let c = 0; c < cols; c++) if (flags[groups[c]]) on.push(c);
      if (on.length === 0) continue;
      for (let b = 0; b < bg.rows; b++) {
        const o = b * cols;
        for (const c of on) block[o + c] = x[c];
      }
    }
    const out = await spec.f(matrix, count * bg.rows);
    for (let s = 0; s < count; s++) {
      let v = 0;
      for (let b = 0; b < bg.rows; b++) v += bg.weights[b] * out[s * bg.rows + b];
      values[start + s] = v;
    }
  }
  return { values, evaluations: n * bg.rows };
}

/** Number of original features of a pipeline's groups. */
export function featureCount(groups: number[]): number {
  let m = 0;
  for (const g of groups) m = Math.max(m, g + 1);
  return m;
}
