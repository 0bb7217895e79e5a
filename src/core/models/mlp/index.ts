/** A multilayer perceptron on tfjs, with dropout, L1/L2 penalties (Keras convention) and early stopping. */
import type { ModelKindDefinition } from '../kind';
import { BATCH_SIZE, EPOCHS, LEARNING_RATE } from '../network/fields';
import { fitNetwork, loadNetwork } from '../network/fitted';
import type { MlpSpec } from '../network/types';

export type { MlpSpec };

export const mlpKind: ModelKindDefinition<MlpSpec> = {
  kind: 'mlp',
  label: 'neural network (MLP)',
  tasks: ['binary', 'multiclass', 'regression'],
  progress: 'epochs',
  settings: [
    { key: 'hidden', label: 'Hidden layers', type: 'layers', help: 'units per layer, e.g. 64, 32', search: true },
    { key: 'activation', label: 'Activation', type: 'choice', options: [{ value: 'relu', label: 'ReLU' }, { value: 'tanh', label: 'tanh' }, { value: 'elu', label: 'ELU' }], search: true },
    { key: 'optimizer', label: 'Optimizer', type: 'choice', options: [{ value: 'adam', label: 'Adam' }, { value: 'sgd', label: 'SGD' }, { value: 'rmsprop', label: 'RMSprop' }] },
    { key: 'dropout', label: 'Dropout', type: 'number', min: 0, max: 1, maxExclusive: true, step: 0.05, search: true },
    { key: 'l1', label: 'L1 penalty', type: 'number', min: 0 },
    { key: 'l2', label: 'L2 penalty', type: 'number', min: 0, search: true },
    { key: 'earlyStoppingPatience', label: 'Early stopping patience', type: 'integer', min: 0, help: 'epochs without a better validation loss; 0 turns it off' },
    LEARNING_RATE,
    BATCH_SIZE,
    EPOCHS,
  ],
  defaults: () => ({
    kind: 'mlp',
    hidden: [64, 32],
    activation: 'relu',
    dropout: 0,
    l1: 0,
    l2: 1e-4,
    optimizer: 'adam',
    learningRate: 0.003,
    batchSize: 256,
    epochs: 50,
    earlyStoppingPatience: 5,
  }),
  maxSteps: (spec) => spec.epochs,
  quickSettings: { hidden: [8], epochs: 4, batchSize: 64, earlyStoppingPatience: 0 },
  fit: (data, spec, control) => fitNetwork(data, spec, control),
  load: loadNetwork,
};
