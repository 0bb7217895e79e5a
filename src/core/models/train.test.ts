import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../compute/tf';
import { defaultModelSpec } from './defaults';
import { disposeModel, linearWeights, predict } from './predict';
import { blobs, linearTarget, noise, xor } from './testData';
import { trainModel } from './train';
import type { MlpSpec, TrainOutcome } from './types';
import { evaluateOutputs, rankAuc } from './validation';

function ok(outcome: TrainOutcome) {
  if (!outcome.ok) throw new Error(`${outcome.reason}: ${outcome.message}`);
  return outcome;
}

const mlp = (over: Partial<MlpSpec> = {}): MlpSpec => ({ ...(defaultModelSpec('mlp', 'binary') as MlpSpec), ...over });

describe('trainModel', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('logistic separates two blobs and reports AUC per epoch', async () => {
    const train = blobs(200, 3, 2, 1);
    const val = blobs(100, 3, 2, 2);
    const reports: number[] = [];
    const r = ok(await trainModel({ ...defaultModelSpec('logistic', 'binary'), epochs: 10 }, 'binary', 2, train, val, { seed: 3, onEpoch: (e) => reports.push(e.epoch) }));
    expect(reports).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r.history[9].metricName).toBe('auc');
    expect(r.history[9].valMetric).toBeGreaterThan(0.99);
    expect(r.history[9].samplesPerSecond).toBeGreaterThan(0);
    const p = predict(r.model, val.x, val.rows);
    expect(p.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(rankAuc(p, val.y)).toBeGreaterThan(0.99);
    disposeModel(r.model);
  });

  it('logistic (softmax) and the MLP learn three classes; probabilities sum to one', async () => {
    const train = blobs(300, 3, 3, 4);
    const val = blobs(150, 3, 3, 5);
    for (const spec of [{ ...defaultModelSpec('logistic', 'multiclass'), epochs: 15 }, mlp({ hidden: [16], epochs: 15, learningRate: 0.01 })]) {
      const r = ok(await trainModel(spec, 'multiclass', 3, train, val, { seed: 1 }));
      expect(r.history.at(-1)!.metricName).toBe('accuracy');
      expect(r.history.at(-1)!.valMetric).toBeGreaterThan(0.95);
      const p = predict(r.model, val.x.subarray(0, 6), 2);
      expect(p.length).toBe(6);
      expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 5);
      disposeModel(r.model);
    }
  });

  it('linear regression recovers the coefficients and intercept in target units', async () => {
    const train = linearTarget(400, [2, -3, 0.5], 6);
    const val = linearTarget(100, [2, -3, 0.5], 7);
    const r = ok(await trainModel({ ...defaultModelSpec('linear', 'regression'), l2: 0 }, 'regression', 1, train, val, { seed: 2 }));
    const w = linearWeights(r.model)!;
    [2, -3, 0.5].forEach((c, j) => expect(w.weights[j]).toBeCloseTo(c, 1));
    expect(w.bias[0]).toBeCloseTo(10, 1);
    expect(r.history.at(-1)!.metricName).toBe('rmse');
    expect(r.history.at(-1)!.valMetric).toBeLessThan(0.1);
    const p = predict(r.model, val.x, val.rows);
    expect(Math.abs(p[0] - val.y[0])).toBeLessThan(0.2);
    disposeModel(r.model);
  });

  it('the MLP learns XOR, which no linear model can', async () => {
    const train = xor(400, 8);
    const val = xor(200, 9);
    const r = ok(await trainModel(mlp({ hidden: [16, 8], epochs: 30, learningRate: 0.05, batchSize: 64, earlyStoppingPatience: 0 }), 'binary', 2, train, val, { seed: 4 }));
    expect(r.history.at(-1)!.valMetric).toBeGreaterThan(0.95);
    disposeModel(r.model);
    const lin = ok(await trainModel({ ...defaultModelSpec('logistic', 'binary'), epochs: 10 }, 'binary', 2, train, val, { seed: 4 }));
    expect(lin.history.at(-1)!.valMetric).toBeLessThan(0.7);
    disposeModel(lin.model);
  });

  it('the MLP fits a regression target with dropout, reproducibly from the seed', async () => {
    const train = linearTarget(300, [1, -1], 10, 0.1);
    const val = linearTarget(100, [1, -1], 11, 0.1);
    const spec = mlp({ hidden: [16], dropout: 0.1, epochs: 20, learningRate: 0.01, earlyStoppingPatience: 0 });
    const a = ok(await trainModel(spec, 'regression', 1, train, val, { seed: 5 }));
    const b = ok(await trainModel(spec, 'regression', 1, train, val, { seed: 5 }));
    expect(a.history.at(-1)!.valMetric).toBeLessThan(0.5); // target std is about 1.4
    expect(predict(a.model, val.x, val.rows)).toEqual(predict(b.model, val.x, val.rows));
    disposeModel(a.model);
    disposeModel(b.model);
  });

  it('early stopping restores the weights of the best validation epoch', async () => {
    const train = noise(40, 10, 12);
    const val = noise(200, 10, 13);
    const spec = mlp({ hidden: [64, 64], epochs: 60, learningRate: 0.02, batchSize: 8, l2: 0, earlyStoppingPatience: 3 });
    const r = ok(await trainModel(spec, 'binary', 2, train, val, { seed: 6 }));
    expect(r.stoppedEarly).toBe(true);
    expect(r.history.length).toBe(r.bestEpoch + 3);
    const losses = r.history.map((h) => h.valLoss);
    expect(Math.min(...losses)).toBe(losses[r.bestEpoch - 1]);
    expect(losses.at(-1)!).toBeGreaterThan(losses[r.bestEpoch - 1]);
    // The returned model scores the best epoch's validation loss, not the last one's.
    const p = predict(r.model, val.x, val.rows);
    const logits = Float32Array.from(p, (q) => Math.log(q / (1 - q)));
    expect(evaluateOutputs('binary', logits, val.y, 1, 1).loss).toBeCloseTo(losses[r.bestEpoch - 1], 4);
    disposeModel(r.model);
  });

  it('stops on cancel between batches and frees everything', async () => {
    const before = tf.memory().numTensors;
    const signal = { aborted: false };
    const train = blobs(500, 4, 2, 14);
    const r = await trainModel(mlp({ epochs: 50, batchSize: 16 }), 'binary', 2, train, train, {
      seed: 1,
      signal,
      onEpoch: (e) => {
        if (e.epoch === 2) signal.aborted = true;
      },
    });
    expect(r).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reports a diverging loss as nan-loss with advice, and frees everything', async () => {
    const before = tf.memory().numTensors;
    const train = linearTarget(200, [3, 1], 15);
    const r = await trainModel(mlp({ optimizer: 'sgd', learningRate: 1e6, epochs: 5 }), 'regression', 1, train, train, { seed: 1 });
    expect(r).toMatchObject({ ok: false, reason: 'nan-loss' });
    if (!r.ok) expect(r.message).toMatch(/lower learning rate/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses bad configurations with a message', async () => {
    const train = blobs(20, 2, 2, 1);
    const spec = defaultModelSpec('logistic', 'binary');
    const empty = { x: new Float32Array(0), y: new Float32Array(20), rows: 20, cols: 0 };
    const cases: [Parameters<typeof trainModel>, RegExp][] = [
      [[{ ...spec, epochs: 0 }, 'binary', 2, train, train, { seed: 1 }], /Epochs/],
      [[{ ...spec, batchSize: 0 }, 'binary', 2, train, train, { seed: 1 }], /Batch size/],
      [[spec, 'binary', 2, empty, empty, { seed: 1 }], /no feature columns/],
      [[mlp({ hidden: [0] }), 'binary', 2, train, train, { seed: 1 }], /hidden layer/],
      [[spec, 'regression', 1, train, train, { seed: 1 }], /linear regression/],
    ];
    for (const [args, message] of cases) {
      const r = await trainModel(...args);
      expect(r).toMatchObject({ ok: false, reason: 'bad-config' });
      if (!r.ok) expect(r.message).toMatch(message);
    }
  });
});
