/**
 * Binary classification metrics at a decision threshold, matching scikit-learn 1.2.1.
 * Rule everywhere: predict positive when score >= threshold.
 */
import {
  averagePrecisionFromSteps,
  NO_NEGATIVES_NOTE,
  NO_POSITIVES_NOTE,
  rocAucFromSteps,
} from './curves';
import { checkBinaryInputs, stepsAtOrAbove, thresholdSteps, type ThresholdSteps } from './steps';

export interface ConfusionCounts {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export interface BinaryMetrics {
  accuracy: number;
  /** tp / (tp + fp); 0 when nothing is predicted positive (scikit-learn zero_division=0). */
  precision: number;
  /** tp / (tp + fn); 0 when the split has no positives (zero_division=0). */
  recall: number;
  /** 2 P R / (P + R); 0 when P + R = 0. */
  f1: number;
  /** tn / (tn + fp), the recall of the negative class; 0 when the split has no negatives. */
  specificity: number;
  /** Mean cross-entropy with probabilities clipped to [eps, 1 - eps], eps = LOG_LOSS_EPS. */
  logLoss: number;
  /** ROC AUC; null when the split holds one class only (see notes). */
  auc: number | null;
  /** Average precision; null when the split has no positives (see notes). */
  averagePrecision: number | null;
  threshold: number;
  confusion: ConfusionCounts;
  positives: number;
  negatives: number;
  /** Sentences for the UI on anything degenerate (one class only, nothing predicted positive). */
  notes: string[];
}

/** Confusion counts at any threshold, answered by binary search. */
export interface ThresholdTable {
  at(threshold: number): ConfusionCounts;
}

/**
 * Clipping for log loss. scikit-learn 1.2 changed log_loss's default eps from 1e-15
 * to 'auto' = machine epsilon of float64; we match the 1.2.1 default so a score of
 * exactly 0 or 1 costs what it costs there.
 */
export const LOG_LOSS_EPS = 2.220446049250313e-16;

/** Confusion counts by one pass over the data. */
export function confusionAtThreshold(
  yTrue: ArrayLike<number>,
  scores: ArrayLike<number>,
  threshold: number,
): ConfusionCounts {
  checkBinaryInputs(yTrue, scores);
  let tp = 0, fp = 0, tn = 0, fn = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const positive = scores[i] >= threshold;
    if (yTrue[i] === 1) {
      if (positive) tp++;
      else fn++;
    } else if (positive) fp++;
    else tn++;
  }
  return { tp, fp, tn, fn };
}

/**
 * Sorted once (O(n log n)), then each at(threshold) is a binary search, so a
 * threshold slider can redraw the confusion matrix on every move.
 */
export function thresholdTable(
  yTrue: ArrayLike<number>,
  scores: ArrayLike<number>,
): ThresholdTable {
  return thresholdTableFromSteps(thresholdSteps(yTrue, scores));
}

export function thresholdTableFromSteps(steps: ThresholdSteps): ThresholdTable {
  const { thresholds, tps, fps, positives, negatives } = steps;
  return {
    at(threshold: number): ConfusionCounts {
      const m = stepsAtOrAbove(thresholds, threshold);
      const tp = m > 0 ? tps[m - 1] : 0;
      const fp = m > 0 ? fps[m - 1] : 0;
      return { tp, fp, tn: negatives - fp, fn: positives - tp };
    },
  };
}

/** Binary log loss as scikit-learn 1.2.1: clip p, form [1 - p, p], renormalise the row, take -log. */
export function binaryLogLoss(yTrue: ArrayLike<number>, scores: ArrayLike<number>): number {
  checkBinaryInputs(yTrue, scores);
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const p = Math.min(Math.max(scores[i], LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
    const q = 1 - p;
    sum -= Math.log((yTrue[i] === 1 ? p : q) / (q + p));
  }
  return sum / yTrue.length;
}

function ratio(num: number, den: number): number {
  return den > 0 ? num / den : 0;
}

/** Every binary metric at any threshold, from scores sorted once. */
export interface BinaryMetricsTable {
  at(threshold: number): BinaryMetrics;
}

/**
 * The threshold-free parts (sort, log loss, AUC, AP) are computed once; each at(threshold) is a
 * binary search, so a threshold slider costs microseconds a step instead of a sort of the split.
 */
export function binaryMetricsTable(yTrue: ArrayLike<number>, scores: ArrayLike<number>): BinaryMetricsTable {
  const steps = thresholdSteps(yTrue, scores);
  const table = thresholdTableFromSteps(steps);
  const logLoss = binaryLogLoss(yTrue, scores);
  const auc = rocAucFromSteps(steps);
  const averagePrecision = averagePrecisionFromSteps(steps);
  return {
    at(threshold: number): BinaryMetrics {
      const { tp, fp, tn, fn } = table.at(threshold);
      const precision = ratio(tp, tp + fp);
      const recall = ratio(tp, tp + fn);
      const notes: string[] = [];
      if (steps.positives === 0) notes.push(`${NO_POSITIVES_NOTE}; AUC, average precision and recall are undefined`);
      if (steps.negatives === 0) notes.push(`${NO_NEGATIVES_NOTE}; AUC and specificity are undefined`);
      if (tp + fp === 0) notes.push(`no score reaches the threshold ${threshold}: precision is shown as 0`);
      return {
        accuracy: (tp + tn) / (tp + fp + tn + fn),
        precision,
        recall,
        f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
        specificity: ratio(tn, tn + fp),
        logLoss,
        auc,
        averagePrecision,
        threshold,
        confusion: { tp, fp, tn, fn },
        positives: steps.positives,
        negatives: steps.negatives,
        notes,
      };
    },
  };
}

/** Every headline binary metric at one threshold, plus the threshold-free AUC and AP. */
export function binaryMetrics(
  yTrue: ArrayLike<number>,
  scores: ArrayLike<number>,
  threshold: number,
): BinaryMetrics {
  return binaryMetricsTable(yTrue, scores).at(threshold);
}
