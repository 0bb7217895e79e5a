/**
 * Online updates of the network kinds: one plain SGD step equals the gradient step worked out by
 * hand in float64, and updates on a seeded stream whose relation shifted bring its loss down.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../compute/tf';
import { createRandom } from '../../random';
import { fitModel } from '../fit';
import type { FittedModel, TrainingData } from '../kind';
import { networkOf } from './fitted';
import { linearWeights } from './predict';

/** y = 1 with probability sigmoid(x . w): the stream's relation before and after its shift. */
function logisticRows(rows: number, w: number[], seed: number): TrainingData {
  const r = createRandom(seed);
  const cols = w.length;
  const x = new Float32Array(rows * cols);
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    let z = 0;
    for (let j = 0; j < cols; j++) z += (x[i * cols + j] = r.normal()) * w[j];
    y[i] = r.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return { x, y, rows, cols };
}

async function fitted(kind: 'logistic' | 'mlp', train: TrainingData, over: Record<string, number | string | number[]> = {}): Promise<FittedModel> {
  const spec = kind === 'logistic' ? { kind, l2: 1, epochs: 10, learningRate: 0.05, batchSize: 64, ...over } : { kind, hidden: [8], activation: 'relu', dropout: 0, l1: 0, l2: 0, optimizer: 'adam', learningRate: 0.01, batchSize: 64, epochs: 10, earlyStoppingPatience: 0, ...over };
  const empty = { x: new Float32Array(0), y: new Float32Array(0), rows: 0, cols: train.cols };
  const r = await fitModel(spec as never, { task: 'binary', classes: 2, train, val: empty, seed: 1 }, {});
  if (!r.ok) throw new Error(r.message);
  return r.model;
}

describe('network partialFit', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('logistic, plain SGD, one full batch: W - lr (X^T (p - y) / n + l2 / n W), to 1e-6', async () => {
    const model = await fitted('logistic', logisticRows(200, [1, -1, 0.5], 2));
    const data = logisticRows(40, [-1, 1, 0], 3);
    const { weights: w, bias } = linearWeights(networkOf(model)!)!;
    const lr = 0.3;
    const l2 = 1;
    const n = data.rows;
    const gw = new Float64Array(3);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      let z = bias[0];
      for (let j = 0; j < 3; j++) z += data.x[i * 3 + j] * w[j];
      const d = 1 / (1 + Math.exp(-z)) - data.y[i];
      for (let j = 0; j < 3; j++) gw[j] += (data.x[i * 3 + j] * d) / n;
      gb += d / n;
    }
    // batchSize 64 >= 40 rows: one step, whatever the shuffle.
    const r = await model.partialFit!(data, { seed: 1, epochs: 1, optimizer: 'sgd', learningRate: lr, batchSize: 64 });
    if (!r.ok) throw new Error(r.message);
    const after = linearWeights(networkOf(r.model)!)!;
    for (let j = 0; j < 3; j++) expect(Math.abs(after.weights[j] - (w[j] - lr * (gw[j] + (l2 / n) * w[j])))).toBeLessThan(1e-6);
    expect(Math.abs(after.bias[0] - (bias[0] - lr * gb))).toBeLessThan(1e-6);
    r.model.dispose();
    model.dispose();
  });

  for (const kind of ['logistic', 'mlp'] as const) {
    it(`${kind}: updates window by window on a shifted stream bring its loss down; the frozen model's stays high`, async () => {
      const model = await fitted(kind, logisticRows(600, [2, -2, 0], 4));
      let current = model;
      const losses: number[] = [];
      for (let window = 0; window < 6; window++) {
        // After the shift the first two features swap roles.
        const rows = logisticRows(200, [-2, 2, 0], 10 + window);
        const r = await current.partialFit!(rows, { seed: window, epochs: 2 });
        if (!r.ok) throw new Error(r.message);
        losses.push(r.lossBefore);
        if (current !== model) current.dispose();
        current = r.model;
      }
      // Prequential: the loss of each window before learning from it falls well below the first.
      expect(losses[5]).toBeLessThan(0.7 * losses[0]);
      expect(losses[0]).toBeGreaterThan(Math.log(2));
      current.dispose();
      model.dispose();
    });
  }
});
