/** The generic doors: specs are checked against their kind's schema and task before any fit. */
import { describe, expect, it } from 'vitest';
import { defaultModelSpec, fitModel, parseModelSpec } from './fit';
import { kindsFor } from './registry';
import { blobs } from './testData';

describe('fitModel refuses bad configurations with a message', () => {
  const train = blobs(20, 2, 2, 1);
  const data = (over = {}) => ({ task: 'binary' as const, classes: 2, train, val: train, seed: 1, ...over });
  const logistic = defaultModelSpec('logistic', 'binary');
  const cases: [Parameters<typeof fitModel>, RegExp][] = [
    [[{ ...logistic, epochs: 0 }, data()], /^Epochs must be a whole number of at least 1\.$/],
    [[{ ...logistic, batchSize: 0 }, data()], /^Batch size must be a whole number/],
    [[{ ...logistic, learningRate: 0 }, data()], /^Learning rate must be a positive number\.$/],
    [[logistic, data({ train: { x: new Float32Array(0), y: new Float32Array(20), rows: 20, cols: 0 } })], /no feature columns/],
    [[{ ...defaultModelSpec('mlp', 'binary'), hidden: [0] }, data()], /Hidden layers: each layer needs at least one unit/],
    [[{ ...defaultModelSpec('mlp', 'binary'), dropout: 1 }, data()], /^Dropout must be a number at least 0 and below 1\.$/],
    [[{ ...defaultModelSpec('mlp', 'binary'), activation: 'sigmoid' }, data()], /^Activation must be one of ReLU, tanh, ELU\.$/],
    [[logistic, data({ task: 'regression', classes: 1 })], /^Logistic regression cannot predict a number; use linear regression, neural network \(MLP\) or gradient-boosted trees\.$/],
    [[{ kind: 'forest' }, data()], /does not know the model kind "forest"/],
  ];
  for (const [args, message] of cases) {
    it(String(message), async () => {
      const r = await fitModel(...args);
      expect(r).toMatchObject({ ok: false, reason: 'bad-config' });
      if (!r.ok) expect(r.message).toMatch(message);
    });
  }
});

describe('parseModelSpec', () => {
  it('keeps only the kind’s own settings, so a link or file cannot smuggle others in', () => {
    const parsed = parseModelSpec({ ...defaultModelSpec('logistic', 'binary'), hidden: [4], note: 'x' }, 'binary');
    expect(parsed).toEqual({ ok: true, value: defaultModelSpec('logistic', 'binary') });
  });

  it('names a missing setting', () => {
    expect(parseModelSpec({ kind: 'mlp', hidden: [4] })).toMatchObject({ ok: false, message: expect.stringMatching(/missing "Activation"/) });
  });

  it('lists the kinds for a task in registration order', () => {
    expect(kindsFor('binary').map((k) => k.kind)).toEqual(['logistic', 'mlp', 'gbdt']);
    expect(kindsFor('regression').map((k) => k.kind)).toEqual(['linear', 'mlp', 'gbdt']);
  });
});
