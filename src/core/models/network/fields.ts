/** Settings every network kind has, written once: the optimiser's step, batch and epochs. */
import type { SettingField } from '../settings';

export const LEARNING_RATE: SettingField = { key: 'learningRate', label: 'Learning rate', type: 'number', min: 0, minExclusive: true, search: true };
export const BATCH_SIZE: SettingField = { key: 'batchSize', label: 'Batch size', type: 'integer', min: 1 };
export const EPOCHS: SettingField = { key: 'epochs', label: 'Epochs', type: 'integer', min: 1 };
