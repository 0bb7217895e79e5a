/** Settings and data a user can get wrong, checked before any tensor is made. */
import type { ModelSpec, TaskKind, TrainingData } from './types';

/** A message the user can act on, or null when the configuration can be trained. */
export function configProblem(
  spec: ModelSpec,
  task: TaskKind,
  classes: number,
  train: TrainingData,
  val: TrainingData,
): string | null {
  const whole = (v: number) => Number.isInteger(v) && v >= 1;
  if (!whole(spec.epochs)) return 'Epochs must be a whole number of at least 1.';
  if (!whole(spec.batchSize)) return 'Batch size must be a whole number of at least 1.';
  if (!(spec.learningRate > 0) || !Number.isFinite(spec.learningRate)) return 'The learning rate must be a positive number.';
  if (!(spec.l2 >= 0)) return 'The L2 penalty cannot be negative.';
  if (train.cols < 1) return 'There are no feature columns: choose at least one feature.';
  if (train.rows < 1) return 'The training split has no rows.';
  if (val.rows > 0 && val.cols !== train.cols) return `Validation has ${val.cols} columns but training has ${train.cols}.`;
  for (const d of [train, val]) {
    if (d.x.length !== d.rows * d.cols || d.y.length !== d.rows) return 'The design matrix does not match its row and column counts.';
  }
  if (train.weights && (train.weights.length !== train.rows || !train.weights.every((w) => Number.isFinite(w) && w >= 0))) {
    return 'Sample weights must be one finite, non-negative number per training row.';
  }
  if (task === 'binary' && classes !== 2) return 'A binary task has exactly two classes.';
  if (task === 'multiclass' && !(classes >= 2)) return 'A multiclass task needs at least two classes.';
  if (task === 'regression' && spec.kind === 'logistic') return 'Logistic regression predicts classes; use linear regression or an MLP for a number.';
  if (task !== 'regression' && spec.kind === 'linear') return 'Linear regression predicts a number; use logistic regression or an MLP for classes.';
  if (task !== 'regression') {
    const k = task === 'binary' ? 2 : classes;
    for (const d of [train, val]) {
      for (const v of d.y) if (!(Number.isInteger(v) && v >= 0 && v < k)) return `Class labels must be whole numbers from 0 to ${k - 1}.`;
    }
  } else if (!train.y.every(Number.isFinite)) {
    return 'The target has missing or infinite values in the training rows.';
  }
  if (spec.kind === 'mlp') {
    if (spec.hidden.length === 0 || !spec.hidden.every(whole)) return 'Each hidden layer needs at least one unit.';
    if (!(spec.dropout >= 0 && spec.dropout < 1)) return 'Dropout must be at least 0 and below 1.';
    if (!(spec.l1 >= 0)) return 'The L1 penalty cannot be negative.';
    if (!(Number.isInteger(spec.earlyStoppingPatience) && spec.earlyStoppingPatience >= 0)) {
      return 'Early stopping patience must be a whole number (0 turns it off).';
    }
  }
  return null;
}
