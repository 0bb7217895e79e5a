import { describe, expect, it } from 'vitest';
import { defaultModelSpec } from '../models';
import { bestIndex, compareMetrics, configDiff } from './compare';
import { evaluateBinary, evaluateRegression } from './evaluation';
import { DEFAULT_SPLIT, type ExperimentConfig } from './run';

const base: ExperimentConfig = {
  target: 'churned',
  task: 'binary',
  positiveClass: 'yes',
  features: ['age', 'country'],
  model: defaultModelSpec('logistic', 'binary'),
  seed: 42,
  split: DEFAULT_SPLIT,
  threshold: 0.5,
};

describe('configDiff', () => {
  it('lists only the settings that differ, including one only a run has', () => {
    const other: ExperimentConfig = { ...base, seed: 7, imbalance: { method: 'balanced-weights' } };
    const rows = configDiff([base, other]);
    expect(rows).toEqual([
      { setting: 'imbalance.method', values: ['—', 'balanced-weights'] },
      { setting: 'seed', values: ['42', '7'] },
    ]);
  });
  it('is empty for identical configs', () => {
    expect(configDiff([base, { ...base }])).toEqual([]);
  });
});

describe('compareMetrics', () => {
  const y = Float64Array.from([0, 0, 1, 1]);
  const a = evaluateBinary(y, Float64Array.from([0.1, 0.4, 0.35, 0.8]), 0.5).evaluation;
  const b = evaluateBinary(y, Float64Array.from([0.1, 0.2, 0.6, 0.8]), 0.5).evaluation;
  it('puts each run’s metric side by side and marks the best', () => {
    const rows = compareMetrics([a, b]);
    const recall = rows.find((r) => r.label === 'Recall')!;
    expect(recall.values).toEqual([0.5, 1]);
    expect(bestIndex(recall)).toBe(1);
    const logLoss = rows.find((r) => r.label === 'Log loss')!;
    expect(bestIndex(logLoss)).toBe(logLoss.values[0]! < logLoss.values[1]! ? 0 : 1);
  });
  it('shows null, not NaN, for a run of another task', () => {
    const r = evaluateRegression(Float64Array.from([1, 2]), Float64Array.from([1, 2]));
    const rows = compareMetrics([a, r]);
    expect(rows.every((row) => row.values[1] === null)).toBe(true);
    expect(bestIndex(rows[0])).toBe(-1);
  });
});
