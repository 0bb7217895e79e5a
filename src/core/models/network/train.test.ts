import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../compute/tf';
import { logisticKind } from '../logistic';
import { linearKind } from '../linear';
import { mlpKind } from '../mlp';
import { disposeModel, linearWeights, predict } from './predict';
import { blobs, linearTarget, xor } from '../testData';
import { trainModel } from './train';
import type { MlpSpec, TrainOutcome } from './types';
import { rankAuc } from '../validation';

function ok(outcome: TrainOutcome) {
  if (!outcome.ok) throw new Error(`${outcome.reason}: ${outcome.message}`);
  return outcome;
}

const mlp = (over: Partial<MlpSpec> = {}): MlpSpec => ({ ...(mlpKind.defaults('binary') as MlpSpec), ...over });

describe('trainModel', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('logistic separates two blobs and reports AUC per epoch', async () => {
    const train = blobs(200, 3, 2, 1);
    const val = blobs(100, 3, 2, 2);
    const reports: number[] = [];
    const r = ok(await trainModel({ ...logisticKind.defaults('binary'), epochs: 10 }, 'binary', 2, train, val, { seed: 3, onEpoch: (e) => reports.push(e.step) }));
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
    for (const spec of [{ ...logisticKind.defaults('multiclass'), epochs: 15 }, mlp({ hidden: [16], epochs: 15, learningRate: 0.01 })]) {
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
    const r = ok(await trainModel({ ...linearKind.defaults('regression'), l2: 0 }, 'regression', 1, train, val, { seed: 2 }));
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
    const lin = ok(await trainModel({ ...logisticKind.defaults('binary'), epochs: 10 }, 'binary', 2, train, val, { seed: 4 }));
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

});
