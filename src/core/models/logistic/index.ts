/**
 * Logistic regression (softmax for several classes) on tfjs: one dense layer trained by Adam with a
 * cosine-decayed step, penalised as scikit-learn's LogisticRegression(C = 1 / l2).
 */
import type { ModelKindDefinition } from '../kind';
import { BATCH_SIZE, EPOCHS, LEARNING_RATE } from '../network/fields';
import { fitNetwork, loadNetwork } from '../network/fitted';
import type { LinearModelSpec } from '../network/types';

export type LogisticSpec = LinearModelSpec & { kind: 'logistic' };

export const logisticKind: ModelKindDefinition<LogisticSpec> = {
  kind: 'logistic',
  label: 'logistic regression',
  tasks: ['binary', 'multiclass'],
  progress: 'epochs',
  settings: [{ key: 'l2', label: 'L2 strength (1/C)', type: 'number', min: 0, search: true }, LEARNING_RATE, BATCH_SIZE, EPOCHS],
  // l2 = 1 is scikit-learn's C = 1. Adam at 0.05 with batch 256 reaches its optimum
  // within 0.01 AUC in 40 epochs (network/logistic.test.ts checks against scikit-learn).
  defaults: () => ({ kind: 'logistic', l2: 1, epochs: 40, learningRate: 0.05, batchSize: 256 }),
  maxSteps: (spec) => spec.epochs,
  quickSettings: { epochs: 5, batchSize: 64 },
  fit: (data, spec, control) => fitNetwork(data, spec, control),
  load: loadNetwork,
};
