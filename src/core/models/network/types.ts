/**
 * The network kinds' own types: logistic and linear regression (one dense layer) and a multilayer
 * perceptron, all tf.LayersModel so they save and load as tfjs artifacts.
 */
import type { tf } from '../../compute/tf';
import type { TaskKind } from '../../prep/types';
import type { FitFailure, FittedModel, MetricName, TrainingData, TrainingStep } from '../kind';

export type { TaskKind, TrainingData, MetricName };

export type OptimizerName = 'adam' | 'sgd' | 'rmsprop';
export type Activation = 'relu' | 'tanh' | 'elu';

/**
 * logistic / linear: `l2` is scikit-learn's 1 / C. The trainer adds l2 / (2 n_train) * ||w||^2
 * to the mean loss (see flatPenalty in network.ts), so l2 = 1 is LogisticRegression(C=1) and, for linear,
 * Ridge(alpha = l2 / 2). The intercept is not penalised.
 */
export type LinearModelSpec = {
  kind: 'logistic' | 'linear';
  l2: number;
  epochs: number;
  learningRate: number;
  batchSize: number;
};

/** mlp: l1 and l2 are per-sample penalties as in Keras: l1 * sum|w| + l2 * sum w^2 over kernels. */
export type MlpSpec = {
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
};

export type NetworkSpec = (LinearModelSpec & { kind: 'logistic' }) | (LinearModelSpec & { kind: 'linear' }) | MlpSpec;

/** An epoch of network training: a TrainingStep whose step is the epoch. */
export type EpochReport = TrainingStep;

export interface TrainOptions {
  seed: number;
  signal?: { readonly aborted: boolean };
  onEpoch?: (r: EpochReport) => void;
}

export type TrainFailure = FitFailure;

export type TrainOutcome = { ok: true; model: NetworkModel; history: EpochReport[]; stoppedEarly: boolean; bestEpoch: number } | TrainFailure;

/**
 * A trained network and what it needs to be read. The Sequential's last layer is the head:
 * sigmoid (binary), softmax (multiclass) or a rescaling back to target units (regression).
 */
export interface NetworkModel {
  spec: NetworkSpec;
  task: TaskKind;
  /** k classes; 2 for binary, 1 for regression. */
  classes: number;
  inputCols: number;
  net: tf.LayersModel;
}

/** Metadata stored beside the topology in model.json, so a loaded model reads the same. */
export interface LoupeModelMetadata {
  spec: NetworkSpec;
  task: TaskKind;
  classes: number;
  inputCols: number;
}

export type { FittedModel };
