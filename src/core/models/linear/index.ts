/** Linear regression on tfjs: one dense layer on a standardized target, as scikit-learn's Ridge(alpha = l2 / 2). */
import type { ModelKindDefinition } from '../kind';
import { BATCH_SIZE, EPOCHS, LEARNING_RATE } from '../network/fields';
import { fitNetwork, loadNetwork } from '../network/fitted';
import type { LinearModelSpec } from '../network/types';

export type LinearSpec = LinearModelSpec & { kind: 'linear' };

export const linearKind: ModelKindDefinition<LinearSpec> = {
  kind: 'linear',
  label: 'linear regression',
  tasks: ['regression'],
  progress: 'epochs',
  settings: [{ key: 'l2', label: 'L2 strength (1/C)', type: 'number', min: 0, search: true }, LEARNING_RATE, BATCH_SIZE, EPOCHS],
  defaults: () => ({ kind: 'linear', l2: 1, epochs: 40, learningRate: 0.1, batchSize: 256 }),
  maxSteps: (spec) => spec.epochs,
  quickSettings: { epochs: 5, batchSize: 64 },
  fit: (data, spec, control) => fitNetwork(data, spec, control),
  load: loadNetwork,
};
