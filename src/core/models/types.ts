/**
 * Models Loupe trains on the tfjs backend: logistic and linear regression (one dense layer)
 * and a multilayer perceptron, all tf.LayersModel so they save and load as tfjs artifacts.
 */
import type { tf } from '../compute/tf';
import type { TaskKind } from '../prep/types';

export type { TaskKind };

export type OptimizerName = 'adam' | 'sgd' | 'rmsprop';
export type Activation = 'relu' | 'tanh' | 'elu';

/**
 * logistic / linear: `l2` is scikit-learn's 1 / C. The trainer adds l2 / (2 n_train) * ||w||^2
 * to the mean loss (see addPenaltyGradients in network.ts), so l2 = 1 is LogisticRegression(C=1) and, for linear,
 * Ridge(alpha = l2 / 2). The intercept is not penalised.
 */
export interface LinearModelSpec {
  kind: 'logistic' | 'linear';
  l2: number;
  epochs: number;
  learningRate: number;
  batchSize: number;
}

/** mlp: l1 and l2 are per-sample penalties as in Keras: l1 * sum|w| + l2 * sum w^2 over kernels. */
export interface MlpSpec {
  kind: 'mlp';
  hidden: number[];
  activation: Activation;
  dropout: number;
  l1: number;
  l2: number;
  optimizer: OptimizerName;
  learningRate: number;
  batchSize: number;
  epochs: number;
  /** Epochs without a better validation loss before stopping; 0 = off. */
  earlyStoppingPatience: number;
}

export type ModelSpec =
  | (LinearModelSpec & { kind: 'logistic' })
  | (LinearModelSpec & { kind: 'linear' })
  | MlpSpec;

export type ModelKind = ModelSpec['kind'];

export type MetricName = 'auc' | 'accuracy' | 'rmse';

export interface EpochReport {
  /** 1-based. */
  epoch: number;
  /** Mean training loss over the epoch, without the penalty, so it compares with valLoss (standardized units for regression). */
  trainLoss: number;
  /** Mean validation loss without penalty (log loss, or MSE of the standardized target); NaN without validation rows. */
  valLoss: number;
  /** AUC (binary), accuracy (multiclass) or RMSE in target units (regression) on the validation rows. */
  valMetric: number;
  metricName: MetricName;
  /** Milliseconds since training began. */
  elapsedMs: number;
  /** Training samples per second during this epoch's optimisation steps. */
  samplesPerSecond: number;
}

export interface TrainOptions {
  seed: number;
  signal?: { readonly aborted: boolean };
  onEpoch?: (r: EpochReport) => void;
}

/** Row-major design matrix and target: 0/1 (binary), class index (multiclass) or value. */
export interface TrainingData {
  x: Float32Array;
  y: Float32Array;
  rows: number;
  cols: number;
  /** Optional per-sample loss weights (class weights), one per row; training split only. */
  weights?: Float32Array;
}

export type TrainFailure = { ok: false; reason: 'cancelled' | 'nan-loss' | 'bad-config'; message: string };

export type TrainOutcome =
  | { ok: true; model: TrainedModel; history: EpochReport[]; stoppedEarly: boolean; bestEpoch: number }
  | TrainFailure;

/**
 * A trained network and what it needs to be read. The Sequential's last layer is the head:
 * sigmoid (binary), softmax (multiclass) or a rescaling back to target units (regression).
 */
export interface TrainedModel {
  spec: ModelSpec;
  task: TaskKind;
  /** k classes; 2 for binary, 1 for regression. */
  classes: number;
  inputCols: number;
  net: tf.LayersModel;
}

/** Metadata stored beside the topology in model.json, so a loaded model reads the same. */
export interface LoupeModelMetadata {
  spec: ModelSpec;
  task: TaskKind;
  classes: number;
  inputCols: number;
}
