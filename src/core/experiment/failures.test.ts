import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../compute/tf';
import { defaultModelSpec, type ModelSpec } from '../models';
import type { TaskKind } from '../prep';
import { datasetFromCsv, regressionCsv } from './fixtures/smallData';
import { DEFAULT_SPLIT, runExperiment, type ExperimentConfig } from './run';

function config(target: string, task: TaskKind, features: string[], model: Partial<ModelSpec> & { kind: ModelSpec['kind'] }): ExperimentConfig {
  return {
    target,
    task,
    positiveClass: null,
    features,
    model: { ...defaultModelSpec(model.kind, task), ...model } as ModelSpec,
    seed: 1,
    split: DEFAULT_SPLIT,
    threshold: 0.5,
  };
}

describe('bad configurations fail with a reason and a message a user can act on', () => {
  const prices = datasetFromCsv(regressionCsv(400, 3));

  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('target with one class', async () => {
    const csv = 'x,flag\n' + Array.from({ length: 50 }, (_, i) => `${i},yes`).join('\n') + '\n';
    const r = await runExperiment(datasetFromCsv(csv), config('flag', 'binary', ['x'], { kind: 'logistic' }));
    expect(r).toEqual({ ok: false, error: { reason: 'bad-config', message: expect.stringMatching(/only one class \("yes"\)/) } });
  });

  it('no features selected', async () => {
    const r = await runExperiment(prices, config('price', 'regression', [], { kind: 'linear' }));
    expect(r).toEqual({ ok: false, error: { reason: 'bad-config', message: 'No features are selected: pick at least one column to learn from.' } });
  });

  it('zero epochs', async () => {
    const r = await runExperiment(prices, config('price', 'regression', ['x1', 'x2'], { kind: 'linear', epochs: 0 }));
    expect(r).toEqual({ ok: false, error: { reason: 'bad-config', message: 'Epochs must be a whole number of at least 1.' } });
  });

  it('a learning rate that diverges (1e6 on linear regression)', async () => {
    const r = await runExperiment(prices, config('price', 'regression', ['x1', 'x2', 'city'], { kind: 'linear', learningRate: 1e6, epochs: 10 }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // A finite but useless loss (Adam's steps are bounded, so it rarely overflows to NaN).
    expect(r.error.reason).toBe('diverged');
    expect(r.error.message).toMatch(/^Training diverged: the validation loss ended at [0-9.e+]+, over 10 times that of a constant prediction\. Try a lower learning rate \(for example 10000\)\.$/);
  });

  it('a learning rate that overflows (1e6 on an MLP): NaN or infinite loss', async () => {
    const r = await runExperiment(prices, config('price', 'regression', ['x1', 'x2', 'city'], { kind: 'mlp', learningRate: 1e6, epochs: 5 }));
    expect(r).toEqual({ ok: false, error: { reason: 'nan-loss', message: expect.stringMatching(/^Training diverged: the loss became (NaN|infinite) in epoch 1\. Try a lower learning rate/) } });
  });

  it('a sane learning rate still trains (the divergence guard does not fire)', async () => {
    const r = await runExperiment(prices, config('price', 'regression', ['x1', 'x2', 'city'], { kind: 'linear', epochs: 10 }));
    expect(r.ok).toBe(true);
  });

  it('a class label the data does not have', async () => {
    const csv = 'x,flag\n' + Array.from({ length: 50 }, (_, i) => `${i},${i % 2 ? 'yes' : 'no'}`).join('\n') + '\n';
    const r = await runExperiment(datasetFromCsv(csv), { ...config('flag', 'binary', ['x'], { kind: 'logistic' }), positiveClass: 'maybe' });
    expect(r).toEqual({ ok: false, error: { reason: 'bad-config', message: '"maybe" is not a class of "flag".' } });
  });

  it('a regression target that is not a number', async () => {
    const r = await runExperiment(prices, config('city', 'regression', ['x1'], { kind: 'linear' }));
    expect(r).toEqual({ ok: false, error: { reason: 'bad-config', message: expect.stringMatching(/not numeric/) } });
  });

  it('a model that does not fit the task', async () => {
    const r = await runExperiment(prices, config('price', 'regression', ['x1'], { kind: 'logistic' }));
    expect(r).toEqual({ ok: false, error: { reason: 'bad-config', message: expect.stringMatching(/^Logistic regression cannot predict a number; use linear regression, neural network/) } });
  });
});
