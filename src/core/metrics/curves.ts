/**
 * ROC and precision-recall curves with their areas, matching scikit-learn 1.2.1
 * roc_curve(drop_intermediate=False) + roc_auc_score and precision_recall_curve +
 * average_precision_score. Scores are P(positive); labels are 0/1, 1 = positive.
 */
import { thresholdSteps, type ThresholdSteps } from './steps';

export interface RocCurve {
  /** Increasing; fpr[i] is the false positive rate when predicting positive for score >= thresholds[i]. */
  fpr: Float64Array;
  tpr: Float64Array;
  /** Decreasing; thresholds[0] is Infinity (nothing predicted positive), as scikit-learn >= 1.3. */
  thresholds: Float64Array;
  /** Trapezoid area under the curve; null when the split holds only one class. */
  auc: number | null;
  /** Why auc is null, in words the UI can show; null when auc is a number. */
  aucNote: string | null;
}

export interface PrCurve {
  /** Ordered by increasing threshold, then a final point (precision 1, recall 0) with no threshold. */
  precision: Float64Array;
  recall: Float64Array;
  /** Increasing distinct scores; one shorter than precision and recall. */
  thresholds: Float64Array;
  /** Step-wise area, sum (R_n - R_{n-1}) P_n, no interpolation; null when there are no positives. */
  averagePrecision: number | null;
  averagePrecisionNote: string | null;
}

export const NO_POSITIVES_NOTE = 'only negatives in the test split: no positive to find';
export const NO_NEGATIVES_NOTE = 'only positives in the test split: no negative to tell apart';

/** The reason an ROC area is undefined, or null when both classes are present. */
export function oneClassNote(steps: ThresholdSteps): string | null {
  if (steps.positives === 0) return NO_POSITIVES_NOTE;
  if (steps.negatives === 0) return NO_NEGATIVES_NOTE;
  return null;
}

/**
 * ROC AUC by the trapezoid rule over the step curve, in counts then scaled once:
 * sum (fp_i - fp_{i-1}) (tp_i + tp_{i-1}) / 2 / (P N). Null for a one-class split
 * (scikit-learn raises there).
 */
export function rocAucFromSteps(steps: ThresholdSteps): number | null {
  const { tps, fps, positives, negatives } = steps;
  if (positives === 0 || negatives === 0) return null;
  let area = 0, prevTp = 0, prevFp = 0;
  for (let i = 0; i < tps.length; i++) {
    area += (fps[i] - prevFp) * (tps[i] + prevTp);
    prevTp = tps[i];
    prevFp = fps[i];
  }
  return area / 2 / (positives * negatives);
}

/**
 * Average precision: precision at each threshold weighted by the recall gained
 * there. Null with no positives (scikit-learn warns and returns 0).
 */
export function averagePrecisionFromSteps(steps: ThresholdSteps): number | null {
  const { tps, fps, positives } = steps;
  if (positives === 0) return null;
  let ap = 0, prevTp = 0;
  for (let i = 0; i < tps.length; i++) {
    if (tps[i] !== prevTp) ap += ((tps[i] - prevTp) / positives) * (tps[i] / (tps[i] + fps[i]));
    prevTp = tps[i];
  }
  return ap;
}

/**
 * The full ROC curve: one point per distinct score plus (0, 0) at threshold Infinity.
 * With one class only, the undefined axis (tpr with no positives, fpr with no
 * negatives) is all zeros rather than scikit-learn's NaN, and auc is null with a note.
 */
export function rocCurve(yTrue: ArrayLike<number>, scores: ArrayLike<number>): RocCurve {
  return rocCurveFromSteps(thresholdSteps(yTrue, scores));
}

export function rocCurveFromSteps(steps: ThresholdSteps): RocCurve {
  const { thresholds: t, tps, fps, positives, negatives } = steps;
  const m = t.length + 1;
  const fpr = new Float64Array(m);
  const tpr = new Float64Array(m);
  const thresholds = new Float64Array(m);
  thresholds[0] = Infinity;
  for (let i = 1; i < m; i++) {
    thresholds[i] = t[i - 1];
    fpr[i] = negatives > 0 ? fps[i - 1] / negatives : 0;
    tpr[i] = positives > 0 ? tps[i - 1] / positives : 0;
  }
  return { fpr, tpr, thresholds, auc: rocAucFromSteps(steps), aucNote: oneClassNote(steps) };
}

/**
 * The full precision-recall curve, as scikit-learn 1.2.1 (which no longer stops at
 * full recall). Precision at a threshold with no predicted positive is 0; with no
 * positives in the split recall is 1 everywhere, as scikit-learn sets it.
 */
export function precisionRecallCurve(yTrue: ArrayLike<number>, scores: ArrayLike<number>): PrCurve {
  const steps = thresholdSteps(yTrue, scores);
  const { thresholds: t, tps, fps, positives } = steps;
  const m = t.length;
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  const thresholds = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const j = m - 1 - i; // reversed: increasing threshold, decreasing recall
    const predicted = tps[j] + fps[j];
    precision[i] = predicted > 0 ? tps[j] / predicted : 0;
    recall[i] = positives > 0 ? tps[j] / positives : 1;
    thresholds[i] = t[j];
  }
  precision[m] = 1;
  recall[m] = 0;
  const averagePrecision = averagePrecisionFromSteps(steps);
  return {
    precision,
    recall,
    thresholds,
    averagePrecision,
    averagePrecisionNote: averagePrecision === null ? NO_POSITIVES_NOTE : null,
  };
}
