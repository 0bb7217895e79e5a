/**
 * Gradients and hessians of the three losses, per row and output group, as XGBoost computes them
 * (binary:logistic, multi:softprob with its 2 p (1 - p) hessian, reg:squarederror), with per-row
 * weights (class weights, scale_pos_weight) multiplied in.
 */
import type { ForestObjective } from './forest';
import type { TaskKind } from '../kind';

export function objectiveFor(task: TaskKind): ForestObjective {
  return task === 'binary' ? 'binary:logistic' : task === 'multiclass' ? 'multi:softprob' : 'reg:squarederror';
}

/** The hessian floor XGBoost uses, so a saturated row never divides by zero. */
const MIN_HESSIAN = 1e-16;

/**
 * Fills g and h (rows x groups, row-major, the layout of margins) from the current margins.
 * Rows with weight 0 get zero gradients.
 */
export function gradients(objective: ForestObjective, margins: Float64Array, y: Float32Array, weights: Float32Array | null, groups: number, g: Float64Array, h: Float64Array): void {
  const rows = y.length;
  if (objective === 'binary:logistic') {
    for (let r = 0; r < rows; r++) {
      const p = 1 / (1 + Math.exp(-margins[r]));
      const w = weights ? weights[r] : 1;
      g[r] = (p - y[r]) * w;
      h[r] = Math.max(p * (1 - p), MIN_HESSIAN) * w;
    }
    return;
  }
  if (objective === 'reg:squarederror') {
    for (let r = 0; r < rows; r++) {
      const w = weights ? weights[r] : 1;
      g[r] = (margins[r] - y[r]) * w;
      h[r] = w;
    }
    return;
  }
  for (let r = 0; r < rows; r++) {
    let max = -Infinity;
    for (let c = 0; c < groups; c++) max = Math.max(max, margins[r * groups + c]);
    let sum = 0;
    for (let c = 0; c < groups; c++) sum += Math.exp(margins[r * groups + c] - max);
    const w = weights ? weights[r] : 1;
    for (let c = 0; c < groups; c++) {
      const p = Math.exp(margins[r * groups + c] - max) / sum;
      g[r * groups + c] = (p - (y[r] === c ? 1 : 0)) * w;
      h[r * groups + c] = Math.max(2 * p * (1 - p), MIN_HESSIAN) * w;
    }
  }
}

/**
 * The starting margin: log-odds of the weighted positive share (binary), the weighted mean
 * (regression), 0 for multiclass (softmax of equal margins). LightGBM and scikit-learn start
 * there; XGBoost 1.7 starts at base_score 0.5, which only costs it a round or two.
 */
export function baseMarginOf(objective: ForestObjective, y: Float32Array, weights: Float32Array | null): number {
  if (objective === 'multi:softprob') return 0;
  let sw = 0;
  let sy = 0;
  for (let r = 0; r < y.length; r++) {
    const w = weights ? weights[r] : 1;
    sw += w;
    sy += w * y[r];
  }
  if (!(sw > 0)) return 0;
  // XGBoost's JSON holds base_score as a float32 (a probability for binary): start from exactly
  // what the file will say, so a saved and reloaded forest scores bit for bit the same.
  const mean = Math.fround(sy / sw);
  if (objective === 'reg:squarederror') return mean;
  const p = Math.fround(Math.min(Math.max(mean, 1e-6), 1 - 1e-6));
  return Math.log(p / (1 - p));
}

/** Mean training loss from margins (log loss, softmax cross-entropy or MSE), unweighted as the curves show it. */
export function meanLoss(objective: ForestObjective, margins: Float64Array, y: Float32Array, groups: number): number {
  const rows = y.length;
  if (rows === 0) return NaN;
  let loss = 0;
  if (objective === 'binary:logistic') {
    for (let r = 0; r < rows; r++) {
      const z = margins[r];
      loss += Math.max(z, 0) - z * y[r] + Math.log1p(Math.exp(-Math.abs(z)));
    }
  } else if (objective === 'reg:squarederror') {
    for (let r = 0; r < rows; r++) loss += (margins[r] - y[r]) ** 2;
  } else {
    for (let r = 0; r < rows; r++) {
      let max = -Infinity;
      for (let c = 0; c < groups; c++) max = Math.max(max, margins[r * groups + c]);
      let sum = 0;
      for (let c = 0; c < groups; c++) sum += Math.exp(margins[r * groups + c] - max);
      loss += Math.log(sum) + max - margins[r * groups + y[r]];
    }
  }
  return loss / rows;
}
