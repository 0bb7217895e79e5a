/**
 * Test-split evaluation as the UI draws it: metrics in float64 from src/core/metrics, curves
 * thinned for drawing only (never for the metric), and a threshold table for the slider.
 */
import {
  binaryMetrics,
  multiclassMetrics,
  oneVsRestRoc,
  precisionRecallCurve,
  regressionMetrics,
  rocCurve,
  thinCurve,
  thresholdTable,
  type BinaryMetrics,
  type MulticlassMetrics,
  type RegressionMetrics,
  type ThresholdTable,
} from '../metrics';

/** Points for a chart: x, y and, for threshold curves, the threshold at each point. */
export interface CurvePoints {
  x: number[];
  y: number[];
  threshold?: number[];
}

export const MAX_CURVE_POINTS = 2000;

export interface BinaryEvaluation {
  task: 'binary';
  metrics: BinaryMetrics;
  roc: CurvePoints;
  pr: CurvePoints;
  /** Positive-class rate in the test split: the PR chance line. */
  prevalence: number;
}

export interface MulticlassEvaluation {
  task: 'multiclass';
  metrics: MulticlassMetrics;
  /** One-vs-rest ROC per class, thinned. */
  rocPerClass: { label: string; auc: number | null; curve: CurvePoints }[];
}

export interface RegressionEvaluation {
  task: 'regression';
  metrics: RegressionMetrics;
  /** Predicted vs actual, a sample of at most MAX_CURVE_POINTS test rows for drawing. */
  scatter: CurvePoints;
  /** Residual (actual - predicted) against predicted, the same sample as `scatter`. */
  residuals: CurvePoints;
  /** Histogram of every test row's residual: bin edges (bins + 1) and counts. */
  residualHistogram: { edges: number[]; counts: number[] };
}

export const RESIDUAL_BINS = 30;

export type Evaluation = BinaryEvaluation | MulticlassEvaluation | RegressionEvaluation;

function thinned(x: Float64Array, y: Float64Array, thresholds?: Float64Array): CurvePoints {
  const t = thinCurve(x, y, MAX_CURVE_POINTS);
  const points: CurvePoints = { x: Array.from(t.x), y: Array.from(t.y) };
  // JSON and charts cannot carry Infinity: the "predict nothing" point's threshold becomes NaN (null in JSON).
  if (thresholds) points.threshold = Array.from(t.index, (i) => (i < thresholds.length && Number.isFinite(thresholds[i]) ? thresholds[i] : Number.NaN));
  return points;
}

export function evaluateBinary(yTrue: Float64Array, scores: Float64Array, threshold: number): { evaluation: BinaryEvaluation; table: ThresholdTable } {
  const roc = rocCurve(yTrue, scores);
  const pr = precisionRecallCurve(yTrue, scores);
  let positives = 0;
  for (const v of yTrue) positives += v;
  // precision_recall_curve orders by increasing threshold; draw recall on x.
  return {
    evaluation: {
      task: 'binary',
      metrics: binaryMetrics(yTrue, scores, threshold),
      roc: thinned(roc.fpr, roc.tpr, roc.thresholds),
      pr: thinned(pr.recall, pr.precision, pr.thresholds),
      prevalence: yTrue.length ? positives / yTrue.length : 0,
    },
    table: thresholdTable(yTrue, scores),
  };
}

export function evaluateMulticlass(yTrue: Int32Array, probabilities: Float64Array, classes: string[]): MulticlassEvaluation {
  const metrics = multiclassMetrics(yTrue, probabilities, classes);
  const curves = oneVsRestRoc(yTrue, probabilities, classes.length);
  return {
    task: 'multiclass',
    metrics,
    rocPerClass: curves.map((c, i) => ({ label: classes[i], auc: c.auc, curve: thinned(c.fpr, c.tpr) })),
  };
}

export function evaluateRegression(yTrue: Float64Array, yPred: Float64Array): RegressionEvaluation {
  const n = yTrue.length;
  const step = Math.max(1, Math.ceil(n / MAX_CURVE_POINTS));
  const x: number[] = [];
  const y: number[] = [];
  const residual: number[] = [];
  for (let i = 0; i < n; i += step) {
    x.push(yTrue[i]);
    y.push(yPred[i]);
    residual.push(yTrue[i] - yPred[i]);
  }
  return {
    task: 'regression',
    metrics: regressionMetrics(yTrue, yPred),
    scatter: { x, y },
    residuals: { x: y.slice(), y: residual },
    residualHistogram: histogram(Float64Array.from(yTrue, (v, i) => v - yPred[i]), RESIDUAL_BINS),
  };
}

/** Equal-width bins over [min, max]; the last bin includes max. One bin when every value is equal. */
export function histogram(values: Float64Array, bins: number): { edges: number[]; counts: number[] } {
  if (values.length === 0) return { edges: [], counts: [] };
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const k = hi > lo ? bins : 1;
  const width = hi > lo ? (hi - lo) / k : 1;
  const edges = Array.from({ length: k + 1 }, (_, i) => (i === k && hi > lo ? hi : lo + i * width));
  const counts = new Array<number>(k).fill(0);
  for (const v of values) counts[Math.min(k - 1, Math.floor((v - lo) / width))]++;
  return { edges, counts };
}
