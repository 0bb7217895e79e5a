/**
 * Permutation importance (Breiman 2001; scikit-learn's permutation_importance): shuffle one
 * original feature's encoded columns across the evaluation rows, and measure how much the
 * metric worsens. A feature's shuffles for all repeats go to the model in one call.
 */
import { createRandom, shuffledIndices } from '../random';

export interface ImportanceInput {
  /** Evaluation rows (the test split), model matrix, row-major. */
  matrix: Float32Array;
  rows: number;
  cols: number;
  groups: number[];
  features: number;
  /** The model's outputs for a matrix; `width` values per row. */
  predict: (x: Float32Array, rows: number) => Float64Array | Promise<Float64Array>;
  /** Quality of one set of outputs for the evaluation rows (AUC, accuracy, RMSE). */
  metric: (outputs: Float64Array) => number;
  higherIsBetter: boolean;
  width: number;
  repeats: number;
  seed: number;
  /** Checked between features. */
  signal?: { readonly aborted: boolean };
  onFeature?: (done: number, total: number) => void | Promise<void>;
}

export interface FeatureImportance {
  feature: number;
  /** Mean loss of quality: baseline - permuted (higher is better metrics) or permuted - baseline (RMSE). */
  mean: number;
  std: number;
  /** Normal-approximation 95% interval of the mean over repeats. */
  low: number;
  high: number;
  drops: number[];
}

export async function permutationImportance(input: ImportanceInput): Promise<{ baseline: number; features: FeatureImportance[] } | null> {
  const { matrix, rows, cols, groups, features, repeats, width } = input;
  if (rows < 2) throw new Error('Permutation importance needs at least two evaluation rows.');
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error('Permutation importance needs at least one repeat.');
  const baseline = input.metric(await input.predict(matrix, rows));
  const random = createRandom(input.seed);
  const out: FeatureImportance[] = [];
  for (let f = 0; f < features; f++) {
    if (input.signal?.aborted) return null;
    const columns = [];
    for (let c = 0; c < cols; c++) if (groups[c] === f) columns.push(c);
    const shuffled = new Float32Array(repeats * rows * cols);
    for (let r = 0; r < repeats; r++) {
      const block = shuffled.subarray(r * rows * cols, (r + 1) * rows * cols);
      block.set(matrix);
      const order = shuffledIndices(rows, random);
      for (let i = 0; i < rows; i++) for (const c of columns) block[i * cols + c] = matrix[order[i] * cols + c];
    }
    const outputs = await input.predict(shuffled, repeats * rows);
    const drops: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const permuted = input.metric(outputs.subarray(r * rows * width, (r + 1) * rows * width));
      drops.push(input.higherIsBetter ? baseline - permuted : permuted - baseline);
    }
    const mean = drops.reduce((a, b) => a + b, 0) / repeats;
    const std = repeats > 1 ? Math.sqrt(drops.reduce((a, d) => a + (d - mean) ** 2, 0) / (repeats - 1)) : 0;
    const half = (1.96 * std) / Math.sqrt(repeats);
    out.push({ feature: f, mean, std, low: mean - half, high: mean + half, drops });
    await input.onFeature?.(f + 1, features);
  }
  return { baseline, features: out };
}
