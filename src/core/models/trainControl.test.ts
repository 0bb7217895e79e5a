import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../compute/tf';
import { defaultModelSpec } from './defaults';
import { disposeModel, predict } from './predict';
import { blobs, linearTarget, noise } from './testData';
import { trainModel } from './train';
import type { MlpSpec, TrainOutcome } from './types';
import { evaluateOutputs } from './validation';

function ok(outcome: TrainOutcome) {
  if (!outcome.ok) throw new Error(`${outcome.reason}: ${outcome.message}`);
  return outcome;
}

const mlp = (over: Partial<MlpSpec> = {}): MlpSpec => ({ ...(defaultModelSpec('mlp', 'binary') as MlpSpec), ...over });

describe('trainModel: stopping, cancel, failures', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
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
