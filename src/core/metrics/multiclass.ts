/**
 * Multiclass metrics from class probabilities (n x k, row-major), matching
 * scikit-learn 1.2.1 with labels = 0..k-1: precision_recall_fscore_support
 * (zero_division=0), roc_auc_score(multi_class='ovr'), log_loss, confusion_matrix.
 */
import { LOG_LOSS_EPS } from './binary';
import { rocAucFromSteps, rocCurveFromSteps, type RocCurve } from './curves';
import { thresholdSteps } from './steps';

export interface PerClass {
  label: string;
  /** 0 when the class is never predicted (zero_division=0). */
  precision: number;
  /** 0 when the class has no samples in the split. */
  recall: number;
  f1: number;
  /** Samples of this class in yTrue. */
  support: number;
}

export interface MulticlassMetrics {
  accuracy: number;
  /** Unweighted means over all k classes, absent ones included (as sklearn with labels given). */
  macroF1: number;
  weightedF1: number;
  macroPrecision: number;
  macroRecall: number;
  /**
   * Mean one-vs-rest ROC AUC. Classes with no sample in the split have no AUC; they
   * are left out of both averages and named in aucNote (scikit-learn raises there).
   * Null only when no class has an AUC.
   */
  macroAucOvr: number | null;
  /** One-vs-rest ROC AUC weighted by support. */
  weightedAucOvr: number | null;
  aucNote: string | null;
  /** Rows clipped to [eps, 1 - eps] and renormalised, then mean -log p(true class). */
  logLoss: number;
  perClass: PerClass[];
  /** confusion[t][p]: samples of true class t predicted as p. */
  confusion: number[][];
}

function checkMulticlassInputs(yTrue: ArrayLike<number>, probabilities: ArrayLike<number>, k: number): void {
  const n = yTrue.length;
  if (!(k >= 2) || !Number.isInteger(k)) throw new RangeError(`need at least 2 classes, got ${k}`);
  if (n === 0) throw new RangeError('no samples to score');
  if (probabilities.length !== n * k) {
    throw new RangeError(`probabilities hold ${probabilities.length} values, expected ${n} x ${k}`);
  }
  for (let i = 0; i < n; i++) {
    const y = yTrue[i];
    if (!Number.isInteger(y) || y < 0 || y >= k) throw new RangeError(`label ${y} at row ${i} is not a class index in 0..${k - 1}`);
  }
  for (let j = 0; j < probabilities.length; j++) {
    if (Number.isNaN(probabilities[j])) throw new RangeError(`probability at row ${Math.floor(j / k)} is NaN`);
  }
}

/** Scores of class c for every row, and 1/0 for "is class c". */
function oneVsRest(yTrue: ArrayLike<number>, probabilities: ArrayLike<number>, k: number, c: number) {
  const n = yTrue.length;
  const labels = new Uint8Array(n);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = yTrue[i] === c ? 1 : 0;
    scores[i] = probabilities[i * k + c];
  }
  return { labels, scores };
}

/** One ROC curve per class, class c against all others, scored by column c. */
export function oneVsRestRoc(yTrue: ArrayLike<number>, probabilities: ArrayLike<number>, k: number): RocCurve[] {
  checkMulticlassInputs(yTrue, probabilities, k);
  return Array.from({ length: k }, (_, c) => {
    const { labels, scores } = oneVsRest(yTrue, probabilities, k, c);
    return rocCurveFromSteps(thresholdSteps(labels, scores));
  });
}

/** Multiclass log loss as scikit-learn 1.2.1: clip each probability, renormalise the row. */
export function multiclassLogLoss(yTrue: ArrayLike<number>, probabilities: ArrayLike<number>, k: number): number {
  checkMulticlassInputs(yTrue, probabilities, k);
  const n = yTrue.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let rowSum = 0;
    for (let c = 0; c < k; c++) rowSum += clip(probabilities[i * k + c]);
    sum -= Math.log(clip(probabilities[i * k + yTrue[i]]) / rowSum);
  }
  return sum / n;
}

function clip(p: number): number {
  return Math.min(Math.max(p, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
}

/** Predicted class = argmax of the row; the first of tied maxima wins, as numpy argmax. */
export function multiclassMetrics(
  yTrue: Int32Array,
  probabilities: Float64Array,
  classLabels: string[],
): MulticlassMetrics {
  const k = classLabels.length;
  checkMulticlassInputs(yTrue, probabilities, k);
  const n = yTrue.length;
  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (probabilities[i * k + c] > probabilities[i * k + best]) best = c;
    confusion[yTrue[i]][best]++;
  }

  let correct = 0;
  const perClass: PerClass[] = classLabels.map((label, c) => {
    let predicted = 0, support = 0;
    for (let j = 0; j < k; j++) {
      predicted += confusion[j][c];
      support += confusion[c][j];
    }
    const tp = confusion[c][c];
    correct += tp;
    const precision = predicted > 0 ? tp / predicted : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support };
  });
  const mean = (f: (p: PerClass) => number) => perClass.reduce((s, p) => s + f(p), 0) / k;

  // One-vs-rest AUC for each class present; a class that is every sample has none either.
  let aucSum = 0, aucWeighted = 0, aucCount = 0, aucSupport = 0;
  const missing: string[] = [];
  for (let c = 0; c < k; c++) {
    const { labels, scores } = oneVsRest(yTrue, probabilities, k, c);
    const auc = rocAucFromSteps(thresholdSteps(labels, scores));
    if (auc === null) {
      missing.push(classLabels[c]);
      continue;
    }
    aucSum += auc;
    aucWeighted += auc * perClass[c].support;
    aucCount++;
    aucSupport += perClass[c].support;
  }

  return {
    accuracy: correct / n,
    macroF1: mean((p) => p.f1),
    weightedF1: perClass.reduce((s, p) => s + p.f1 * p.support, 0) / n,
    macroPrecision: mean((p) => p.precision),
    macroRecall: mean((p) => p.recall),
    macroAucOvr: aucCount > 0 ? aucSum / aucCount : null,
    weightedAucOvr: aucCount > 0 && aucSupport > 0 ? aucWeighted / aucSupport : null,
    aucNote:
      missing.length > 0
        ? `no one-vs-rest AUC for ${missing.join(', ')} (the test split does not hold both that class and another); left out of the AUC averages`
        : null,
    logLoss: multiclassLogLoss(yTrue, probabilities, k),
    perClass,
    confusion,
  };
}
