/** The linear kinds' exact explainer (closed form), used by the Explain view through ExactExplainer. */
import type { ExactAttribution } from '../kind';

/** Background rows in model-matrix space with weights summing to 1 (explain/types.ts Background). */
export interface LinearShapBackground {
  matrix: Float32Array;
  rows: number;
  cols: number;
  weights: Float64Array;
}

/**
 * Linear SHAP in margin space: f(z) = z . w + b is additive, so with an interventional
 * background phi_g = sum_{j in g} w_j (z_j - E_bg[z_j]) exactly.
 */
export function linearShap(weights: Float64Array, bias: number, groups: number[], features: number, background: LinearShapBackground, x: Float32Array): ExactAttribution {
  const cols = background.cols;
  const mean = new Float64Array(cols);
  for (let b = 0; b < background.rows; b++) for (let c = 0; c < cols; c++) mean[c] += background.weights[b] * background.matrix[b * cols + c];
  const values = new Float64Array(features);
  let base = bias;
  let output = bias;
  for (let c = 0; c < cols; c++) {
    values[groups[c]] += weights[c] * (x[c] - mean[c]);
    base += weights[c] * mean[c];
    output += weights[c] * x[c];
  }
  return { base, output, values };
}
