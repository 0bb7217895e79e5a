/** Evaluation metrics: pure functions over typed arrays, matching scikit-learn 1.2.1. */
export type { RocCurve, PrCurve } from './curves';
export { rocCurve, precisionRecallCurve } from './curves';
export type { ConfusionCounts, BinaryMetrics, BinaryMetricsTable, ThresholdTable } from './binary';
export { confusionAtThreshold, binaryMetrics, binaryMetricsTable, binaryLogLoss, thresholdTable, LOG_LOSS_EPS } from './binary';
export type { ThinnedCurve } from './thin';
export { thinCurve } from './thin';
export type { PerClass, MulticlassMetrics } from './multiclass';
export { multiclassMetrics, oneVsRestRoc, multiclassLogLoss } from './multiclass';
export type { RegressionMetrics } from './regression';
export { regressionMetrics } from './regression';
